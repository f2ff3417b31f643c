// Story of a link's cascade summary: how many trees, how big, the largest ones, the overall K-factor.
import { describe, expect, it } from 'vitest';
import { buildCascades } from './build-cascades.js';
import { bucketOfSize, groupCascades, summarizeCascades } from './summarize-cascades.js';
import type { CascadeVisit } from './types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

/** A star of `size` visits (root plus size-1 children) rooted at `token`. */
function star(token: string, size: number, ts: number, linkId: string | null = 'lnk_1'): CascadeVisit[] {
  const root: CascadeVisit = { token, parent: null, ts, type: 'click', platform: 'whatsapp', visitor: null, linkId };
  const kids = Array.from({ length: size - 1 }, (_, i): CascadeVisit => (
    { token: `${token}.${i}`, parent: token, ts: ts + i + 1, type: 'pageview', platform: 'whatsapp', visitor: null }
  ));
  return [root, ...kids];
}

describe('summarizeCascades', () => {
  const cascades = buildCascades([
    ...star('a', 1, T0), ...star('b', 1, T0 + 1), ...star('c', 2, T0 + 2), ...star('d', 4, T0 + 3),
    ...star('i', 3, T0 - 10), ...star('e', 7, T0 + 4), ...star('f', 20, T0 + 5), ...star('g', 60, T0 + 6, 'lnk_2'),
    // a chain of 3: as big as star i, but deeper
    { token: 'h', parent: null, ts: T0 + 7, type: 'click', platform: 'x', visitor: null, linkId: 'lnk_2' },
    { token: 'h1', parent: 'h', ts: T0 + 8, type: 'pageview', platform: 'x', visitor: null },
    { token: 'h2', parent: 'h1', ts: T0 + 9, type: 'pageview', platform: 'x', visitor: null },
  ]);

  it('sorts tree sizes into the buckets 1, 2, 3-5, 6-10, 11-50, 51+', () => {
    expect(summarizeCascades(cascades).sizeHistogram).toEqual([
      { bucket: '1', count: 2 },
      { bucket: '2', count: 1 },
      { bucket: '3-5', count: 3 },
      { bucket: '6-10', count: 1 },
      { bucket: '11-50', count: 1 },
      { bucket: '51+', count: 1 },
    ]);
    expect([5, 6, 10, 11, 50, 51].map(bucketOfSize)).toEqual(['3-5', '6-10', '6-10', '11-50', '11-50', '51+']);
  });

  it('lists the largest trees first, as rows without the tree', () => {
    const { largest } = summarizeCascades(cascades, { top: 3 });
    expect(largest.map((row) => [row.rootToken, row.size])).toEqual([['g', 60], ['f', 20], ['e', 7]]);
    expect(largest[0]).not.toHaveProperty('root');
  });

  it('among trees of one size the deeper ranks first, then the earlier', () => {
    const { largest } = summarizeCascades(cascades, { top: 10 });
    // h (chain of 3, depth 2) beats i (star of 3, depth 1) though i came first; a and b tie on both → time.
    expect(largest.slice(3).map((row) => row.rootToken)).toEqual(['d', 'h', 'i', 'c', 'a', 'b']);
  });

  it('gives the overall K-factor and the deepest tree', () => {
    const summary = summarizeCascades(cascades);
    // 101 visits in 9 trees → 92 edges.
    expect(summary.count).toBe(9);
    expect(summary.visits).toBe(101);
    expect(summary.kFactor).toBeCloseTo(92 / 101, 12);
    expect(summary.maxDepth).toBe(2);
  });

  it('summarises nothing as zeros', () => {
    const empty = summarizeCascades([]);
    expect(empty).toMatchObject({ count: 0, visits: 0, kFactor: 0, maxDepth: 0, largest: [] });
    expect(empty.sizeHistogram.every((b) => b.count === 0)).toBe(true);
  });

  it('groups trees by their root link for per-link summaries', () => {
    const byLink = groupCascades(cascades, 'linkId');
    expect([...byLink.keys()]).toEqual(['lnk_1', 'lnk_2']);
    expect(summarizeCascades(byLink.get('lnk_2')!).visits).toBe(63);
  });
});
