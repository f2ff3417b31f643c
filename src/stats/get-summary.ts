// Summary: visits, visitors, shares (and by platform), joins, conversions, revenue and the dark-social share.
import type { EventReader } from '../store/types.js';
import { planRollup, rolledUpMeasures, type RollupPlan } from './rollup-plan.js';
import { MEASURES, normaliseMeasures, whereClause, type MeasureRow, type StatsQuery } from './stats-query.js';

export interface Summary {
  visits: number; visitors: number; shares: number; joins: number; conversions: number; revenue: number;
  /** Fraction of visits (clicks and page views) in the dark_social channel, 0..1. */
  darkSocialShare: number;
  sharesByPlatform: Record<string, number>;
  bots: number;
}

type Totals = MeasureRow & { bots: number };
type PlatformShares = { platform: string; shares: number };

async function fromEvents(events: EventReader, q: StatsQuery): Promise<[Totals[], PlatformShares[]]> {
  const where = whereClause(q, events.dialect);
  return [
    await events.all<Totals>({
      sqlite: `SELECT ${MEASURES}, sum(CASE WHEN type = 'bot' THEN 1 ELSE 0 END) AS bots FROM events WHERE ${where.sql}`,
      clickhouse: `SELECT ${MEASURES}, sum(CASE WHEN type = 'bot' THEN 1 ELSE 0 END) AS bots FROM events WHERE ${where.sql}`,
    }, where.params),
    await events.all<PlatformShares>({
      sqlite: `SELECT platform, count(*) AS shares FROM events WHERE ${where.sql} AND type IN ('preview', 'share') GROUP BY platform ORDER BY shares DESC, platform`,
      clickhouse: `SELECT platform, count() AS shares FROM events WHERE ${where.sql} AND type IN ('preview', 'share') GROUP BY platform ORDER BY shares DESC, platform`,
    }, where.params),
  ];
}

/** SQLite only: the same two answers from the hourly rollups (see rollup-plan.ts). */
async function fromRollups(events: EventReader, q: StatsQuery, plan: RollupPlan): Promise<[Totals[], PlatformShares[]]> {
  const totals = rolledUpMeasures(q, plan, () => 'NULL');
  const byPlatform = rolledUpMeasures(q, plan, () => 'platform', { visitors: false });
  return [
    await events.all<Totals>({ sqlite: totals.sql }, totals.params),
    await events.all<PlatformShares>({ sqlite: `SELECT key AS platform, shares FROM (${byPlatform.sql}) WHERE shares > 0 ORDER BY shares DESC, platform` }, byPlatform.params),
  ];
}

/** Answers the summary question for one workspace, range and filter set. */
export async function getSummary(events: EventReader, q: StatsQuery): Promise<Summary> {
  await events.catchUp();
  const plan = planRollup(events, q);
  const [totals, byPlatform] = plan ? await fromRollups(events, q, plan) : await fromEvents(events, q);
  const m = normaliseMeasures(totals[0] ?? {});
  return {
    visits: m.visits, visitors: m.visitors, shares: m.shares, joins: m.joins, conversions: m.conversions, revenue: m.revenue,
    darkSocialShare: m.visits === 0 ? 0 : Math.round((m.darkVisits / m.visits) * 10_000) / 10_000,
    sharesByPlatform: Object.fromEntries(byPlatform.map((r) => [r.platform, Number(r.shares)])),
    bots: Number(totals[0]?.bots ?? 0),
  };
}
