// The numbers of one share tree: size, depth, reach, K-factor, platforms crossed, breadth per level, speed.
import type { CascadeTree } from '../api/types';
import { formatCount, formatDuration, formatRatio } from '../lib/format';
import { platformName } from '../lib/labels';
import { platformColor } from '../lib/platform-colors';

export function CascadeTreeFacts({ tree }: { tree: CascadeTree }) {
  return (
    <div className="tree-facts">
      <dl className="fact-grid" data-testid="cascade-facts">
        <div><dt>Visits</dt><dd>{formatCount(tree.size)}</dd></div>
        <div><dt>Depth</dt><dd>{tree.depth}</dd></div>
        <div><dt>Reach</dt><dd>{formatCount(tree.reach)}</dd></div>
        <div><dt>K-factor</dt><dd>{formatRatio(tree.kFactor)}</dd></div>
        <div><dt>Median reshare delay</dt><dd>{formatDuration(tree.medianDelayMs)}</dd></div>
      </dl>
      <p className="platform-legend">
        <span className="muted">Platforms crossed: </span>
        {tree.platforms.map((p) => (
          <span key={p} className="platform-tag"><span className="platform-dot" style={{ background: platformColor(p) }} aria-hidden="true" />{platformName(p)}</span>
        ))}
      </p>
      {tree.breadth.length > 1 ? (
        <p className="muted small">Visits per level: {tree.breadth.map((n, level) => `L${level} ${n}`).join(' · ')}</p>
      ) : null}
    </div>
  );
}
