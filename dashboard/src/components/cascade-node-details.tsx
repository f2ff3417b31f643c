// One visit in a share tree: when, where from, what it led to. Tokens and anything personal stay hidden.
import type { IndexedNode } from '../lib/cascade-nodes';
import { delayFromParent } from '../lib/cascade-nodes';
import { formatDateTime, formatDuration } from '../lib/format';
import { countryName, eventTypeName, platformName } from '../lib/labels';

export function CascadeNodeDetails({ entry }: { entry: IndexedNode | null }) {
  if (!entry) {
    return <p className="muted" data-testid="cascade-node-details">Select a visit in the tree (or in the list below it) to see its details.</p>;
  }
  const { node, depth } = entry;
  const delay = delayFromParent(entry);
  return (
    <div className="node-details" data-testid="cascade-node-details" aria-live="polite">
      <h3>{depth === 0 ? 'First visit' : `Reshare, level ${depth}`}</h3>
      <dl className="facts">
        <div><dt>Time</dt><dd>{formatDateTime(node.ts)}</dd></div>
        <div><dt>Arrived from</dt><dd>{platformName(node.platform)}</dd></div>
        <div><dt>Country</dt><dd>{countryName(node.country)}</dd></div>
        <div><dt>Kind</dt><dd>{eventTypeName(node.type)}</dd></div>
        {delay !== null ? <div><dt>After the visit before</dt><dd>{formatDuration(delay)}</dd></div> : null}
        <div><dt>Visits it led to</dt><dd>{node.children.length + (node.omittedChildren ?? 0)}</dd></div>
      </dl>
      {node.shares?.length ? (
        <>
          <h4>Shared onward</h4>
          <ul className="share-list">
            {node.shares.map((share, i) => (
              <li key={`${share.ts}-${i}`}>{platformName(share.platform)} · {formatDateTime(share.ts)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
