// Story of the cascade builder: visits find their parents, odd data is set aside and counted, big inputs finish.
import { describe, expect, it } from 'vitest';
import { buildCascadeForest, buildCascades } from './build-cascades.js';
import { listCascadeNodes } from './list-cascade-nodes.js';
import type { Cascade, CascadeVisit } from './types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

function visit(token: string, parent: string | null, ts: number, extra: Partial<CascadeVisit> = {}): CascadeVisit {
  return { token, parent, ts, type: 'pageview', platform: 'whatsapp', visitor: `v-${token}`, ...extra };
}

/** token → parent token of every node, to compare tree shapes without deep recursion. */
function edgesOf(cascade: Cascade): Record<string, string | null> {
  return Object.fromEntries(listCascadeNodes(cascade.root).map((node) => [node.token, node.parentToken]));
}

describe('buildCascades', () => {
  it('joins a tracked-link click and the pageview it lands on into one tree', () => {
    const [cascade, ...rest] = buildCascades([
      visit('land', 'clk', T0 + 1_000, { type: 'pageview', siteId: 'site_1', platform: 'whatsapp' }),
      visit('clk', null, T0, { type: 'click', linkId: 'lnk_1', platform: 'whatsapp' }),
    ]);
    expect(rest).toHaveLength(0);
    expect(cascade.rootToken).toBe('clk');
    expect(cascade.root.type).toBe('click');
    expect(cascade.root.children.map((c) => c.token)).toEqual(['land']);
    expect(cascade.linkId).toBe('lnk_1');
    expect(cascade.siteId).toBe('site_1');
    expect(cascade.orphan).toBe(false);
  });

  it('a root → child → grandchild chain has size 3 and depth 2 (generations below the root)', () => {
    const [cascade] = buildCascades([visit('a', null, T0), visit('b', 'a', T0 + MIN), visit('c', 'b', T0 + 2 * MIN)]);
    expect(cascade.size).toBe(3);
    expect(cascade.depth).toBe(2);
    expect(cascade.breadth).toEqual([1, 1, 1]);
    expect(listCascadeNodes(cascade.root).map((n) => n.generation)).toEqual([0, 1, 2]);
  });

  it('orders children by time and trees by root time, whatever the input order', () => {
    const visits = [
      visit('late-root', null, T0 + DAY),
      visit('kid-2', 'root', T0 + 2 * MIN),
      visit('root', null, T0),
      visit('kid-1', 'root', T0 + MIN),
    ];
    const cascades = buildCascades(visits);
    expect(cascades.map((c) => c.rootToken)).toEqual(['root', 'late-root']);
    expect(cascades[0].root.children.map((c) => c.token)).toEqual(['kid-1', 'kid-2']);
    const reversed = buildCascades([...visits].reverse());
    expect(reversed.map(edgesOf)).toEqual(cascades.map(edgesOf));
  });

  it('community invite joins are visits that can have children', () => {
    const [cascade] = buildCascades([
      visit('inv', null, T0, { type: 'join', platform: 'discord', linkId: 'lnk_invite' }),
      visit('friend', 'inv', T0 + MIN, { type: 'join', platform: 'discord' }),
    ]);
    expect(cascade.size).toBe(2);
    expect(cascade.root.children[0].type).toBe('join');
  });

  it('keeps a visit whose parent token is unknown as an orphan root, with its own descendants', () => {
    const forest = buildCascadeForest([visit('x', 'gone-yesterday', T0), visit('y', 'x', T0 + MIN)]);
    const [cascade] = forest.cascades;
    expect(cascade.rootToken).toBe('x');
    expect(cascade.orphan).toBe(true);
    expect(cascade.missingParent).toBe('gone-yesterday');
    expect(cascade.size).toBe(2);
    expect(cascade.root.parentToken).toBeNull();
    expect(forest.rejected).toEqual([]);
  });

  it('refuses a visit that names itself as parent: it becomes a root and the edge is listed', () => {
    const forest = buildCascadeForest([visit('me', 'me', T0), visit('kid', 'me', T0 + MIN)]);
    expect(forest.cascades).toHaveLength(1);
    const [cascade] = forest.cascades;
    expect(cascade.rootToken).toBe('me');
    expect(cascade.size).toBe(2);
    expect(cascade.orphan).toBe(false);
    expect(cascade.broken).toEqual({ token: 'me', parent: 'me', reason: 'self_parent' });
    expect(forest.rejected).toEqual([{ token: 'me', parent: 'me', reason: 'self_parent' }]);
  });

  it('breaks a 2-visit cycle at its earliest visit instead of looping forever', () => {
    const forest = buildCascadeForest([visit('b', 'a', T0 + MIN), visit('a', 'b', T0)]);
    expect(forest.cascades).toHaveLength(1);
    const [cascade] = forest.cascades;
    expect(cascade.rootToken).toBe('a');
    expect(edgesOf(cascade)).toEqual({ a: null, b: 'a' });
    expect(cascade.broken).toEqual({ token: 'a', parent: 'b', reason: 'cycle' });
    expect(forest.rejected).toEqual([{ token: 'a', parent: 'b', reason: 'cycle' }]);
  });

  it('breaks a longer cycle with a tail hanging off it, keeping every visit once', () => {
    const forest = buildCascadeForest([
      visit('tail', 'q', T0 + 5 * MIN),
      visit('p', 'r', T0 + 2 * MIN),
      visit('q', 'p', T0 + MIN),
      visit('r', 'q', T0 + 3 * MIN),
    ]);
    expect(forest.cascades).toHaveLength(1);
    const [cascade] = forest.cascades;
    expect(cascade.rootToken).toBe('q');
    expect(cascade.size).toBe(4);
    // q → p → r → q: dropping q's edge leaves q ← r ← p, and the tail still hangs off q.
    expect(edgesOf(cascade)).toEqual({ q: null, r: 'q', p: 'r', tail: 'q' });
    expect(cascade.depth).toBe(2);
    expect(forest.rejected).toEqual([{ token: 'q', parent: 'p', reason: 'cycle' }]);
  });

  it('gives a token minted twice to its earliest visit and keeps the later one as a flagged leaf', () => {
    const forest = buildCascadeForest([
      visit('kid', 'dup', T0 + DAY + MIN),
      visit('dup', 'other', T0 + DAY, { visitor: 'day-2' }),
      visit('other', null, T0 + DAY - MIN),
      visit('dup', null, T0, { visitor: 'day-1' }),
    ]);
    expect(forest.duplicates).toEqual([{ token: 'dup', ownerTs: T0, ts: T0 + DAY }]);
    const [first, second] = forest.cascades;
    expect(first.rootToken).toBe('dup');
    expect(first.root.duplicate).toBe(false);
    expect(first.root.children.map((c) => c.token)).toEqual(['kid']);
    expect(second.rootToken).toBe('other');
    const again = second.root.children[0];
    expect(again).toMatchObject({ token: 'dup', duplicate: true, visitor: 'day-2', children: [] });
  });

  it('attaches previews and shares to the visit whose link was shared; they are not visits', () => {
    const forest = buildCascadeForest([
      visit('a', null, T0, { type: 'click', platform: 'x' }),
      visit('a', null, T0 + 2 * MIN, { type: 'preview', platform: 'telegram', visitor: null }),
      visit('a', null, T0 + MIN, { type: 'share', platform: 'whatsapp' }),
      visit('nobody', null, T0, { type: 'preview', platform: 'signal' }),
      visit('a', null, T0 + MIN, { type: 'copy' }),
      visit('a', null, T0 + 3 * MIN, { type: 'conversion' }),
    ]);
    const [cascade] = forest.cascades;
    expect(cascade.size).toBe(1);
    expect(cascade.root.shares).toEqual([
      { platform: 'whatsapp', ts: T0 + MIN },
      { platform: 'telegram', ts: T0 + 2 * MIN },
    ]);
    expect(cascade.shares).toBe(2);
    expect(forest.unattachedShares).toBe(1);
    expect(forest.ignored).toBe(2);
  });

  it('builds a 10,000-deep chain without overflowing the stack', () => {
    const visits = Array.from({ length: 10_000 }, (_, i) => visit(`t${i}`, i === 0 ? null : `t${i - 1}`, T0 + i));
    const cascades = buildCascades(visits.reverse());
    expect(cascades).toHaveLength(1);
    expect(cascades[0].size).toBe(10_000);
    expect(cascades[0].depth).toBe(9_999);
    expect(cascades[0].kByGeneration).toHaveLength(10_000);
  });

  it('builds 100,000 random visits, a 1,000-visit ring among them, every visit in exactly one tree', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    const visits: CascadeVisit[] = [];
    for (let i = 0; i < 99_000; i++) {
      const roll = random();
      // Mostly known parents (earlier or later), some unknown ones, some first visits.
      const parent = roll < 0.3 ? null : roll < 0.35 ? `missing${i}` : `t${Math.floor(random() * 99_000)}`;
      visits.push(visit(`t${i}`, parent, T0 + Math.floor(random() * DAY), { visitor: `v${i % 5000}` }));
    }
    for (let i = 0; i < 1_000; i++) visits.push(visit(`ring${i}`, `ring${(i + 1) % 1_000}`, T0 + i));
    const forest = buildCascadeForest(visits);
    const total = forest.cascades.reduce((sum, c) => sum + c.size, 0);
    expect(total).toBe(100_000);
    expect(forest.cascades.every((c) => c.root.parentToken === null)).toBe(true);
    expect(forest.rejected).toContainEqual({ token: 'ring0', parent: 'ring1', reason: 'cycle' });
    expect(forest.cascades.find((c) => c.rootToken === 'ring0')?.size).toBe(1_000);
});
});

