// One headline number with its change against the period before.
import { describeChange } from '../lib/format';

interface StatCardProps {
  label: string;
  value: number;
  previous?: number;
  format: (value: number) => string;
  /** For rates, a change in points reads better than a relative change. */
  changeAsPoints?: boolean;
}

export function StatCard({ label, value, previous, format, changeAsPoints }: StatCardProps) {
  let changeText = '';
  let direction: 'up' | 'down' | 'flat' | 'new' = 'flat';
  if (previous !== undefined) {
    if (changeAsPoints) {
      const points = Math.round((value - previous) * 100);
      direction = points > 0 ? 'up' : points < 0 ? 'down' : 'flat';
      changeText = points === 0 ? 'no change' : `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`;
    } else {
      const change = describeChange(value, previous);
      direction = change.direction;
      changeText = change.text;
    }
  }
  const spoken = previous === undefined ? '' : `${changeText} against the previous period (${format(previous)})`;
  return (
    <div className="stat-card" data-testid={`stat-${label.toLowerCase().replace(/\W+/g, '-')}`}>
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{format(value)}</dd>
      {previous !== undefined ? (
        <dd className={`stat-change stat-change-${direction}`} title={spoken}>
          <span aria-hidden="true">{direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : ''}{changeText}</span>
          <span className="visually-hidden">{spoken}</span>
        </dd>
      ) : null}
    </div>
  );
}
