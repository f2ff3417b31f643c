// Shapes a cascade for the API and dashboard: plain objects, no visitor hashes (privacy).
import { listCascadeNodes } from './list-cascade-nodes.js';
import type { Cascade, CascadeMetrics, CascadeNode, CascadeShare, RejectedEdge } from './types.js';

/**
 * Default generation limit of nested trees. JSON.stringify recurses per level and overflows the stack
 * somewhere between 2,000 and 3,000 nested levels on Node 20, so deeper trees are cut (see toCascadeRows).
 */
export const DEFAULT_MAX_TREE_DEPTH = 1000;

/** One visit as the API shows it. `ts` is ms since the epoch. No visitor hash, link or site ids. */
export interface CascadeTreeNode {
  token: string;
  ts: number;
  platform: string;
  country: string | null;
  type: CascadeNode['type'];
  children: CascadeTreeNode[];
  shares: CascadeShare[];
  /** Present only when a limit cut this visit's children: how many direct children were left out. */
  omittedChildren?: number;
}

/** One visit as a flat row (any depth serialises): the tree node without children, plus its place. */
export interface CascadeRow extends Omit<CascadeTreeNode, 'children' | 'omittedChildren'> {
  parentToken: string | null;
  generation: number;
}

/** A cascade as the API shows it: its metrics, how its root was found, and the tree. */
export interface CascadeView extends CascadeMetrics {
  orphan: boolean;
  missingParent: string | null;
  broken: RejectedEdge | null;
  tree: CascadeTreeNode;
}

export interface CascadeTreeOptions {
  /** Most visits to include, taken generation by generation from the root (default: all; at least 1). */
  maxNodes?: number;
  /** Deepest generation to include, root = 0 (default DEFAULT_MAX_TREE_DEPTH). */
  maxDepth?: number;
}

/**
 * Copies the tree under `root` into the nested API shape, breadth-first and without recursion. Limits cut
 * the deepest generations first; a visit whose children were cut carries `omittedChildren`.
 */
export function toCascadeTree(root: CascadeNode, options: CascadeTreeOptions = {}): CascadeTreeNode {
  const maxNodes = Math.max(1, options.maxNodes ?? Infinity);
  const maxDepth = Math.max(0, options.maxDepth ?? DEFAULT_MAX_TREE_DEPTH);
  const tree = toTreeNode(root);
  const queue: { node: CascadeNode; out: CascadeTreeNode; depth: number }[] = [{ node: root, out: tree, depth: 0 }];
  let included = 1;
  for (let i = 0; i < queue.length; i++) {
    const { node, out, depth } = queue[i];
    let omitted = 0;
    for (const child of node.children) {
      if (included >= maxNodes || depth >= maxDepth) {
        omitted++;
        continue;
      }
      const childOut = toTreeNode(child);
      out.children.push(childOut);
      queue.push({ node: child, out: childOut, depth: depth + 1 });
      included++;
    }
    if (omitted > 0) out.omittedChildren = omitted;
  }
  return tree;
}

/**
 * Lists the tree under `root` as flat rows, breadth-first, each naming its parent token and generation
 * (root = 0, counted from `root`). Serialises at any depth; no visitor hashes.
 */
export function toCascadeRows(root: CascadeNode): CascadeRow[] {
  const generationOf = new Map<CascadeNode, number>([[root, 0]]);
  return listCascadeNodes(root).map((node) => {
    const generation = generationOf.get(node)!;
    for (const child of node.children) generationOf.set(child, generation + 1);
    const { children: _children, ...row } = toTreeNode(node);
    return { ...row, parentToken: node === root ? null : node.parentToken, generation };
  });
}

/** The API view of a whole cascade: metrics plus {@link toCascadeTree} of its root. */
export function toCascadeView(cascade: Cascade, options: CascadeTreeOptions = {}): CascadeView {
  const { root, ...rest } = cascade;
  return {
    ...rest,
    breadth: [...rest.breadth],
    platforms: [...rest.platforms],
    kByGeneration: [...rest.kByGeneration],
    tree: toCascadeTree(root, options),
  };
}

function toTreeNode(node: CascadeNode): CascadeTreeNode {
  return {
    token: node.token,
    ts: node.ts,
    platform: node.platform,
    country: node.country,
    type: node.type,
    children: [],
    shares: node.shares.map((share) => ({ platform: share.platform, ts: share.ts })),
  };
}
