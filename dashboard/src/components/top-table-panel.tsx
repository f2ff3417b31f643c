// The top rows of one breakdown (links, communities, countries, …) as a table panel.
import type { BreakdownDimension, BreakdownRow } from '../api/types';
import { rowName } from '../lib/breakdown-rows';
import { useResource } from '../hooks/use-resource';
import type { StatsScope } from '../hooks/use-stats-query';
import { BreakdownTable } from './breakdown-table';
import { EmptyState } from './empty-state';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

interface TopTablePanelProps {
  scope: StatsScope;
  by: BreakdownDimension;
  title: string;
  heading: string;
  nameOf?: (row: BreakdownRow) => string;
  hrefOf?: (row: BreakdownRow) => string | null;
  emptyText?: string;
  limit?: number;
}

const defaultName = (row: BreakdownRow) => rowName(row, 'None');

export function TopTablePanel({ scope, by, title, heading, nameOf = defaultName, hrefOf, emptyText, limit = 8 }: TopTablePanelProps) {
  const breakdown = useResource(`${by}|${scope.key}`, (api, signal) => api.getBreakdown(by, scope.query, signal));
  return (
    <Panel title={title}>
      <ResourceView
        resource={breakdown}
        loadingHeight={160}
        isEmpty={(data) => data.rows.length === 0}
        empty={<EmptyState title={emptyText ?? 'Nothing yet in this period.'} />}
      >
        {(data) => <BreakdownTable rows={data.rows} heading={heading} nameOf={nameOf} hrefOf={hrefOf} limit={limit} caption={title} />}
      </ResourceView>
    </Panel>
  );
}
