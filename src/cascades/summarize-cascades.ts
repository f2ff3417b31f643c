// Sums up many cascades (one link's or one site's): how many, how big, the largest, overall K-factor.
import type { Cascade } from './types.js';

/** Tree-size buckets of the histogram, smallest first. */
export const SIZE_BUCKETS = ['1', '2', '3-5', '6-10', '11-50', '51+'] as const;
export type SizeBucket = (typeof SIZE_BUCKETS)[number];

/** A cascade without its tree: what a "largest cascades" table shows. Times in ms since the epoch. */
export interface CascadeSummaryRow {
  rootToken: string;
  linkId: string | null;
  siteId: string | null;
  size: number;
  depth: number;
  reach: number;
  kFactor: number;
  shares: number;
  platforms: string[];
  firstTs: number;
  lastTs: number;
}

export interface CascadeSummary {
  /** Number of trees. */
  count: number;
  /** Visits in all trees. */
  visits: number;
  /** Shares attached to all trees. */
  shares: number;
  /** Trees whose root's parent token was unknown. */
  orphans: number;
  /** One entry per bucket of SIZE_BUCKETS, in order, zeros included. */
  sizeHistogram: { bucket: SizeBucket; count: number }[];
  /** The `top` largest trees: by size, then depth, descending; ties by earliest firstTs, then rootToken. */
  largest: CascadeSummaryRow[];
  /** Mean children per visit over all trees: (visits - count) / visits; 0 with no trees. */
  kFactor: number;
  /** Deepest tree's depth (generations below its root); 0 with no trees. */
  maxDepth: number;
}

/** Which bucket of SIZE_BUCKETS a tree of `size` visits falls in. */
export function bucketOfSize(size: number): SizeBucket {
  if (size <= 1) return '1';
  if (size === 2) return '2';
  if (size <= 5) return '3-5';
  if (size <= 10) return '6-10';
  if (size <= 50) return '11-50';
  return '51+';
}

/**
 * Summarises the given cascades (filter them to a link or a site first, e.g. with {@link groupCascades}).
 * `options.top` (default 10) is how many of the largest trees to list.
 */
export function summarizeCascades(cascades: readonly Cascade[], options: { top?: number } = {}): CascadeSummary {
  const top = options.top ?? 10;
  const histogram = new Map<SizeBucket, number>(SIZE_BUCKETS.map((bucket) => [bucket, 0]));
  let visits = 0;
  let shares = 0;
  let orphans = 0;
  let maxDepth = 0;
  for (const cascade of cascades) {
    const bucket = bucketOfSize(cascade.size);
    histogram.set(bucket, histogram.get(bucket)! + 1);
    visits += cascade.size;
    shares += cascade.shares;
    if (cascade.orphan) orphans++;
    if (cascade.depth > maxDepth) maxDepth = cascade.depth;
  }
  const largest = [...cascades]
    .sort((a, b) => b.size - a.size || b.depth - a.depth || a.firstTs - b.firstTs || compareText(a.rootToken, b.rootToken))
    .slice(0, Math.max(0, top))
    .map(toSummaryRow);
  return {
    count: cascades.length,
    visits,
    shares,
    orphans,
    sizeHistogram: SIZE_BUCKETS.map((bucket) => ({ bucket, count: histogram.get(bucket)! })),
    largest,
    kFactor: visits === 0 ? 0 : (visits - cascades.length) / visits,
    maxDepth,
  };
}

/** Groups cascades by their root's link or site (null: trees without one), keeping their order. */
export function groupCascades(cascades: readonly Cascade[], by: 'linkId' | 'siteId'): Map<string | null, Cascade[]> {
  const groups = new Map<string | null, Cascade[]>();
  for (const cascade of cascades) {
    const key = cascade[by];
    const group = groups.get(key);
    if (group) group.push(cascade);
    else groups.set(key, [cascade]);
  }
  return groups;
}

function toSummaryRow(cascade: Cascade): CascadeSummaryRow {
  const { rootToken, linkId, siteId, size, depth, reach, kFactor, shares, platforms, firstTs, lastTs } = cascade;
  return { rootToken, linkId, siteId, size, depth, reach, kFactor, shares, platforms, firstTs, lastTs };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
