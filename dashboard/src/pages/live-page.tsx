// Live: events and alerts as they arrive, newest first.
import { useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { LiveEntryRow } from '../components/live-entry-row';
import { PageHeader } from '../components/page-header';
import { Panel } from '../components/panel';
import { useLiveFeed, type FeedStatus } from '../hooks/use-live-feed';
import { useResource } from '../hooks/use-resource';

const STATUS_TEXT: Record<FeedStatus, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
  closed: 'Disconnected. Reload the page to try again.',
};

export function LivePage() {
  const [paused, setPaused] = useState(false);
  const feed = useLiveFeed(paused);
  const links = useResource('live-links', (api, signal) => api.listLinks({ limit: 500 }, signal));
  const linkName = (id: string) => {
    const link = links.data?.items.find((l) => l.id === id);
    return link ? link.title || link.slug : null;
  };
  const actions = (
    <>
      <button type="button" className="button" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
        {paused ? `Resume${feed.held ? ` (${feed.held} new)` : ''}` : 'Pause'}
      </button>
      <button type="button" className="button button-ghost" onClick={feed.clear} disabled={feed.entries.length === 0}>Clear</button>
    </>
  );
  return (
    <>
      <PageHeader title="Live" subtitle="Clicks, chat previews, shares and alerts the moment they happen." actions={actions} />
      <p className={`live-status live-status-${feed.status}`} role="status">
        <span className="live-dot" aria-hidden="true" /> {paused ? 'Paused' : STATUS_TEXT[feed.status]}
      </p>
      <Panel title="Latest">
        {feed.entries.length === 0 ? (
          <EmptyState title="Waiting for the next event…">Open one of your short links in another tab to see it arrive.</EmptyState>
        ) : (
          <ol className="live-list" aria-label="Latest events, newest first" data-testid="live-list">
            {feed.entries.map((entry) => <LiveEntryRow key={entry.id} entry={entry} linkName={linkName} />)}
          </ol>
        )}
      </Panel>
    </>
  );
}
