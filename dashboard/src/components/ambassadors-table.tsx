// Ambassadors with their community and what their links brought in the period.
import type { Ambassador, BreakdownRow } from '../api/types';
import { byVisits } from '../lib/breakdown-rows';
import { formatCount, formatMoney } from '../lib/format';
import { DataTable, type Column } from './data-table';

interface AmbassadorsTableProps {
  ambassadors: Ambassador[];
  stats: Map<string, BreakdownRow>;
  communityName(id: string | null | undefined): string | null;
}

const COLUMNS: Column[] = [
  { label: 'Ambassador' },
  { label: 'Community' },
  { label: 'Visits', numeric: true },
  { label: 'Shares', numeric: true },
  { label: 'Joins', numeric: true },
  { label: 'Conversions', numeric: true },
  { label: 'Revenue', numeric: true },
];

export function AmbassadorsTable({ ambassadors, stats, communityName }: AmbassadorsTableProps) {
  return (
    <DataTable caption="Ambassadors" columns={COLUMNS}>
      {byVisits(ambassadors, stats).map((a) => {
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
    </DataTable>
  );
}
