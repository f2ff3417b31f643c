// Helpers for breakdown rows, whose key is null for events without a value of the dimension.
import type { BreakdownRow } from '../api/types';

/** Rows by key, leaving out the null-key row; for joining stats onto lists of resources. */
export function rowsByKey(rows: BreakdownRow[] | undefined): Map<string, BreakdownRow> {
  const map = new Map<string, BreakdownRow>();
  for (const row of rows ?? []) if (row.key !== null) map.set(row.key, row);
  return map;
}

/** A stable React key for a row, null included. */
export function rowId(row: BreakdownRow): string {
  return row.key ?? '\u0000none';
}

/** The row's name, its key, or `none` for the null-key row. */
export function rowName(row: BreakdownRow, none: string): string {
  return row.name || row.key || none;
}

/** A copy of `items` with the most visited first, by each item's row in `stats` (no row counts as 0 visits). */
export function byVisits<T extends { id: string }>(items: T[], stats: Map<string, BreakdownRow>): T[] {
  return [...items].sort((a, b) => (stats.get(b.id)?.visits ?? 0) - (stats.get(a.id)?.visits ?? 0));
}
