// A breakdown as a table: name, visits (with a proportion bar), visitors, shares, and joins/conversions/revenue when present.
import type { BreakdownRow } from '../api/types';
import { formatCount, formatMoney } from '../lib/format';
import { rowId } from '../lib/breakdown-rows';
import { AppLink } from '../router/app-link';
import { DataTable, type Column } from './data-table';

interface BreakdownTableProps {
  rows: BreakdownRow[];
  /** Header of the first column: "Link", "Country". */
  heading: string;
  nameOf: (row: BreakdownRow) => string;
  /** An in-app URL per row, when rows have a page of their own. */
  hrefOf?: (row: BreakdownRow) => string | null;
  limit?: number;
  caption?: string;
}

type Extra = 'joins' | 'conversions' | 'revenue';
const EXTRAS: { key: Extra; label: string }[] = [
  { key: 'joins', label: 'Joins' },
  { key: 'conversions', label: 'Conversions' },
  { key: 'revenue', label: 'Revenue' },
];

export function BreakdownTable({ rows, heading, nameOf, hrefOf, limit = 10, caption }: BreakdownTableProps) {
  const shown = rows.slice(0, limit);
  const max = Math.max(1, ...shown.map((r) => r.visits));
  const extras = EXTRAS.filter((extra) => rows.some((r) => typeof r[extra.key] === 'number' && (r[extra.key] ?? 0) > 0));
  const columns: Column[] = [
    { label: heading },
    { label: 'Visits', numeric: true },
    { label: 'Visitors', numeric: true },
    { label: 'Shares', numeric: true },
    ...extras.map((extra) => ({ label: extra.label, numeric: true })),
  ];
  return (
    <DataTable caption={caption} columns={columns}>
      {shown.map((row) => {
        const href = hrefOf?.(row);
        const name = nameOf(row);
        return (
          <tr key={rowId(row)}>
            <th scope="row" className="name-cell">
              <span className="bar-fill" style={{ width: `${(row.visits / max) * 100}%` }} aria-hidden="true" />
              <span className="name-text">{href ? <AppLink href={href}>{name}</AppLink> : name}</span>
            </th>
            <td className="num">{formatCount(row.visits)}</td>
            <td className="num">{formatCount(row.visitors)}</td>
            <td className="num">{formatCount(row.shares)}</td>
            {extras.map((extra) => (
              <td key={extra.key} className="num">
                {extra.key === 'revenue' ? formatMoney(row.revenue ?? 0) : formatCount(row[extra.key] ?? 0)}
              </td>
            ))}
          </tr>
        );
      })}
    </DataTable>
  );
}
