// Which part of a stats question the SQLite hourly rollups can answer exactly, and the query that combines them with
// raw events for the rest: whole UTC hours come from a count rollup and visitor_hours, the sub-hour edges from events.
import { COUNT_ROLLUPS, ROLLUP_MEASURES } from '../store/migrations/sqlite-0004-event-rollups.js';
import type { EventReader } from '../store/types.js';
import { FILTERS, type FilterName, type StatsQuery } from './stats-query.js';
import { offsetSegments } from './time-zone.js';

const HOUR_MS = 3600_000;

/** The whole UTC hours [from, to) (ms) read from `table`; the rest of the question's range is read raw. */
export interface RollupPlan { table: string; from: number; to: number }

export interface PlanOptions {
  /** Column the answer is grouped by, if any: it must be rolled up. */
  by?: string;
  /** The answer is bucketed by local hour or day: every hour must fall into one bucket. */
  localBuckets?: boolean;
}

/** Whether the rollups can serve this question, and from which table and hours; null means raw events answer it all. */
export function planRollup(events: EventReader, q: StatsQuery, options: PlanOptions = {}): RollupPlan | null {
  if (events.dialect !== 'sqlite' || !events.rollups) return null;
  const needed = [...(Object.keys(q.filters) as FilterName[]).map((f) => FILTERS[f]), ...(options.by ? [options.by] : [])];
  const rollup = COUNT_ROLLUPS.find((r) => needed.every((c) => (r.dimensions as readonly string[]).includes(c)));
  if (!rollup) return null;
  // An hour lands whole in one local bucket only if no offset change falls inside it: whole-hour offsets that change
  // on an hour (offsetSegments finds a change to the minute, so a change it places off the hour is read raw too).
  if (options.localBuckets && !offsetSegments(q.tz, q.from, q.to).every((s) => s.offset % HOUR_MS === 0 && (s.until === Infinity || s.until % HOUR_MS === 0))) {
    return null;
  }
  const from = Math.ceil(q.from / HOUR_MS) * HOUR_MS;
  const to = Math.floor(q.to / HOUR_MS) * HOUR_MS;
  return from < to ? { table: rollup.table, from, to } : null;
}

const VISIT = `type IN ('click', 'pageview')`;
const asName = (measure: string) => (measure === 'dark_visits' ? 'darkVisits' : measure);
const MEASURES_OF_ROLLUP = Object.keys(ROLLUP_MEASURES).map((m) => `sum(${m}) AS ${asName(m)}`).join(', ') + ', NULL AS visitor';
/** The same sums over raw rows: the MEASURES of stats-query.ts but visitors. */
const MEASURES_OF_EVENTS = Object.entries(ROLLUP_MEASURES).map(([m, sql]) => `sum(${sql}) AS ${asName(m)}`).join(', ') + ', NULL AS visitor';
const NO_MEASURES = Object.keys(ROLLUP_MEASURES).map((m) => `0 AS ${asName(m)}`).join(', ') + ', visitor';

export interface RolledUpOptions {
  /** Leave bot events out, as breakdowns do: a key seen only in bot events gets no row. */
  withoutBots?: boolean;
  /** False skips the distinct count of visitors, by far the costliest part (visitors are then 0). */
  visitors?: boolean;
}

/**
 * SQLite query for the measures per key (visits, visitors, shares, joins, conversions, revenue, darkVisits, bots): the
 * numbers MEASURES gives over raw events. Counts add up across sources; visitors are counted distinct over the raw
 * visits of the whole range, since one visitor may appear in several hours (see the migration for why).
 * @param key SQL for the group key, given the time column of the source (`hour` in rollups, `ts` in events).
 */
export function rolledUpMeasures(q: StatsQuery, plan: RollupPlan, key: (time: 'hour' | 'ts') => string,
  options: RolledUpOptions = {}): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { ws: q.workspaceId, from: q.from, to: q.to, hourFrom: plan.from, hourTo: plan.to };
  let filters = '';
  for (const [name, value] of Object.entries(q.filters) as [FilterName, string][]) {
    filters += ` AND ${FILTERS[name]} = :f_${name}`;
    params[`f_${name}`] = value;
  }
  const edges = [plan.from > q.from ? 'ts >= :from AND ts < :hourFrom' : null, plan.to < q.to ? 'ts >= :hourTo AND ts < :to' : null]
    .filter((e): e is string => e !== null);
  const hours = 'hour >= :hourFrom AND hour < :hourTo';
  const branches = [
    `SELECT ${key('hour')} AS key, ${MEASURES_OF_ROLLUP} FROM ${plan.table} WHERE workspace_id = :ws AND ${hours}${filters} GROUP BY 1`,
    ...edges.map((range) => `SELECT ${key('ts')} AS key, ${MEASURES_OF_EVENTS} FROM events WHERE workspace_id = :ws AND ${range}${filters} GROUP BY 1`),
  ];
  if (options.visitors !== false) {
    branches.push(`SELECT ${key('ts')} AS key, ${NO_MEASURES} FROM events WHERE workspace_id = :ws AND ts >= :from AND ts < :to${filters} AND ${VISIT} AND visitor IS NOT NULL`);
  }
  const sql = `SELECT key, sum(visits) AS visits, count(DISTINCT visitor) AS visitors, sum(shares) AS shares, sum(joins) AS joins,
    sum(conversions) AS conversions, sum(revenue) AS revenue, sum(darkVisits) AS darkVisits, sum(bots) AS bots
    FROM (${branches.join('\n    UNION ALL ')}) GROUP BY key${options.withoutBots ? ' HAVING sum(events) > sum(bots)' : ''}`;
  return { sql, params };
}
