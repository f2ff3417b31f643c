// Shares and visits by platform: where links travel. Clicking a bar filters the page by that platform.
import { BreakdownBarChart } from '../charts/breakdown-bar-chart';
import type { BreakdownRow } from '../api/types';
import { useResource } from '../hooks/use-resource';
import type { StatsScope } from '../hooks/use-stats-query';
import { platformName } from '../lib/labels';
import { updateQuery } from '../lib/url-query';
import { EmptyState } from './empty-state';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

const nameOfPlatform = (row: BreakdownRow) => platformName(row.key);

export function PlatformPanel({ scope, filterOnClick = true }: { scope: StatsScope; filterOnClick?: boolean }) {
  const breakdown = useResource(`platform|${scope.key}`, (api, signal) => api.getBreakdown('platform', scope.query, signal));
  return (
    <Panel title="By platform" hint="Shares are preview fetches and share intents; visits are people arriving.">
      <ResourceView
        resource={breakdown}
        loadingHeight={220}
        isEmpty={(data) => data.rows.length === 0}
        empty={<EmptyState title="No platforms yet." />}
      >
        {(data) => (
          <BreakdownBarChart
            rows={data.rows}
            nameOf={nameOfPlatform}
            noun="platform"
            onSelect={filterOnClick ? (row) => row.key && updateQuery({ platform: row.key }) : undefined}
          />
        )}
      </ResourceView>
    </Panel>
  );
}
