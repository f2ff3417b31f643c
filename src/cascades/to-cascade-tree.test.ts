// Story of the API shape: what the dashboard receives, without visitor hashes, at any depth.
import { describe, expect, it } from 'vitest';
import { buildCascades } from './build-cascades.js';
import { toCascadeRows, toCascadeTree, toCascadeView, type CascadeTreeNode } from './to-cascade-tree.js';
import type { CascadeVisit } from './types.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function visit(token: string, parent: string | null, ts: number, extra: Partial<CascadeVisit> = {}): CascadeVisit {
  return { token, parent, ts, type: 'pageview', platform: 'whatsapp', visitor: `secret-hash-${token}`, country: 'BR', ...extra };
}

function chain(length: number): CascadeVisit[] {
  return Array.from({ length }, (_, i) => visit(`t${i}`, i === 0 ? null : `t${i - 1}`, T0 + i));
}

describe('toCascadeTree', () => {
  const [cascade] = buildCascades([
    visit('r', null, T0, { type: 'click', linkId: 'lnk_1' }),
    visit('a', 'r', T0 + 1, { siteId: 'site_1' }),
    visit('b', 'r', T0 + 2),
    visit('c', 'a', T0 + 3),
    visit('a', null, T0 + 4, { type: 'preview', platform: 'telegram' }),
  ]);

  it('gives the nested shape the dashboard draws', () => {
    const tree = toCascadeTree(cascade.root);
    expect(tree).toEqual({
      token: 'r', ts: T0, platform: 'whatsapp', country: 'BR', type: 'click', shares: [],
      children: [
        {
          token: 'a', ts: T0 + 1, platform: 'whatsapp', country: 'BR', type: 'pageview',
          shares: [{ platform: 'telegram', ts: T0 + 4 }],
          children: [{ token: 'c', ts: T0 + 3, platform: 'whatsapp', country: 'BR', type: 'pageview', shares: [], children: [] }],
        },
        { token: 'b', ts: T0 + 2, platform: 'whatsapp', country: 'BR', type: 'pageview', shares: [], children: [] },
      ],
    });
  });

  it('never carries a visitor hash', () => {
    const view = toCascadeView(cascade);
    const json = JSON.stringify(view);
    expect(json).not.toContain('visitor');
    expect(json).not.toContain('secret-hash');
    expect(JSON.stringify(toCascadeRows(cascade.root))).not.toContain('secret-hash');
  });

  it('cuts the deepest generations first and says how many children were left out', () => {
    const tree = toCascadeTree(cascade.root, { maxNodes: 3 });
    expect(tree.children.map((c) => c.token)).toEqual(['a', 'b']);
    expect(tree.children[0]).toMatchObject({ children: [], omittedChildren: 1 });
    expect(toCascadeTree(cascade.root, { maxDepth: 0 })).toMatchObject({ children: [], omittedChildren: 2 });
  });

  it('a 10,000-deep chain is cut to a depth JSON.stringify can handle, and fully listed as flat rows', () => {
    const [deep] = buildCascades(chain(10_000));
    const view = toCascadeView(deep);
    expect(() => JSON.stringify(view)).not.toThrow();
    let node: CascadeTreeNode = view.tree;
    let depth = 0;
    while (node.children.length > 0) {
      node = node.children[0];
      depth++;
    }
    expect(depth).toBe(1000);
    expect(node.omittedChildren).toBe(1);
    const rows = toCascadeRows(deep.root);
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toMatchObject({ token: 't9999', parentToken: 't9998', generation: 9_999 });
    expect(rows[0]).toMatchObject({ token: 't0', parentToken: null, generation: 0 });
  });
});
