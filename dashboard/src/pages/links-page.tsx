// Links: every tracked link with its traffic in the period; members and above can create new ones.
import { useMemo } from 'react';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { LinksTable } from '../components/links-table';
import { LoadingState } from '../components/loading-state';
import { PageHeader } from '../components/page-header';
import { Panel } from '../components/panel';
import { RangeBar } from '../components/range-bar';
import { useDirectory } from '../hooks/use-directory';
import { usePagedLinks } from '../hooks/use-paged-links';
import { rowsByKey } from '../lib/breakdown-rows';
import { useResource } from '../hooks/use-resource';
import { useStatsQuery } from '../hooks/use-stats-query';
import { carriedQuery } from '../lib/url-query';
import { AppLink } from '../router/app-link';
import { appPath, useLocation } from '../router/history';
import { useCanEdit } from '../session/session-context';

export function LinksPage() {
  const canEdit = useCanEdit();
  const scope = useStatsQuery();
  const { search } = useLocation();
  const links = usePagedLinks();
  const directory = useDirectory();
  const traffic = useResource(`link-traffic|${scope.key}`, (api, signal) => api.getBreakdown('link', scope.query, signal));
  const byLink = useMemo(() => rowsByKey(traffic.data?.rows), [traffic.data]);
  const createButton = canEdit ? (
    <AppLink href={appPath('/links/new')} className="button button-primary" data-testid="create-link">New link</AppLink>
  ) : null;

  return (
    <>
      <PageHeader title="Links" subtitle="Tracked short links: every click, every chat preview, every reshare." actions={createButton} />
      <RangeBar showFilters={false} />
      <Panel title="All links" hint="Visits and shares are for the selected period.">
        {links.error ? (
          <ErrorMessage error={links.error} onRetry={links.reload} />
        ) : links.links === undefined ? (
          <LoadingState />
        ) : links.links.length === 0 ? (
          <EmptyState title="No links yet.">
            {canEdit ? <p>Create a tracked link, share it in a chat, and watch it travel.</p> : <p>Links appear here once an editor creates them.</p>}
          </EmptyState>
        ) : (
          <>
            <LinksTable links={links.links} traffic={byLink} directory={directory} carried={carriedQuery(search)} />
            {links.moreError ? <ErrorMessage error={links.moreError} onRetry={() => void links.loadMore()} /> : null}
            {links.hasMore ? (
              <div className="table-footer">
                <button type="button" className="button" onClick={() => void links.loadMore()} disabled={links.loading}>
                  {links.loading ? 'Loading…' : 'Load more'}
                </button>
              </div>
            ) : null}
          </>
        )}
      </Panel>
    </>
  );
}