describe('revisits (a reload reads back the token the tracker wrote into the address)', () => {
  const me = { visitor: 'v-me', path: '/drop' };

  it('folds reloads of one visitor on one path into the first visit, with their children and shares', () => {
    const forest = buildCascadeForest([
      visit('clk', null, T0, { type: 'click', visitor: 'v-me', linkId: 'lnk_1' }),
      visit('land', 'clk', T0 + 1_000, me),
      visit('reload1', 'land', T0 + 2_000, me),
      visit('reload2', 'reload1', T0 + 3_000, me),
      // Shared after the second reload: the preview names reload2's token, the friend's visit names it as parent.
      { token: 'reload2', parent: null, ts: T0 + 4_000, type: 'preview', platform: 'whatsapp', visitor: null },
      visit('friend', 'reload2', T0 + 5_000, { visitor: 'v-friend', path: '/drop' }),
    ]);
    expect(forest.revisits).toBe(2);
    const [cascade] = forest.cascades;
    expect(edgesOf(cascade)).toEqual({ clk: null, land: 'clk', friend: 'land' });
    expect(cascade.size).toBe(3);
    expect(cascade.depth).toBe(2);
    const land = cascade.root.children[0]!;
    expect(land.shares).toEqual([{ platform: 'whatsapp', ts: T0 + 4_000 }]);
  });

  it('keeps as visits: a click and its landing page (same person, two kinds of visit), another path, another visitor', () => {
    const forest = buildCascadeForest([
      visit('clk', null, T0, { type: 'click', visitor: 'v-me' }),
      visit('land', 'clk', T0 + 1_000, me),
      visit('other-page', 'land', T0 + 2_000, { visitor: 'v-me', path: '/cart' }),
      visit('friend', 'land', T0 + 3_000, { visitor: 'v-friend', path: '/drop' }),
      visit('no-visitor', 'land', T0 + 4_000, { visitor: null, path: '/drop' }),
    ]);
    expect(forest.revisits).toBe(0);
    expect(forest.cascades[0]!.size).toBe(5);
  });

  it('folds a chain of 10,000 reloads without recursion', () => {
    const rows = [visit('r0', null, T0, me)];
    for (let i = 1; i <= 10_000; i++) rows.push(visit(`r${i}`, `r${i - 1}`, T0 + i, me));
    const forest = buildCascadeForest(rows.reverse());
    expect(forest.revisits).toBe(10_000);
    expect(forest.cascades).toHaveLength(1);
    expect(forest.cascades[0]!.size).toBe(1);
  });
});
