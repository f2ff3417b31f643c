// The ambassadors' leaderboard as an ordered list: rank, name and what earned the place.
import type { LeaderboardRow } from '../api/types';
import { formatCount, formatMoney } from '../lib/format';

function nameOf(row: LeaderboardRow): string {
  return row.name || row.ambassador || row.key || row.id || 'Unknown';
}

export function LeaderboardList({ rows }: { rows: LeaderboardRow[] }) {
  return (
    <ol className="leaderboard">
      {rows.slice(0, 10).map((row, index) => (
        <li key={row.id ?? row.key ?? index} className="leaderboard-row">
          <span className={`rank rank-${index + 1}`} aria-hidden="true">{row.rank ?? index + 1}</span>
          <span className="leaderboard-name">{nameOf(row)}</span>
          <span className="leaderboard-numbers">
            {formatCount(row.visits ?? 0)} visits · {formatCount(row.shares ?? 0)} shares
            {row.conversions ? ` · ${formatCount(row.conversions)} conversions` : ''}
            {row.revenue ? ` · ${formatMoney(row.revenue)}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
