// Migration 4: an hourly rollup of the events table, so stats questions read thousands of rows instead of millions.
// event_hours holds every measure but distinct visitors per (hour, platform, channel): what the dashboard's overview
// asks (summary, time series, platform and channel breakdowns) without filters on links or communities. Measured on
// the bench's data, a finer rollup (link, site, community, ambassador, campaign, country) got about one row per event
// and halved the loader, so those questions read raw events. Distinct visitors cannot be summed across hours or
// dimensions, and an exact count needs the (hour, visitor) pairs, about as many as the visits (a visitor hash lives
// one UTC day): they are counted on raw events. Existing events are rolled up here, in the migration's transaction.
// These constants are migration 4: changing them needs a new migration.

/** Count rollups, smallest first: table and the event columns it keeps (a question reads the first that holds its
 * filters and grouping). */
export const COUNT_ROLLUPS = [
  { table: 'event_hours', dimensions: ['platform', 'channel'] },
] as const;

/** Measure columns of a count rollup and how each is computed from raw events (the stats MEASURES, per event). */
export const ROLLUP_MEASURES = {
  events: '1',
  visits: `CASE WHEN type IN ('click', 'pageview') THEN 1 ELSE 0 END`,
  shares: `CASE WHEN type IN ('preview', 'share') THEN 1 ELSE 0 END`,
  joins: `CASE WHEN type = 'join' THEN 1 ELSE 0 END`,
  conversions: `CASE WHEN type = 'conversion' AND coalesce(value, 0) >= 0 THEN 1 ELSE 0 END`,
  revenue: `CASE WHEN type = 'conversion' THEN coalesce(value, 0) ELSE 0 END`,
  dark_visits: `CASE WHEN type IN ('click', 'pageview') AND channel = 'dark_social' THEN 1 ELSE 0 END`,
  bots: `CASE WHEN type = 'bot' THEN 1 ELSE 0 END`,
} as const;

const HOUR = 'ts / 3600000 * 3600000';
const measureColumns = Object.keys(ROLLUP_MEASURES).map((m) => `${m} ${m === 'revenue' ? 'REAL' : 'INTEGER'} NOT NULL`).join(', ');
const measureSums = Object.values(ROLLUP_MEASURES).map((sql) => `sum(${sql})`).join(', ');
const nullable = (d: string) => (d === 'platform' || d === 'channel' ? `${d} TEXT NOT NULL` : `${d} TEXT`);

const countRollup = ({ table, dimensions }: (typeof COUNT_ROLLUPS)[number]) => `
  CREATE TABLE ${table} (workspace_id TEXT NOT NULL, hour INTEGER NOT NULL, ${dimensions.map(nullable).join(', ')}, ${measureColumns});
  CREATE INDEX ${table}_cell ON ${table}(workspace_id, hour, ${dimensions.join(', ')});
  INSERT INTO ${table} (workspace_id, hour, ${dimensions.join(', ')}, ${Object.keys(ROLLUP_MEASURES).join(', ')})
    SELECT workspace_id, ${HOUR}, ${dimensions.join(', ')}, ${measureSums} FROM events GROUP BY workspace_id, ${HOUR}, ${dimensions.join(', ')};`;

export const MIGRATION_0004_EVENT_ROLLUPS = COUNT_ROLLUPS.map(countRollup).join('\n');
