// Breakdown: the measures per value of one dimension (platform, channel, community, link, country, …).
import type { EventReader } from '../store/types.js';
import { planRollup, rolledUpMeasures } from './rollup-plan.js';
import { MEASURES, normaliseMeasures, whereClause, type MeasureRow, type StatsQuery } from './stats-query.js';

/** Dimension name → column. Closed list: the column name never comes from input. */
export const DIMENSIONS = {
  platform: 'platform', channel: 'channel', community: 'community_id', ambassador: 'ambassador_id', campaign: 'campaign_id',
  link: 'link_id', site: 'site_id', country: 'country', device: 'device', browser: 'browser', os: 'os', referrer: 'referrer_host',
  path: 'path', inApp: 'in_app', type: 'type',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export interface BreakdownRow {
  key: string | null; name?: string; visits: number; visitors: number; shares: number; joins: number; conversions: number; revenue: number;
  /** Conversions per visit, 0..1. */
  conversionRate: number;
}

export interface Breakdown { by: Dimension; rows: BreakdownRow[] }

/** Rows sorted by visits + shares, at most `limit`; `names` fills in resource names for id dimensions. */
export async function getBreakdown(events: EventReader, q: StatsQuery, by: Dimension, limit: number,
  names?: (ids: string[]) => Promise<Map<string, string>>): Promise<Breakdown> {
  await events.catchUp();
  const col = DIMENSIONS[by];
  const plan = planRollup(events, q, { by: col });
  let rows: (MeasureRow & { key: string | null })[];
  if (plan) {
    const rolled = rolledUpMeasures(q, plan, () => col, { withoutBots: true });
    rows = await events.all({
      sqlite: `SELECT * FROM (${rolled.sql}) ORDER BY visits + shares + joins + conversions DESC, key LIMIT :limit`,
    }, { ...rolled.params, limit });
  } else {
    const where = whereClause(q, events.dialect);
    rows = await events.all({
      sqlite: `SELECT ${col} AS key, ${MEASURES} FROM events WHERE ${where.sql} AND type <> 'bot' GROUP BY ${col} ORDER BY visits + shares + joins + conversions DESC, key LIMIT :limit`,
      clickhouse: `SELECT ${col} AS key, ${MEASURES} FROM events WHERE ${where.sql} AND type <> 'bot' GROUP BY ${col} ORDER BY visits + shares + joins + conversions DESC, key NULLS FIRST LIMIT {limit:UInt32}`,
    }, { ...where.params, limit });
  }
  const named = names ? await names(rows.map((r) => r.key).filter((k): k is string => k !== null && k !== '')) : null;
  return {
    by,
    rows: rows.map((r) => {
      const m = normaliseMeasures(r);
      const key = r.key === '' ? null : r.key;
      const name = key !== null ? named?.get(key) : undefined;
      return {
        key, ...(name !== undefined ? { name } : {}), visits: m.visits, visitors: m.visitors, shares: m.shares, joins: m.joins,
        conversions: m.conversions, revenue: m.revenue, conversionRate: m.visits === 0 ? 0 : Math.round((m.conversions / m.visits) * 10_000) / 10_000,
      };
    }),
  };
}
