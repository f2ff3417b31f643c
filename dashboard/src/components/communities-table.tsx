// Communities with their size and what their members did in the period: joins, visits, shares, conversions, revenue.
import type { BreakdownRow, Community } from '../api/types';
import { formatCount, formatMoney } from '../lib/format';
import { platformName } from '../lib/labels';

export function CommunitiesTable({ communities, stats }: { communities: Community[]; stats: Map<string, BreakdownRow> }) {
  const sorted = [...communities].sort((a, b) => (stats.get(b.id)?.visits ?? 0) - (stats.get(a.id)?.visits ?? 0));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Communities</caption>
        <thead>
          <tr>
            <th scope="col">Community</th>
            <th scope="col">Platform</th>
            <th scope="col" className="num">Members</th>
            <th scope="col" className="num">Joins</th>
            <th scope="col" className="num">Visits</th>
            <th scope="col" className="num">Shares</th>
            <th scope="col" className="num">Conversions</th>
            <th scope="col" className="num">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => {
            const row = stats.get(c.id);
            return (
              <tr key={c.id}>
                <th scope="row">
                  {c.name}
                  {c.region ? <span className="muted small"> · {c.region}</span> : null}
                </th>
                <td>{platformName(c.platform)}</td>
                <td className="num">{c.members == null ? '—' : formatCount(c.members)}</td>
                <td className="num">{formatCount(row?.joins ?? 0)}</td>
                <td className="num">{formatCount(row?.visits ?? 0)}</td>
                <td className="num">{formatCount(row?.shares ?? 0)}</td>
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
