// Ambassador leaderboard: every ambassador of the workspace with visits, reach, shares, conversions and revenue, ranked.
import type { MetaStore } from '../store/index.js';
import type { EventReader } from '../store/types.js';
import { getBreakdown, type BreakdownRow } from '../stats/get-breakdown.js';
import type { StatsQuery } from '../stats/stats-query.js';

export type LeaderboardMetric = 'reach' | 'conversions' | 'revenue';

export interface LeaderboardRow {
  id: string; name: string; community: string | null;
  visits: number;
  /** Distinct daily visitors of the ambassador's links: their reach. */
  visitors: number;
  shares: number; conversions: number; revenue: number;
}

const METRIC: Record<LeaderboardMetric, keyof Pick<LeaderboardRow, 'visitors' | 'conversions' | 'revenue'>> = { reach: 'visitors', conversions: 'conversions', revenue: 'revenue' };

/** Most ambassadors ranked; the breakdown reads at most this many rows. */
export const MAX_LEADERBOARD = 1000;

/**
 * Ranks ambassadors by `by` (descending; ties: visits, then name), ambassadors without activity included with zeros.
 * Pure: `rows` are the breakdown by ambassador for the period.
 */
export function rankAmbassadors(ambassadors: { id: string; name: string; communityId: string | null }[], rows: BreakdownRow[], by: LeaderboardMetric): LeaderboardRow[] {
  const measured = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key as string, r]));
  const key = METRIC[by];
  return ambassadors
    .map((a) => {
      const m = measured.get(a.id);
      return { id: a.id, name: a.name, community: a.communityId, visits: m?.visits ?? 0, visitors: m?.visitors ?? 0, shares: m?.shares ?? 0, conversions: m?.conversions ?? 0, revenue: m?.revenue ?? 0 };
    })
    .sort((a, b) => b[key] - a[key] || b.visits - a.visits || a.name.localeCompare(b.name));
}

/** The leaderboard for one workspace and period (`q.filters` apply, e.g. a campaign). */
export async function getAmbassadorLeaderboard(meta: MetaStore, events: EventReader, q: StatsQuery, by: LeaderboardMetric, limit: number): Promise<LeaderboardRow[]> {
  const breakdown = await getBreakdown(events, q, 'ambassador', MAX_LEADERBOARD);
  const ambassadors = (await meta.ambassadors.list(q.workspaceId, MAX_LEADERBOARD, null)).items;
  return rankAmbassadors(ambassadors, breakdown.rows, by).slice(0, limit);
}
