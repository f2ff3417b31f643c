// Ambassadors with their community and what their links brought in the period.
import type { Ambassador, BreakdownRow } from '../api/types';
import { formatCount, formatMoney } from '../lib/format';

interface AmbassadorsTableProps {
  ambassadors: Ambassador[];
  stats: Map<string, BreakdownRow>;
  communityName(id: string | null | undefined): string | null;
}

export function AmbassadorsTable({ ambassadors, stats, communityName }: AmbassadorsTableProps) {
  const sorted = [...ambassadors].sort((a, b) => (stats.get(b.id)?.visits ?? 0) - (stats.get(a.id)?.visits ?? 0));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Ambassadors</caption>
        <thead>
          <tr>
            <th scope="col">Ambassador</th>
            <th scope="col">Community</th>
            <th scope="col" className="num">Visits</th>
            <th scope="col" className="num">Shares</th>
            <th scope="col" className="num">Joins</th>
            <th scope="col" className="num">Conversions</th>
            <th scope="col" className="num">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => {
            const row = stats.get(a.id);
            return (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{communityName(a.community) ?? <span className="muted">—</span>}</td>
                <td className="num">{formatCount(row?.visits ?? 0)}</td>
                <td className="num">{formatCount(row?.shares ?? 0)}</td>
                <td className="num">{formatCount(row?.joins ?? 0)}</td>
                <td className="num">{formatCount(row?.conversions ?? 0)}</td>
                <td className="num">{formatMoney(row?.revenue ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
