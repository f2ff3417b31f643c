// One link: how to share it (short URL, QR code, chat preview), its numbers, and editing for editors.
import { useState } from 'react';
import type { Link } from '../api/types';
import { ChannelPanel } from '../components/channel-panel';
import { CopyButton } from '../components/copy-button';
import { ErrorMessage } from '../components/error-message';
import { LinkForm } from '../components/link-form';
import { LinkPreviewCard } from '../components/link-preview-card';
import { LoadingState } from '../components/loading-state';
import { PageHeader } from '../components/page-header';
import { Panel } from '../components/panel';
import { PlatformPanel } from '../components/platform-panel';
import { QrPanel } from '../components/qr-panel';
import { RangeBar } from '../components/range-bar';
import { SummaryCards } from '../components/summary-cards';
import { TrafficPanel } from '../components/traffic-panel';
import { useDirectory } from '../hooks/use-directory';
import { useResource } from '../hooks/use-resource';
import { useStatsQuery } from '../hooks/use-stats-query';
import { formatDateTime } from '../lib/format';
import { urlWithQuery } from '../lib/url-query';
import { AppLink } from '../router/app-link';
import { appPath, navigate, useLocation } from '../router/history';
import { useCanEdit, useSession } from '../session/session-context';

export function LinkDetailPage({ id }: { id: string }) {
  const { api } = useSession();
  const canEdit = useCanEdit();
  const { search } = useLocation();
  const resource = useResource(`link|${id}`, (client, signal) => client.getLink(id, signal));
  const [saved, setSaved] = useState<Link | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const scope = useStatsQuery({ link: id });
  const directory = useDirectory();
  const link = saved ?? resource.data;

  if (resource.error) {
    return (
      <>
        <PageHeader title="Link" />
        <ErrorMessage error={resource.error} onRetry={resource.reload} />
        <p><AppLink href={appPath('/links')}>Back to links</AppLink></p>
      </>
    );
  }
  if (!link) return <LoadingState />;

  async function remove() {
    if (!link || !window.confirm(`Delete ${link.shortUrl}? It will stop redirecting.`)) return;
    try {
      await api.deleteLink(link.id);
      navigate(appPath('/links'));
    } catch (error) {
      setDeleteError(error);
    }
  }

  const actions = (
    <>
      <AppLink className="button" href={`${appPath('/cascades')}?link=${encodeURIComponent(link.id)}`}>Share trees</AppLink>
      {canEdit && !editing ? <button type="button" className="button" onClick={() => setEditing(true)}>Edit</button> : null}
      {canEdit ? <button type="button" className="button button-danger" onClick={() => void remove()}>Delete</button> : null}
    </>
  );
  const community = directory.nameOf('community', link.community);
  const ambassador = directory.nameOf('ambassador', link.ambassador);

  return (
    <>
      <PageHeader title={link.title || link.slug} subtitle={<a href={link.url} rel="noreferrer" target="_blank">{link.url}</a>} actions={actions} />
      {search.get('created') ? (
        <p className="notice notice-success" role="status">
          Link created. Copy it below and share it. <button type="button" className="link-button" onClick={() => navigate(urlWithQuery({ created: null }), { replace: true })}>Dismiss</button>
        </p>
      ) : null}
      {deleteError ? <ErrorMessage error={deleteError} title="Could not delete the link" /> : null}
      {editing ? (
        <Panel title="Edit link">
          <LinkForm
            link={link}
            submitLabel="Save changes"
            save={(input) => api.updateLink(link.id, input)}
            onSaved={(next) => { setSaved(next); setEditing(false); }}
            onCancel={() => setEditing(false)}
          />
        </Panel>
      ) : (
        <div className="panel-grid share-grid">
          <Panel title="Share it">
            <dl className="facts">
              <div><dt>Short link</dt><dd className="copy-line"><code data-testid="short-url">{link.shortUrl}</code><CopyButton text={link.shortUrl} what="short link" /></dd></div>
              <div><dt>Destination</dt><dd className="copy-line"><code className="truncate">{link.url}</code><CopyButton text={link.url} what="destination URL" /></dd></div>
              {community ? <div><dt>Community</dt><dd>{community}</dd></div> : null}
              {ambassador ? <div><dt>Ambassador</dt><dd>{ambassador}</dd></div> : null}
              {link.tags?.length ? <div><dt>Tags</dt><dd>{link.tags.join(', ')}</dd></div> : null}
              <div><dt>Created</dt><dd>{formatDateTime(link.createdAt)}</dd></div>
              {link.disabled ? <div><dt>Status</dt><dd><span className="badge badge-muted">Disabled</span></dd></div> : null}
            </dl>
            <QrPanel text={link.shortUrl} filename={`lantern-${link.slug}`} />
          </Panel>
          <Panel title="In a chat">
            <LinkPreviewCard url={link.url} shortUrl={link.shortUrl} title={link.title} description={link.description} image={link.image} />
          </Panel>
        </div>
      )}
      <h2 className="section-title">Numbers</h2>
      <RangeBar showFilters={false} />
      <SummaryCards scope={scope} />
      <div className="panel-grid">
        <TrafficPanel scope={scope} />
        <PlatformPanel scope={scope} filterOnClick={false} />
        <ChannelPanel scope={scope} />
      </div>
    </>
  );
}
