// Date range and filters live in the URL query, so views are shareable and the back button works.
import { STATS_FILTER_KEYS, type StatsFilterKey } from '../api/types';
import { navigate } from '../router/history';

export type Filters = Partial<Record<StatsFilterKey, string>>;

/** The stats filters named in the URL (`platform`, `channel`, `link`, …). */
export function readFilters(search: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of STATS_FILTER_KEYS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The current URL with some query values changed; null or '' removes a value. */
export function urlWithQuery(changes: Record<string, string | null>): string {
  const params = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  const search = params.toString();
  return `${window.location.pathname}${search ? `?${search}` : ''}`;
}

/** Changes query values as a new history entry. */
export function updateQuery(changes: Record<string, string | null>): void {
  navigate(urlWithQuery(changes));
}

/** The range and filters of the current URL, to carry across pages: `?from=…&to=…&platform=…`. */
export function carriedQuery(search: URLSearchParams, keep: readonly string[] = ['from', 'to', 'platform', 'channel']): string {
  const params = new URLSearchParams();
  for (const name of keep) {
    const value = search.get(name);
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
