// Story of the token → cascade root lookup that conversion attribution uses.
import { describe, expect, it } from 'vitest';
import { buildCascades } from './build-cascades.js';
import { indexCascadeRoots } from './index-cascade-roots.js';
import type { CascadeVisit } from './types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function visit(token: string, parent: string | null, ts: number, extra: Partial<CascadeVisit> = {}): CascadeVisit {
  return { token, parent, ts, type: 'pageview', platform: 'whatsapp', visitor: null, ...extra };
}

describe('indexCascadeRoots', () => {
  it('maps every visit token to its tree root and the root link', () => {
    const roots = indexCascadeRoots(buildCascades([
      visit('clk', null, T0, { type: 'click', linkId: 'lnk_1' }),
      visit('land', 'clk', T0 + 1),
      visit('friend', 'land', T0 + 2),
      visit('direct', null, T0 + 3, { siteId: 'site_1' }),
    ]));
    expect(roots.get('friend')).toEqual({ rootToken: 'clk', linkId: 'lnk_1' });
    expect(roots.get('clk')).toEqual({ rootToken: 'clk', linkId: 'lnk_1' });
    expect(roots.get('direct')).toEqual({ rootToken: 'direct', linkId: null });
    expect(roots.has('unknown')).toBe(false);
  });

  it('a token minted twice resolves to the tree of its earliest visit', () => {
    const roots = indexCascadeRoots(buildCascades([
      visit('dup', null, T0, { type: 'click', linkId: 'lnk_first' }),
      visit('other', null, T0 + 5, { type: 'click', linkId: 'lnk_other' }),
      visit('dup', 'other', T0 + 10),
    ]));
    expect(roots.get('dup')).toEqual({ rootToken: 'dup', linkId: 'lnk_first' });
  });
});
