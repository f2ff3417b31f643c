// Per-minute shares and visits of a workspace from the events table (one GROUP BY per read), keyed by watched series.
import type { EventReader } from '../store/types.js';
import type { RuleScope } from './alert-types.js';

export const MINUTE_MS = 60_000;

/** One group of the minute query: events of one minute, link, site, community and platform. */
export interface MinuteRow {
  minute: number; linkId: string | null; siteId: string | null; communityId: string | null; platform: string; shares: number; visits: number;
}

/** What one minute holds, ready for the detectors. */
export interface MinuteCounts {
  /** Count per series key ({@link seriesKey}); absent = 0. */
  series: Map<string, number>;
  /** Shares per platform of each link or site (`link:<id>`, `site:<id>`). */
  platformShares: Map<string, Record<string, number>>;
  /** The community of each link or site seen this minute. */
  communityOf: Map<string, string>;
}

/** The key of one watched series, e.g. `link:lnk_1:shares` or `workspace::visits`. */
export function seriesKey(scope: RuleScope, target: string | null, metric: 'shares' | 'visits'): string {
  return `${scope}:${target ?? ''}:${metric}`;
}

/** The parts of a {@link seriesKey}. */
export function parseSeriesKey(key: string): { scope: RuleScope; target: string | null; metric: 'shares' | 'visits' } {
  const [scope, target, metric] = key.split(':');
  return { scope: scope as RuleScope, target: target || null, metric: metric as 'shares' | 'visits' };
}

const MINUTE_QUERY = {
  sqlite: `SELECT ts / 60000 AS minute, link_id AS linkId, site_id AS siteId, community_id AS communityId, platform,
      sum(type IN ('preview', 'share')) AS shares, sum(type IN ('click', 'pageview')) AS visits
    FROM events WHERE workspace_id = :ws AND ts >= :from AND ts < :to AND type IN ('preview', 'share', 'click', 'pageview')
    GROUP BY minute, link_id, site_id, community_id, platform ORDER BY minute`,
  clickhouse: `SELECT intDiv(ts, 60000) AS minute, link_id AS linkId, site_id AS siteId, community_id AS communityId, platform,
      countIf(type IN ('preview', 'share')) AS shares, countIf(type IN ('click', 'pageview')) AS visits
    FROM events WHERE workspace_id = {ws:String} AND ts >= {from:Int64} AND ts < {to:Int64} AND type IN ('preview', 'share', 'click', 'pageview')
    GROUP BY minute, linkId, siteId, communityId, platform ORDER BY minute`,
};

const KNOWN_PLATFORMS_QUERY = {
  sqlite: `SELECT DISTINCT link_id AS linkId, site_id AS siteId, platform FROM events
    WHERE workspace_id = :ws AND ts < :to AND type IN ('preview', 'share')`,
  clickhouse: `SELECT DISTINCT link_id AS linkId, site_id AS siteId, platform FROM events
    WHERE workspace_id = {ws:String} AND ts < {to:Int64} AND type IN ('preview', 'share')`,
};

const COUNT_QUERY = {
  sqlite: 'SELECT count(*) AS n FROM events WHERE workspace_id = :ws AND ts >= :from AND ts < :to',
  clickhouse: 'SELECT count() AS n FROM events WHERE workspace_id = {ws:String} AND ts >= {from:Int64} AND ts < {to:Int64}',
};

/** Events of every type stored in [from, to) (ms): an index-only count, to size a replay before running it. */
export async function countStoredEvents(events: EventReader, workspaceId: string, from: number, to: number): Promise<number> {
  const [row] = await events.all<{ n: number }>(COUNT_QUERY, { ws: workspaceId, from, to });
  return Number(row?.n ?? 0);
}

/** Shares and visits per minute in [from, to) (ms, minute-aligned), oldest first; `minute` is the minute's start in ms. */
export async function readMinuteRows(events: EventReader, workspaceId: string, from: number, to: number): Promise<MinuteRow[]> {
  const rows = await events.all<MinuteRow>(MINUTE_QUERY, { ws: workspaceId, from, to });
  return rows.map((r) => ({ ...r, minute: Number(r.minute) * MINUTE_MS, shares: Number(r.shares), visits: Number(r.visits) }));
}

/** Every platform each link and site has been shared into before `to` (ms): owner key → platforms. */
export async function readKnownPlatforms(events: EventReader, workspaceId: string, to: number): Promise<Map<string, Set<string>>> {
  const rows = await events.all<{ linkId: string | null; siteId: string | null; platform: string }>(KNOWN_PLATFORMS_QUERY, { ws: workspaceId, to });
  const known = new Map<string, Set<string>>();
  for (const r of rows) {
    for (const owner of ownersOf(r)) {
      let set = known.get(owner);
      if (!set) known.set(owner, (set = new Set()));
      set.add(r.platform);
    }
  }
  return known;
}

function ownersOf(r: { linkId: string | null; siteId: string | null }): string[] {
  const out: string[] = [];
  if (r.linkId) out.push(`link:${r.linkId}`);
  if (r.siteId) out.push(`site:${r.siteId}`);
  return out;
}

/** What {@link aggregateMinute} computes: the series of these scopes, and shares per platform of links and sites. */
export interface AggregateNeeds { scopes: ReadonlySet<RuleScope>; platforms: boolean }
const EVERYTHING: AggregateNeeds = { scopes: new Set(['workspace', 'link', 'site', 'community', 'platform']), platforms: true };

/** Adds up one minute's rows into every series they belong to (workspace, link, site, community, platform), or those `needs` names. */
export function aggregateMinute(rows: readonly MinuteRow[], needs: AggregateNeeds = EVERYTHING): MinuteCounts {
  const series = new Map<string, number>();
  const platformShares = new Map<string, Record<string, number>>();
  const communityOf = new Map<string, string>();
  const add = (key: string, n: number) => series.set(key, (series.get(key) ?? 0) + n);
  const { scopes } = needs;
  for (const r of rows) {
    for (const metric of ['shares', 'visits'] as const) {
      const n = r[metric];
      if (n <= 0) continue;
      if (scopes.has('workspace')) add(seriesKey('workspace', null, metric), n);
      if (scopes.has('platform')) add(seriesKey('platform', r.platform, metric), n);
      if (r.linkId && scopes.has('link')) add(seriesKey('link', r.linkId, metric), n);
      if (r.siteId && scopes.has('site')) add(seriesKey('site', r.siteId, metric), n);
      if (r.communityId && scopes.has('community')) add(seriesKey('community', r.communityId, metric), n);
    }
    if (!needs.platforms) continue;
    for (const owner of ownersOf(r)) {
      if (r.communityId) communityOf.set(owner, r.communityId);
      if (r.shares <= 0) continue;
      const byPlatform = platformShares.get(owner) ?? {};
      byPlatform[r.platform] = (byPlatform[r.platform] ?? 0) + r.shares;
      platformShares.set(owner, byPlatform);
    }
  }
  return { series, platformShares, communityOf };
}

/** Splits rows ordered by minute into one group per minute. */
export function groupByMinute(rows: readonly MinuteRow[]): Map<number, MinuteRow[]> {
  const out = new Map<number, MinuteRow[]>();
  for (const r of rows) {
    const list = out.get(r.minute);
    if (list) list.push(r);
    else out.set(r.minute, [r]);
  }
  return out;
}
