// Walks a cascade tree: index nodes by token, find parents and depths, count leaves for layout.
import type { CascadeNode } from '../api/types';

export interface IndexedNode {
  node: CascadeNode;
  parent: CascadeNode | null;
  /** 0 for the root. */
  depth: number;
}

/** Every node of the tree by token, with its parent and depth. */
export function indexNodes(root: CascadeNode): Map<string, IndexedNode> {
  const index = new Map<string, IndexedNode>();
  const stack: IndexedNode[] = [{ node: root, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    index.set(entry.node.token, entry);
    for (const child of entry.node.children) stack.push({ node: child, parent: entry.node, depth: entry.depth + 1 });
  }
  return index;
}

/** Number of leaves, which decides how tall a left-to-right tree drawing must be. */
export function countLeaves(root: CascadeNode): number {
  if (root.children.length === 0) return 1;
  return root.children.reduce((sum, child) => sum + countLeaves(child), 0);
}

/** Milliseconds between a node's parent visit and the node, or null for the root. */
export function delayFromParent(entry: IndexedNode): number | null {
  if (!entry.parent) return null;
  const ms = new Date(entry.node.ts).getTime() - new Date(entry.parent.ts).getTime();
  return Number.isNaN(ms) ? null : ms;
}
