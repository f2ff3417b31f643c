// The stats query of the current URL: day range, API range, the period before it, filters and interval.
import { useMemo } from 'react';
import type { Interval, StatsQuery } from '../api/types';
import { intervalFor, previousApiRange, readDayRange, toApiRange, type ApiRange, type DayRange } from '../lib/date-range';
import { readFilters, type Filters } from '../lib/url-query';
import { useLocation } from '../router/history';

export interface StatsScope {
  days: DayRange;
  range: ApiRange;
  previous: ApiRange;
  filters: Filters;
  interval: Interval;
  /** Range + filters, ready for the stats endpoints. */
  query: StatsQuery;
  /** The same, for the period before. */
  previousQuery: StatsQuery;
  /** A string that changes whenever the query does: a useResource key. */
  key: string;
}

/** Reads the URL's range and filters; `extra` filters (e.g. `{link: id}`) override the URL's. */
export function useStatsQuery(extra: Filters = {}): StatsScope {
  const { searchString } = useLocation();
  const extraKey = JSON.stringify(extra);
  return useMemo(() => {
    const search = new URLSearchParams(searchString);
    const now = new Date();
    const days = readDayRange(search, now);
    const range = toApiRange(days, now);
    const previous = previousApiRange(range);
    const filters: Filters = { ...readFilters(search), ...(JSON.parse(extraKey) as Filters) };
    const query: StatsQuery = { ...range, ...filters };
    const previousQuery: StatsQuery = { ...previous, ...filters };
    return { days, range, previous, filters, interval: intervalFor(days), query, previousQuery, key: JSON.stringify(query) };
  }, [searchString, extraKey]);
}
