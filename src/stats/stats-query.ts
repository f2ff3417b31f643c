// The shared part of every stats question: range, time zone and filters, turned into a parameterised WHERE clause.
import { AppError } from '../errors.js';
import { utcOfLocal, validateTimeZone } from './time-zone.js';

export const FILTERS = {
  link: 'link_id', site: 'site_id', community: 'community_id', ambassador: 'ambassador_id', campaign: 'campaign_id',
  platform: 'platform', channel: 'channel',
} as const;
export type FilterName = keyof typeof FILTERS;

export interface StatsQuery {
  workspaceId: string;
  /** Inclusive start, ms UTC. */
  from: number;
  /** Exclusive end, ms UTC. */
  to: number;
  tz: string;
  filters: Partial<Record<FilterName, string>>;
}

export interface StatsParams { from?: string; to?: string; tz?: string; [filter: string]: string | undefined }

const DAY_MS = 86_400_000;

function parseInstant(field: 'from' | 'to', value: string, tz: string): number {
  // A bare date is a whole local day in `tz`: `to=2026-11-25` includes that day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new AppError('invalid_range', `${field} ${JSON.stringify(value)} is not an ISO date or time`, { details: { field } });
  if (!dateOnly) return ms;
  return utcOfLocal(tz, field === 'to' ? ms + DAY_MS : ms);
}

/**
 * Reads `from`, `to` (default: the last 30 days up to and including now), `tz` (default UTC) and filters.
 * @throws AppError invalid_range / invalid_timezone.
 */
export function parseStatsQuery(workspaceId: string, params: StatsParams, now: number): StatsQuery {
  const tz = validateTimeZone(params.tz ?? 'UTC');
  // `to` is exclusive: by default it lies just past the current millisecond, so an event recorded in this very
  // millisecond (a click answered just before the question) is counted.
  const to = params.to ? parseInstant('to', params.to, tz) : now + 1;
  const from = params.from ? parseInstant('from', params.from, tz) : to - 30 * DAY_MS;
  if (from >= to) throw new AppError('invalid_range', `from must be before to`, { details: { from: params.from, to: params.to } });
  if (to - from > 3700 * DAY_MS) throw new AppError('invalid_range', 'the range may not exceed ten years', { details: { from: params.from, to: params.to } });
  const filters: StatsQuery['filters'] = {};
  for (const name of Object.keys(FILTERS) as FilterName[]) {
    const v = params[name];
    if (v !== undefined && v !== '') filters[name] = v;
  }
  return { workspaceId, from, to, tz, filters };
}

/** WHERE clause (both dialects use named parameters `:name` / `{name:Type}`) and its values. */
export function whereClause(q: StatsQuery, dialect: 'sqlite' | 'clickhouse'): { sql: string; params: Record<string, unknown> } {
  const p = (name: string, type: string) => (dialect === 'sqlite' ? `:${name}` : `{${name}:${type}}`);
  const parts = [`workspace_id = ${p('ws', 'String')}`, `ts >= ${p('from', 'Int64')}`, `ts < ${p('to', 'Int64')}`];
  const params: Record<string, unknown> = { ws: q.workspaceId, from: q.from, to: q.to };
  for (const [name, value] of Object.entries(q.filters) as [FilterName, string][]) {
    parts.push(`${FILTERS[name]} = ${p(`f_${name}`, 'String')}`);
    params[`f_${name}`] = value;
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * SQL fragments that count each measure, the same in SQLite and ClickHouse. A refund is a `conversion` event of negative
 * value: it lowers revenue and is not counted as a conversion.
 */
export const MEASURES = `
  sum(CASE WHEN type IN ('click', 'pageview') THEN 1 ELSE 0 END) AS visits,
  count(DISTINCT CASE WHEN type IN ('click', 'pageview') THEN visitor END) AS visitors,
  sum(CASE WHEN type IN ('preview', 'share') THEN 1 ELSE 0 END) AS shares,
  sum(CASE WHEN type = 'join' THEN 1 ELSE 0 END) AS joins,
  sum(CASE WHEN type = 'conversion' AND coalesce(value, 0) >= 0 THEN 1 ELSE 0 END) AS conversions,
  sum(CASE WHEN type = 'conversion' THEN coalesce(value, 0) ELSE 0 END) AS revenue,
  sum(CASE WHEN type IN ('click', 'pageview') AND channel = 'dark_social' THEN 1 ELSE 0 END) AS darkVisits`;

export interface MeasureRow { visits: number; visitors: number; shares: number; joins: number; conversions: number; revenue: number; darkVisits: number }

/** Numbers as numbers (drivers may return strings or bigints) and revenue rounded to cents. */
export function normaliseMeasures<T extends Partial<MeasureRow>>(row: T): MeasureRow {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    visits: n(row.visits), visitors: n(row.visitors), shares: n(row.shares), joins: n(row.joins),
    conversions: n(row.conversions), revenue: Math.round(n(row.revenue) * 100) / 100, darkVisits: n(row.darkVisits),
  };
}
