// Visits and shares over the period, hourly or daily.
import { TimeseriesChart } from '../charts/timeseries-chart';
import { useResource } from '../hooks/use-resource';
import type { StatsScope } from '../hooks/use-stats-query';
import { EmptyState } from './empty-state';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

export function TrafficPanel({ scope, title = 'Visits and shares' }: { scope: StatsScope; title?: string }) {
  const series = useResource(`timeseries|${scope.interval}|${scope.key}`, (api, signal) =>
    api.getTimeseries({ ...scope.query, interval: scope.interval }, signal),
  );
  return (
    <Panel title={title} hint={scope.interval === 'hour' ? 'Per hour' : 'Per day'} className="panel-wide">
      <ResourceView
        resource={series}
        loadingHeight={280}
        isEmpty={(data) => data.points.every((p) => p.visits === 0 && p.shares === 0)}
        empty={<EmptyState title="No visits or shares in this period.">Share a tracked link, or pick a longer range.</EmptyState>}
      >
        {(data) => <TimeseriesChart points={data.points} interval={data.interval ?? scope.interval} />}
      </ResourceView>
    </Panel>
  );
}
