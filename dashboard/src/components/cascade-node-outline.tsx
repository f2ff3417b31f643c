// The tree as a nested list of buttons: the keyboard and screen-reader way to explore and select visits.
import type { CascadeNode } from '../api/types';
import { formatTime } from '../lib/format';
import { platformName } from '../lib/labels';

const MAX_NODES = 400;

interface CascadeNodeOutlineProps {
  root: CascadeNode;
  size: number;
  selected: string | null;
  onSelect(token: string): void;
}

function Branch({ node, selected, onSelect, budget }: { node: CascadeNode; selected: string | null; onSelect(token: string): void; budget: { left: number } }) {
  budget.left -= 1;
  return (
    <li>
      <button type="button" className="outline-node" aria-pressed={node.token === selected} onClick={() => onSelect(node.token)}>
        {platformName(node.platform)} · {formatTime(node.ts)}
        {node.children.length ? ` · ${node.children.length} onward` : ''}
      </button>
      {node.children.length && budget.left > 0 ? (
        <ul>
          {node.children.map((child) => (budget.left > 0 ? <Branch key={child.token} node={child} selected={selected} onSelect={onSelect} budget={budget} /> : null))}
        </ul>
      ) : null}
    </li>
  );
}

export function CascadeNodeOutline({ root, size, selected, onSelect }: CascadeNodeOutlineProps) {
  const budget = { left: MAX_NODES };
  return (
    <details className="disclosure outline">
      <summary>All {size} visits as a list</summary>
      <ul className="node-outline">
        <Branch node={root} selected={selected} onSelect={onSelect} budget={budget} />
      </ul>
      {size > MAX_NODES ? <p className="muted small">Showing the first {MAX_NODES} visits.</p> : null}
    </details>
  );
}
