// Communities and ambassadors: who they are, what they brought in the period, and the leaderboard.
import { useMemo } from 'react';
import { ApiError } from '../api/api-error';
import type { LanternApi } from '../api/lantern-api';
import type { ItemList, LeaderboardRow, StatsQuery } from '../api/types';
import { AmbassadorCreateForm } from '../components/ambassador-create-form';
import { AmbassadorsTable } from '../components/ambassadors-table';
import { CommunitiesTable } from '../components/communities-table';
import { CommunityCreateForm } from '../components/community-create-form';
import { EmptyState } from '../components/empty-state';
import { LeaderboardList } from '../components/leaderboard-list';
import { PageHeader } from '../components/page-header';
import { Panel } from '../components/panel';
import { RangeBar } from '../components/range-bar';
import { ResourceView } from '../components/resource-view';
import { rowsByKey } from '../lib/breakdown-rows';
import { useResource } from '../hooks/use-resource';
import { useStatsQuery } from '../hooks/use-stats-query';
import { useCanEdit } from '../session/session-context';

/** The leaderboard; a server without the endpoint yet gets one ranked from the ambassador breakdown. */
async function loadLeaderboard(api: LanternApi, query: StatsQuery, signal: AbortSignal): Promise<ItemList<LeaderboardRow>> {
  try {
    return await api.getLeaderboard(query, signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    const breakdown = await api.getBreakdown('ambassador', query, signal);
    const rows: LeaderboardRow[] = breakdown.rows
      .filter((row) => row.key !== null)
      .map((row) => ({ ...row, key: row.key ?? undefined, id: row.key ?? undefined, name: row.name ?? row.key }))
      .sort((a, b) => (b.conversions ?? 0) - (a.conversions ?? 0) || b.shares - a.shares || b.visits - a.visits);
    return { items: rows, nextCursor: null };
  }
}

export function CommunitiesPage() {
  const canEdit = useCanEdit();
  const scope = useStatsQuery();
  const communities = useResource('communities', (api, signal) => api.listCommunities(signal));
  const ambassadors = useResource('ambassadors', (api, signal) => api.listAmbassadors(signal));
  const communityStats = useResource(`community|${scope.key}`, (api, signal) => api.getBreakdown('community', scope.query, signal));
  const ambassadorStats = useResource(`ambassador|${scope.key}`, (api, signal) => api.getBreakdown('ambassador', scope.query, signal));
  const leaderboard = useResource(`leaderboard|${scope.key}`, (api, signal) => loadLeaderboard(api, scope.query, signal));
  const communityRows = useMemo(() => rowsByKey(communityStats.data?.rows), [communityStats.data]);
  const ambassadorRows = useMemo(() => rowsByKey(ambassadorStats.data?.rows), [ambassadorStats.data]);
  const communityName = (id: string | null | undefined) =>
    id ? communities.data?.items.find((c) => c.id === id)?.name ?? id : null;

  return (
    <>
      <PageHeader title="Communities & ambassadors" subtitle="The groups and people who carry your links into private spaces." />
      <RangeBar />
      <div className="panel-grid">
        <Panel title="Communities" className="panel-wide" hint="Joins come from tracked invite links.">
          {canEdit ? (
            <details className="disclosure">
              <summary>Add a community</summary>
              <CommunityCreateForm onCreated={communities.reload} />
            </details>
          ) : null}
          <ResourceView
            resource={communities}
            isEmpty={(data) => data.items.length === 0}
            empty={<EmptyState title="No communities yet.">Add the groups where your audience talks: a WhatsApp group, a Discord server, a Telegram channel.</EmptyState>}
          >
            {(data) => <CommunitiesTable communities={data.items} stats={communityRows} />}
          </ResourceView>
        </Panel>
      </div>
      <div className="panel-grid split-grid">
        <Panel title="Ambassadors">
          {canEdit ? (
            <details className="disclosure">
              <summary>Add an ambassador</summary>
              <AmbassadorCreateForm communities={communities.data?.items ?? []} onCreated={ambassadors.reload} />
            </details>
          ) : null}
          <ResourceView
            resource={ambassadors}
            isEmpty={(data) => data.items.length === 0}
            empty={<EmptyState title="No ambassadors yet.">Give each ambassador their own links to see who sparks the most shares.</EmptyState>}
          >
            {(data) => <AmbassadorsTable ambassadors={data.items} stats={ambassadorRows} communityName={communityName} />}
          </ResourceView>
        </Panel>
        <Panel title="Leaderboard" hint="Ambassadors ranked for the selected period.">
          <ResourceView
            resource={leaderboard}
            isEmpty={(data) => data.items.length === 0}
            empty={<EmptyState title="Nobody on the board yet." />}
          >
            {(data) => <LeaderboardList rows={data.items} />}
          </ResourceView>
        </Panel>
      </div>
    </>
  );
}
