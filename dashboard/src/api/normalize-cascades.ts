// Reads GET /api/cascades into the dashboard's shape. The contract names `root`, `sizes` and ISO times; the
// cascade builder's own view says `tree`, `sizeHistogram` and epoch milliseconds. Both are accepted.
import type { CascadeNode, CascadeShare, CascadeSummary, CascadeTree, Cascades } from './types';

type Time = string | number;

export interface RawCascadeNode {
  token: string;
  ts: Time;
  platform: string;
  country?: string | null;
  type: string;
  children?: RawCascadeNode[];
  shares?: { platform: string; ts: Time }[];
  omittedChildren?: number;
}

export interface RawCascadeTree extends Partial<Omit<CascadeTree, 'root'>> {
  root?: RawCascadeNode;
  tree?: RawCascadeNode;
  size: number;
}

export interface RawCascades {
  summary: Partial<CascadeSummary> & { sizeHistogram?: CascadeSummary['sizes'] };
  trees?: RawCascadeTree[];
  cascades?: RawCascadeTree[];
}

function iso(ts: Time): string {
  return typeof ts === 'number' ? new Date(ts).toISOString() : ts;
}

function toNode(raw: RawCascadeNode): CascadeNode {
  // Iterative copy: share trees can be thousands of levels deep.
  const root: CascadeNode = { token: raw.token, ts: iso(raw.ts), platform: raw.platform, country: raw.country ?? null, type: raw.type, children: [], shares: [] };
  const stack: [RawCascadeNode, CascadeNode][] = [[raw, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    to.shares = (from.shares ?? []).map((s): CascadeShare => ({ platform: s.platform, ts: iso(s.ts) }));
    to.omittedChildren = from.omittedChildren;
    for (const child of from.children ?? []) {
      const copy: CascadeNode = { token: child.token, ts: iso(child.ts), platform: child.platform, country: child.country ?? null, type: child.type, children: [], shares: [] };
      to.children.push(copy);
      stack.push([child, copy]);
    }
  }
  return root;
}

export function normalizeCascades(raw: RawCascades): Cascades {
  const trees: CascadeTree[] = [];
  for (const tree of raw.trees ?? raw.cascades ?? []) {
    const rootNode = tree.root ?? tree.tree;
    if (!rootNode) continue;
    const root = toNode(rootNode);
    trees.push({
      root,
      size: tree.size,
      depth: tree.depth ?? 0,
      breadth: tree.breadth ?? [],
      platforms: tree.platforms ?? [],
      reach: tree.reach ?? 0,
      kFactor: tree.kFactor ?? 0,
      medianDelayMs: tree.medianDelayMs ?? null,
    });
  }
  const summary = raw.summary ?? {};
  return {
    summary: {
      count: summary.count ?? trees.length,
      sizes: summary.sizes ?? summary.sizeHistogram ?? [],
      kFactor: summary.kFactor ?? 0,
      maxDepth: summary.maxDepth ?? trees.reduce((max, t) => Math.max(max, t.depth), 0),
    },
    trees,
  };
}
