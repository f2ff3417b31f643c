// Story of the token walk: from any visit's token up to its cascade's root, by the rules buildCascades uses.
import { describe, expect, it } from 'vitest';
import { buildCascades, indexCascadeRoots, type CascadeVisit } from '../cascades/index.js';
import type { DialectQuery, EventReader } from '../store/types.js';
import { findCascadeRoot } from './find-cascade-root.js';

/** An event reader over rows in memory that answers the walk's one question: the earliest visit minting a token. */
function readerOf(rows: CascadeVisit[]): EventReader {
  return {
    dialect: 'sqlite',
    catchUp: async () => undefined,
    all: async <T>(_q: DialectQuery, params: Record<string, unknown>) => rows
      .filter((r) => r.token === params.token && ['click', 'pageview', 'join'].includes(r.type))
      .sort((a, b) => a.ts - b.ts)
      .slice(0, 1)
      .map((r) => ({ token: r.token, parent: r.parent, link_id: r.linkId ?? null, platform: r.platform, ts: r.ts })) as T[],
  };
}

const visit = (token: string, parent: string | null, ts: number, extra: Partial<CascadeVisit> = {}): CascadeVisit =>
  ({ token, parent, ts, type: 'pageview', platform: 'unknown', visitor: null, ...extra });

describe('findCascadeRoot', () => {
  it('walks a grandchild up to the click on the tracked link', async () => {
    const rows = [visit('root', null, 1, { type: 'click', linkId: 'lnk_1', platform: 'whatsapp' }), visit('child', 'root', 2), visit('grand', 'child', 3)];
    expect(await findCascadeRoot(readerOf(rows), 'ws', 'grand')).toEqual({ rootToken: 'root', linkId: 'lnk_1', platform: 'whatsapp' });
  });

  it('an unknown token has no root; a visit whose parent nobody minted is its own root', async () => {
    const rows = [visit('orphan', 'lost', 1, { siteId: 'site_1' })];
    expect(await findCascadeRoot(readerOf(rows), 'ws', 'nope')).toBeNull();
    expect(await findCascadeRoot(readerOf(rows), 'ws', 'orphan')).toMatchObject({ rootToken: 'orphan', linkId: null });
  });

  it('shares never own a token, and a token minted twice belongs to its earliest visit', async () => {
    const rows = [
      visit('a', null, 1, { type: 'click', linkId: 'lnk_a' }), visit('b', null, 2, { type: 'click', linkId: 'lnk_b' }),
      visit('dup', 'b', 9), visit('dup', 'a', 5), visit('c', 'dup', 10), visit('c', 'b', 0, { type: 'preview' }),
    ];
    expect(await findCascadeRoot(readerOf(rows), 'ws', 'c')).toMatchObject({ rootToken: 'a', linkId: 'lnk_a' });
  });

  it('a self-parent is a root; in a cycle the earliest visit is the root', async () => {
    expect(await findCascadeRoot(readerOf([visit('self', 'self', 1)]), 'ws', 'self')).toMatchObject({ rootToken: 'self' });
    const cycle = [visit('x', 'z', 5), visit('y', 'x', 3), visit('z', 'y', 4)];
    expect(await findCascadeRoot(readerOf(cycle), 'ws', 'x')).toMatchObject({ rootToken: 'y' });
  });

  it('agrees with buildCascades + indexCascadeRoots on every token of a mixed forest', async () => {
    const rows = [
      visit('r1', null, 1, { type: 'click', linkId: 'lnk_1' }), visit('p1', 'r1', 2), visit('p2', 'p1', 3), visit('p3', 'p1', 4),
      visit('r2', 'gone', 5), visit('q1', 'r2', 6), visit('j1', null, 7, { type: 'join', linkId: 'lnk_inv' }), visit('j2', 'j1', 8),
      visit('c1', 'c3', 10), visit('c2', 'c1', 11), visit('c3', 'c2', 12),
    ];
    const index = indexCascadeRoots(buildCascades(rows));
    for (const token of index.keys()) {
      const walked = await findCascadeRoot(readerOf(rows), 'ws', token);
      expect({ token, rootToken: walked?.rootToken, linkId: walked?.linkId }).toEqual({ token, ...index.get(token) });
    }
  });
});
