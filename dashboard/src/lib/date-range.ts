// The dashboard's date range: whole local days in the URL (`?from=2026-11-01&to=2026-11-07`), ISO times for the API.

export const PRESETS = [
  { id: 'today', label: 'Today', days: 1 },
  { id: '7d', label: '7 days', days: 7 },
  { id: '30d', label: '30 days', days: 30 },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

/** Days as `YYYY-MM-DD` in the browser's time zone, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export interface ApiRange {
  from: string;
  to: string;
  tz: string;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_DAYS = 30;

/** `YYYY-MM-DD` of a Date in local time. */
export function toDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Local midnight at the start of a `YYYY-MM-DD` day. */
export function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function isValidDay(value: string | null): value is string {
  return value !== null && DAY_PATTERN.test(value) && !Number.isNaN(parseDay(value).getTime());
}

/** The last `days` days up to and including today. */
export function presetRange(days: number, now: Date): DayRange {
  return { from: toDay(addDays(now, -(days - 1))), to: toDay(now) };
}

/** The range named by the URL, or the last 30 days (the API's own default). Swapped ends are put in order. */
export function readDayRange(search: URLSearchParams, now: Date): DayRange {
  const from = search.get('from');
  const to = search.get('to');
  const fallback = presetRange(DEFAULT_DAYS, now);
  const range = { from: isValidDay(from) ? from : fallback.from, to: isValidDay(to) ? to : fallback.to };
  return range.from <= range.to ? range : { from: range.to, to: range.from };
}

/** The preset that the range equals today, if any. */
export function matchingPreset(range: DayRange, now: Date): PresetId | null {
  for (const preset of PRESETS) {
    const candidate = presetRange(preset.days, now);
    if (candidate.from === range.from && candidate.to === range.to) return preset.id;
  }
  return null;
}

function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** ISO times for the API: start of the first day up to the end of the last day, never past `now`. */
export function toApiRange(range: DayRange, now: Date): ApiRange {
  const start = parseDay(range.from);
  const end = addDays(parseDay(range.to), 1);
  const until = end.getTime() > now.getTime() ? now : end;
  return { from: start.toISOString(), to: until.toISOString(), tz: timeZone() };
}

/** The period of the same length just before `range`, to compare against. */
export function previousApiRange(range: ApiRange): ApiRange {
  const from = new Date(range.from).getTime();
  const to = new Date(range.to).getTime();
  return { from: new Date(from - (to - from)).toISOString(), to: range.from, tz: range.tz };
}

/** Hourly points for up to two days, daily beyond. */
export function intervalFor(range: DayRange): 'hour' | 'day' {
  const days = (parseDay(range.to).getTime() - parseDay(range.from).getTime()) / 86_400_000 + 1;
  return days <= 2 ? 'hour' : 'day';
}
