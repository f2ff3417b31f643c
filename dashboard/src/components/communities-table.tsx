// Communities with their size and what their members did in the period: joins, visits, shares, conversions, revenue.
import type { BreakdownRow, Community } from '../api/types';
import { byVisits } from '../lib/breakdown-rows';
import { formatCount, formatMoney } from '../lib/format';
import { platformName } from '../lib/labels';
import { DataTable, type Column } from './data-table';

const COLUMNS: Column[] = [
  { label: 'Community' },
  { label: 'Platform' },
  { label: 'Members', numeric: true },
  { label: 'Joins', numeric: true },
  { label: 'Visits', numeric: true },
  { label: 'Shares', numeric: true },
  { label: 'Conversions', numeric: true },
  { label: 'Revenue', numeric: true },
];

export function CommunitiesTable({ communities, stats }: { communities: Community[]; stats: Map<string, BreakdownRow> }) {
  return (
    <DataTable caption="Communities" columns={COLUMNS}>
      {byVisits(communities, stats).map((c) => {
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
    </DataTable>
  );
}
