// The six headline numbers for a period, each with its change against the period just before.
import type { Summary } from '../api/types';
import { useResource } from '../hooks/use-resource';
import type { StatsScope } from '../hooks/use-stats-query';
import { formatCount, formatMoney, formatPercent } from '../lib/format';
import { ErrorMessage } from './error-message';
import { LoadingState } from './loading-state';
import { StatCard } from './stat-card';

interface Pair {
  current: Summary;
  previous: Summary;
}

export function SummaryCards({ scope }: { scope: StatsScope }) {
  const pair = useResource<Pair>(`summary|${scope.key}`, async (api, signal) => {
    const [current, previous] = await Promise.all([
      api.getSummary(scope.query, signal),
      api.getSummary(scope.previousQuery, signal),
    ]);
    return { current, previous };
  });
  if (pair.error) return <ErrorMessage error={pair.error} onRetry={pair.reload} />;
  if (!pair.data) return <LoadingState height={108} label="Loading totals…" />;
  const { current, previous } = pair.data;
  const money = (value: number) => formatMoney(value, current.currency);
  return (
    <dl className={`stat-grid${pair.loading ? ' is-refreshing' : ''}`} aria-label="Totals for the period">
      <StatCard label="Visits" value={current.visits} previous={previous.visits} format={formatCount} />
      <StatCard label="Visitors" value={current.visitors} previous={previous.visitors} format={formatCount} />
      <StatCard label="Shares" value={current.shares} previous={previous.shares} format={formatCount} />
      <StatCard label="Conversions" value={current.conversions} previous={previous.conversions} format={formatCount} />
      <StatCard label="Revenue" value={current.revenue} previous={previous.revenue} format={money} />
      <StatCard
        label="Dark social"
        value={current.darkSocialShare}
        previous={previous.darkSocialShare}
        format={(v) => formatPercent(v)}
        changeAsPoints
      />
    </dl>
  );
}
