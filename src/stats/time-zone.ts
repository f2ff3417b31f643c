// Time-zone arithmetic for day/hour buckets: offsets as piecewise-constant segments, so SQL can bucket local time.
import { AppError } from '../errors.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Checks an IANA time-zone name.
 * @throws AppError invalid_timezone naming the value.
 */
export function validateTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    throw new AppError('invalid_timezone', `unknown time zone ${JSON.stringify(tz)}; use an IANA name such as Europe/Paris`, { details: { tz } });
  }
}

/** Offset of local time from UTC at instant `ts` (ms), in ms (Paris in winter: +3,600,000). */
export function offsetAt(tz: string, ts: number): number {
  if (tz === 'UTC') return 0;
  let fmt = formatters.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(ts))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/** One stretch of constant offset: applies to instants before `until` (ms; Infinity for the last). */
export interface OffsetSegment { until: number; offset: number }

/** The offsets in force between `from` and `to` (ms), with transitions found to the minute. */
export function offsetSegments(tz: string, from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let current = offsetAt(tz, from);
  const step = 3600_000;
  for (let t = from; t < to; t += step) {
    const next = offsetAt(tz, Math.min(t + step, to));
    if (next !== current) {
      let lo = t;
      let hi = Math.min(t + step, to);
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offsetAt(tz, mid) === current) lo = mid;
        else hi = mid;
      }
      segments.push({ until: hi, offset: current });
      current = next;
    }
  }
  segments.push({ until: Infinity, offset: current });
  return segments;
}

/** The UTC instant at which local wall-clock time `localMs` (ms, as if UTC) happens in `tz`. */
export function utcOfLocal(tz: string, localMs: number): number {
  const guess = localMs - offsetAt(tz, localMs);
  return localMs - offsetAt(tz, guess);
}

/** Start of the local bucket containing `ts`, as local wall-clock ms. */
export function localBucketStart(tz: string, ts: number, bucketMs: number): number {
  const local = ts + offsetAt(tz, ts);
  return Math.floor(local / bucketMs) * bucketMs;
}
