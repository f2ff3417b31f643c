// Story of the tree metrics, checked against numbers worked out by hand on small trees.
import { describe, expect, it } from 'vitest';
import { buildCascades } from './build-cascades.js';
import { measureCascade } from './measure-cascade.js';
import type { CascadeVisit } from './types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const MIN = 60_000;

function visit(token: string, parent: string | null, ts: number, extra: Partial<CascadeVisit> = {}): CascadeVisit {
  return { token, parent, ts, type: 'pageview', platform: 'whatsapp', visitor: `v-${token}`, ...extra };
}

//        R (x)
//      /   \
//     A     B            A shared into telegram, B's link previewed in signal
//   / | \
//  C  D  E
const SMALL_TREE: CascadeVisit[] = [
  visit('R', null, T0, { type: 'click', platform: 'x', visitor: 'alice', linkId: 'lnk_1' }),
  visit('A', 'R', T0 + 2 * MIN, { visitor: 'bob' }),
  visit('B', 'R', T0 + 10 * MIN, { visitor: 'bob' }),
  visit('C', 'A', T0 + 3 * MIN, { visitor: 'carol' }),
  visit('D', 'A', T0 + 6 * MIN, { visitor: null }),
  visit('E', 'A', T0 + 30 * MIN, { visitor: 'alice', platform: 'telegram' }),
  visit('A', null, T0 + 2 * MIN + 30_000, { type: 'share', platform: 'telegram' }),
  visit('B', null, T0 + 40 * MIN, { type: 'preview', platform: 'signal', visitor: null }),
];

describe('measureCascade', () => {
  const [cascade] = buildCascades(SMALL_TREE);

  it('counts size, depth and breadth per generation', () => {
    expect(cascade.size).toBe(6);
    expect(cascade.depth).toBe(2);
    expect(cascade.breadth).toEqual([1, 2, 3]);
  });

  it('K-factor is the mean number of children per visit: 5 edges over 6 visits', () => {
    expect(cascade.kFactor).toBeCloseTo(5 / 6, 12);
    // generation 0: R has 2 children; generation 1: A has 3, B has 0 → 1.5; generation 2: leaves → 0.
    expect(cascade.kByGeneration).toEqual([2, 1.5, 0]);
  });

  it('reach counts each visitor hash once and ignores unknown visitors', () => {
    // alice (R, E), bob (A, B), carol (C); D has no hash.
    expect(cascade.reach).toBe(3);
  });

  it('platforms crossed include the platforms links were shared into', () => {
    expect(cascade.platforms).toEqual(['signal', 'telegram', 'whatsapp', 'x']);
    expect(cascade.shares).toBe(2);
  });

  it('median delay is taken over parent → child edges', () => {
    // R→A 2, R→B 10, A→C 1, A→D 4, A→E 28 minutes → median 4 minutes.
    expect(cascade.medianDelayMs).toBe(4 * MIN);
  });

  it('an even number of edges takes the mean of the two middle delays', () => {
    const [tree] = buildCascades([
      visit('r', null, T0), visit('a', 'r', T0 + MIN), visit('b', 'r', T0 + 3 * MIN), visit('c', 'a', T0 + 11 * MIN),
    ]);
    // delays 1, 3, 10 minutes → the middle one.
    expect(tree.medianDelayMs).toBe(3 * MIN);
    const [four] = buildCascades([
      visit('r', null, T0), visit('a', 'r', T0 + MIN), visit('b', 'r', T0 + 3 * MIN),
      visit('c', 'a', T0 + 11 * MIN), visit('d', 'c', T0 + 31 * MIN),
    ]);
    // delays 1, 3, 10, 20 minutes → (3 + 10) / 2.
    expect(four.medianDelayMs).toBe(6.5 * MIN);
  });

  it('first and last times span visits and shares; the root link is the tree link', () => {
    expect(cascade.firstTs).toBe(T0);
    expect(cascade.lastTs).toBe(T0 + 40 * MIN);
    expect(cascade.rootToken).toBe('R');
    expect(cascade.linkId).toBe('lnk_1');
    expect(cascade.siteId).toBeNull();
  });

  it('a lone visit has depth 0, K-factor 0 and no delay', () => {
    const [lone] = buildCascades([visit('solo', null, T0)]);
    expect(lone).toMatchObject({ size: 1, depth: 0, breadth: [1], kFactor: 0, kByGeneration: [0], medianDelayMs: null });
  });

  it('a child logged before its parent (clock skew) counts as no delay, not a negative one', () => {
    const [skewed] = buildCascades([visit('p', null, T0), visit('c', 'p', T0 - 5_000)]);
    expect(skewed.medianDelayMs).toBe(0);
  });

  it('measures any subtree with generations counted from that subtree', () => {
    const subtree = measureCascade(cascade.root.children[0]);
    expect(subtree).toMatchObject({ rootToken: 'A', size: 4, depth: 1, breadth: [1, 3], kByGeneration: [3, 0] });
  });
});
