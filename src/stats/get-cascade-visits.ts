// The rows share cascades are built from: visits and shares that carry tokens, for one workspace and range.
import type { CascadeVisit } from '../cascades/index.js';
import type { EventReader } from '../store/types.js';
import type { StatsQuery } from './stats-query.js';

/** Most rows read for one cascade question; past it the oldest are left out and `truncated` says so. */
export const MAX_CASCADE_ROWS = 500_000;

/** Visits (click, pageview, join) and shares (preview, share) with a token, oldest first. Filters are not applied here:
 * a tree that starts on a link continues on the site, so callers pick trees by their root. */
export async function getCascadeVisits(events: EventReader, q: StatsQuery): Promise<{ visits: CascadeVisit[]; truncated: boolean }> {
  await events.catchUp();
  const rows = await events.all<{ token: string; parent: string | null; ts: number; type: CascadeVisit['type']; platform: string; visitor: string | null; country: string | null; link_id: string | null; site_id: string | null; path: string | null }>({
    sqlite: `SELECT token, parent, ts, type, platform, visitor, country, link_id, site_id, path FROM events
      WHERE workspace_id = :ws AND ts >= :from AND ts < :to AND token IS NOT NULL AND type IN ('click', 'pageview', 'join', 'preview', 'share')
      ORDER BY ts DESC LIMIT :limit`,
    clickhouse: `SELECT token, parent, ts, type, platform, visitor, country, link_id, site_id, path FROM events
      WHERE workspace_id = {ws:String} AND ts >= {from:Int64} AND ts < {to:Int64} AND token != '' AND type IN ('click', 'pageview', 'join', 'preview', 'share')
      ORDER BY ts DESC LIMIT {limit:UInt32}`,
  }, { ws: q.workspaceId, from: q.from, to: q.to, limit: MAX_CASCADE_ROWS + 1 });
  const truncated = rows.length > MAX_CASCADE_ROWS;
  const visits = rows.slice(0, MAX_CASCADE_ROWS).reverse().map((r) => ({
    token: r.token, parent: r.parent, ts: Number(r.ts), type: r.type, platform: r.platform, visitor: r.visitor, country: r.country,
    linkId: r.link_id, siteId: r.site_id, path: r.path,
  }));
  return { visits, truncated };
}
