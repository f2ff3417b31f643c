// Maps every token in a set of cascades to its tree's root: the lookup attribution needs for share tokens.
import { listCascadeNodes } from './list-cascade-nodes.js';
import type { Cascade } from './types.js';

/** Where a token's cascade starts: its root token and the root's tracked link (null for a site-rooted tree). */
export interface CascadeRoot {
  rootToken: string;
  linkId: string | null;
}

/**
 * Indexes token → root for every visit of every cascade. A token minted twice resolves to the tree of
 * the visit that owns it (the earliest). O(total visits).
 */
export function indexCascadeRoots(cascades: readonly Cascade[]): Map<string, CascadeRoot> {
  const roots = new Map<string, CascadeRoot>();
  for (const cascade of cascades) {
    const root: CascadeRoot = { rootToken: cascade.rootToken, linkId: cascade.linkId };
    for (const node of listCascadeNodes(cascade.root)) {
      if (!node.duplicate) roots.set(node.token, root);
    }
  }
  return roots;
}
