// Numbers, money, percentages, times and durations written for people, in the browser's locale.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Math.abs(value) >= 100_000 ? compact.format(value) : integer.format(value);
}

/** Revenue: cents only below 1,000, compact from 100,000 ("142K"); with a currency sign when one is known. */
export function formatMoney(value: number | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const size = Math.abs(value);
  const options: Intl.NumberFormatOptions =
    size >= 100_000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: size >= 1000 ? 0 : 2 };
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { ...options, style: 'currency', currency }).format(value);
    } catch {
      // An unknown currency code falls through to a plain number.
    }
  }
  return new Intl.NumberFormat(undefined, options).format(value);
}

/** A 0..1 fraction as a percentage: 0.423 → "42%". */
export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—';
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** A ratio such as a K-factor: 1.234 → "1.23". */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value);
}

export interface Change {
  /** Relative change, e.g. 0.12 for +12 %; null when there is nothing to compare with. */
  ratio: number | null;
  text: string;
  direction: 'up' | 'down' | 'flat' | 'new';
}

/** The change from `previous` to `current`, in words. */
export function describeChange(current: number, previous: number | undefined): Change {
  if (previous === undefined) return { ratio: null, text: '', direction: 'flat' };
  if (previous === 0) {
    return current === 0 ? { ratio: 0, text: 'no change', direction: 'flat' } : { ratio: null, text: 'new', direction: 'new' };
  }
  const ratio = (current - previous) / Math.abs(previous);
  if (Math.abs(ratio) < 0.005) return { ratio: 0, text: 'no change', direction: 'flat' };
  const sign = ratio > 0 ? '+' : '−';
  return { ratio, text: `${sign}${formatPercent(Math.abs(ratio))}`, direction: ratio > 0 ? 'up' : 'down' };
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

const shortDateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Time of day for today's moments, else a short date and time. */
export function formatMoment(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? timeOnly.format(date) : shortDateTime.format(date);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeOnly.format(date);
}

/** A duration in milliseconds as "4 min", "2 h 5 min", "3 days". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** The host of a URL without `www.`, or the input when it is not a URL. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
