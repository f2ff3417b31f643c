// Visits by channel, with dark social's part of the whole.
import { ChannelDonutChart } from '../charts/channel-donut-chart';
import { useResource } from '../hooks/use-resource';
import type { StatsScope } from '../hooks/use-stats-query';
import { EmptyState } from './empty-state';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

export function ChannelPanel({ scope }: { scope: StatsScope }) {
  const breakdown = useResource(`channel|${scope.key}`, (api, signal) => api.getBreakdown('channel', scope.query, signal));
  return (
    <Panel title="Channels" hint="Dark social: private messages, person-to-person email and SMS.">
      <ResourceView
        resource={breakdown}
        loadingHeight={220}
        isEmpty={(data) => data.rows.every((r) => r.visits === 0)}
        empty={<EmptyState title="No visits yet." />}
      >
        {(data) => <ChannelDonutChart rows={data.rows} />}
      </ResourceView>
    </Panel>
  );
}
