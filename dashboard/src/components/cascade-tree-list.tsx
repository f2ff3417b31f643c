// The trees of a link, largest first, as buttons: picking one draws it.
import type { CascadeTree } from '../api/types';
import { formatDateTime } from '../lib/format';
import { platformName } from '../lib/labels';
import { platformColor } from '../lib/platform-colors';

interface CascadeTreeListProps {
  trees: CascadeTree[];
  selected: number;
  onSelect(index: number): void;
}

export function CascadeTreeList({ trees, selected, onSelect }: CascadeTreeListProps) {
  return (
    <ul className="tree-list" aria-label="Share trees, largest first">
      {trees.map((tree, index) => (
        <li key={tree.root.token}>
          <button type="button" className="tree-item" aria-pressed={index === selected} onClick={() => onSelect(index)}>
            <span className="tree-item-size">{tree.size}<span className="small muted"> visits</span></span>
            <span className="tree-item-meta">
              depth {tree.depth} · {formatDateTime(tree.root.ts)}
            </span>
            <span className="tree-item-platforms" aria-label={`Platforms: ${tree.platforms.map(platformName).join(', ')}`}>
              {tree.platforms.slice(0, 6).map((p) => (
                <span key={p} className="platform-dot" style={{ background: platformColor(p) }} title={platformName(p)} />
              ))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
