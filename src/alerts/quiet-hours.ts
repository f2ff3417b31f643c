// Quiet hours: is a moment inside a rule's local-time window (which may wrap past midnight)?
import { AppError } from '../errors.js';
import type { QuietHours } from './alert-types.js';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(tz, f);
  }
  return f;
}

function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`time ${JSON.stringify(hhmm)} is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Checks a quiet-hours window. @throws AppError validation_failed for a time that is not HH:MM (00:00-23:59),
 * invalid_timezone for an unknown IANA zone.
 */
export function validateQuietHours(q: QuietHours): QuietHours {
  for (const field of ['start', 'end'] as const) {
    if (!HHMM.test(q[field])) {
      throw new AppError('validation_failed', `quietHours.${field} ${JSON.stringify(q[field])} must be HH:MM (00:00-23:59)`, { details: { field: `quietHours.${field}` } });
    }
  }
  try {
    formatterFor(q.tz);
  } catch {
    throw new AppError('invalid_timezone', `quietHours.tz ${JSON.stringify(q.tz)} is not an IANA time zone`, { details: { field: 'quietHours.tz' } });
  }
  return { start: q.start, end: q.end, tz: q.tz };
}

/**
 * True when `now` (ms) falls in [start, end) local time in `tz`; a window with start > end wraps midnight
 * (22:00-07:00), and start = end means never quiet. Pure apart from the ICU time-zone data.
 */
export function isQuietAt(q: QuietHours | null, now: number): boolean {
  if (!q) return false;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  if (start === end) return false;
  const parts = formatterFor(q.tz).formatToParts(new Date(now));
  const local = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  return start < end ? local >= start && local < end : local >= start || local < end;
}
