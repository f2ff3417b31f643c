// Time series: visits, visitors, shares, joins and conversions per hour or per local day, empty buckets included.
import { AppError } from '../errors.js';
import type { EventReader } from '../store/types.js';
import { planRollup, rolledUpMeasures } from './rollup-plan.js';
import { MEASURES, normaliseMeasures, whereClause, type MeasureRow, type StatsQuery } from './stats-query.js';
import { localBucketStart, offsetSegments, utcOfLocal } from './time-zone.js';

export type Interval = 'hour' | 'day';
const BUCKET_MS: Record<Interval, number> = { hour: 3600_000, day: 86_400_000 };
const MAX_POINTS = 5000;

export interface TimeseriesPoint { t: string; visits: number; visitors: number; shares: number; joins: number; conversions: number; revenue: number }
export interface Timeseries { interval: Interval; tz: string; points: TimeseriesPoint[] }

/** Local-time expression: `ts` (a column: events.ts or a rollup's hour) plus the offset in force, as a CASE over the range's offset segments. */
function localTsExpr(q: StatsQuery, params: Record<string, unknown>, dialect: 'sqlite' | 'clickhouse', ts = 'ts'): string {
  const segments = offsetSegments(q.tz, q.from, q.to);
  if (segments.length === 1) {
    params.o0 = segments[0].offset;
    return dialect === 'sqlite' ? `(${ts} + :o0)` : `(${ts} + {o0:Int64})`;
  }
  const p = (name: string) => (dialect === 'sqlite' ? `:${name}` : `{${name}:Int64}`);
  const cases = segments.map((s, i) => {
    params[`o${i}`] = s.offset;
    if (s.until === Infinity) return `ELSE ${p(`o${i}`)}`;
    params[`u${i}`] = s.until;
    return `WHEN ${ts} < ${p(`u${i}`)} THEN ${p(`o${i}`)}`;
  });
  return `(${ts} + CASE ${cases.join(' ')} END)`;
}

/** @throws AppError invalid_range when the range holds more than 5,000 buckets. */
export async function getTimeseries(events: EventReader, q: StatsQuery, interval: Interval): Promise<Timeseries> {
  const size = BUCKET_MS[interval];
  const first = localBucketStart(q.tz, q.from, size);
  const last = localBucketStart(q.tz, q.to - 1, size);
  if ((last - first) / size + 1 > MAX_POINTS) {
    throw new AppError('invalid_range', `that range holds over ${MAX_POINTS} ${interval}s; use a shorter range or interval=day`, { details: { interval } });
  }
  await events.catchUp();
  const params: Record<string, unknown> = { size };
  const plan = planRollup(events, q, { localBuckets: true });
  let rows: (MeasureRow & { bucket: number })[];
  if (plan) {
    const local = { hour: localTsExpr(q, params, 'sqlite', 'hour'), ts: localTsExpr(q, params, 'sqlite', 'ts') };
    const rolled = rolledUpMeasures(q, plan, (time) => `CAST(${local[time]} / :size AS INTEGER) * :size`);
    rows = await events.all({ sqlite: `SELECT key AS bucket, * FROM (${rolled.sql})` }, { ...rolled.params, ...params });
  } else {
    const where = whereClause(q, events.dialect);
    Object.assign(params, where.params);
    const local = localTsExpr(q, params, events.dialect);
    rows = await events.all({
      sqlite: `SELECT CAST(${local} / :size AS INTEGER) * :size AS bucket, ${MEASURES} FROM events WHERE ${where.sql} GROUP BY bucket`,
      clickhouse: `SELECT intDiv(${local}, {size:Int64}) * {size:Int64} AS bucket, ${MEASURES} FROM events WHERE ${where.sql} GROUP BY bucket`,
    }, params);
  }
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), normaliseMeasures(r)]));
  const points: TimeseriesPoint[] = [];
  for (let b = first; b <= last; b += size) {
    const m = byBucket.get(b);
    points.push({
      t: new Date(utcOfLocal(q.tz, b)).toISOString().replace('.000Z', 'Z'), visits: m?.visits ?? 0, visitors: m?.visitors ?? 0,
      shares: m?.shares ?? 0, joins: m?.joins ?? 0, conversions: m?.conversions ?? 0, revenue: m?.revenue ?? 0,
    });
  }
  return { interval, tz: q.tz, points };
}
