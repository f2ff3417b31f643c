// Flattens a cascade tree into breadth-first order without recursion (trees can be 10,000+ deep).
import type { CascadeNode } from './types.js';

/**
 * Lists every node of the tree under `root` (root included) breadth-first: generation by generation,
 * each generation in the order of its parents' children arrays. Iterative; O(size).
 */
export function listCascadeNodes(root: CascadeNode): CascadeNode[] {
  const nodes: CascadeNode[] = [root];
  for (let i = 0; i < nodes.length; i++) {
    for (const child of nodes[i].children) nodes.push(child);
  }
  return nodes;
}
