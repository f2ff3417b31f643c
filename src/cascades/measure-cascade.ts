// Computes a tree's size, depth, breadth, platforms, reach, delays and K-factor from its root.
import { listCascadeNodes } from './list-cascade-nodes.js';
import type { CascadeMetrics, CascadeNode } from './types.js';

/**
 * Measures the tree under `root`. Generations are counted from the tree itself (root = 0), not read
 * from `node.generation`, so any subtree can be measured. Times are ms since the epoch; delays in ms.
 * Iterative; O(size log size) for the median.
 */
export function measureCascade(root: CascadeNode): CascadeMetrics {
  const nodes = listCascadeNodes(root);
  const generationOf = new Map<CascadeNode, number>([[root, 0]]);
  const breadth: number[] = [];
  const childrenByGeneration: number[] = [];
  const platforms = new Set<string>();
  const visitors = new Set<string>();
  const delays: number[] = [];
  let shares = 0;
  let firstTs = root.ts;
  let lastTs = root.ts;

  for (const node of nodes) {
    const g = generationOf.get(node) ?? 0;
    breadth[g] = (breadth[g] ?? 0) + 1;
    childrenByGeneration[g] = (childrenByGeneration[g] ?? 0) + node.children.length;
    platforms.add(node.platform);
    if (node.visitor !== null) visitors.add(node.visitor);
    if (node.ts < firstTs) firstTs = node.ts;
    if (node.ts > lastTs) lastTs = node.ts;
    for (const share of node.shares) {
      shares++;
      platforms.add(share.platform);
      if (share.ts < firstTs) firstTs = share.ts;
      if (share.ts > lastTs) lastTs = share.ts;
    }
    for (const child of node.children) {
      generationOf.set(child, g + 1);
      // A child logged before its parent is clock skew between servers, not a negative delay.
      delays.push(Math.max(0, child.ts - node.ts));
    }
  }

  const size = nodes.length;
  return {
    rootToken: root.token,
    linkId: root.linkId,
    siteId: root.siteId ?? root.children.find((child) => child.siteId !== null)?.siteId ?? null,
    size,
    depth: breadth.length - 1,
    breadth,
    platforms: [...platforms].sort(),
    reach: visitors.size,
    medianDelayMs: median(delays),
    kFactor: (size - 1) / size,
    kByGeneration: breadth.map((count, g) => childrenByGeneration[g] / count),
    shares,
    firstTs,
    lastTs,
  };
}

/** Median of a list of numbers (mean of the two middle values for an even count); null when empty. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
