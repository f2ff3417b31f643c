// Revenue per member on community breakdown rows: a community's revenue divided by its current member count.

/**
 * Adds `revenuePerMember` (rounded to cents) to each row: null when the row has no community or the community's member
 * count is unknown or zero. `membersOf` reads the community records. Pure; rows are copied.
 */
export function withRevenuePerMember<R extends { key: string | null; revenue: number }>(rows: readonly R[], members: ReadonlyMap<string, number | null>): (R & { members: number | null; revenuePerMember: number | null })[] {
  return rows.map((r) => {
    const n = r.key === null ? null : members.get(r.key) ?? null;
    return { ...r, members: n, revenuePerMember: n ? Math.round((r.revenue / n) * 100) / 100 : null };
  });
}
