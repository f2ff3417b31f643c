// The root of the cascade a share token belongs to, found by walking parent tokens up the event store.
import type { EventReader } from '../store/types.js';

/** Where a token's cascade starts: its root token, the root's tracked link and the platform of that first visit. */
export interface TokenRoot { rootToken: string; linkId: string | null; platform: string }

interface VisitRow { token: string; parent: string | null; link_id: string | null; platform: string; ts: number }

/** The visit that owns a token: the earliest click, page view or join that minted it (as in buildCascades). */
const OWNER_OF_TOKEN = {
  sqlite: `SELECT token, parent, link_id, platform, ts FROM events
    WHERE workspace_id = :ws AND token = :token AND type IN ('click', 'pageview', 'join') ORDER BY ts LIMIT 1`,
  clickhouse: `SELECT token, parent, link_id, platform, ts FROM events
    WHERE workspace_id = {ws:String} AND token = {token:String} AND type IN ('click', 'pageview', 'join') ORDER BY ts LIMIT 1`,
};

/** Longest chain followed; deeper trees are cut here (the deepest visit reached counts as the root). */
export const MAX_WALK = 1000;

/**
 * Walks from a token's visit to its cascade root, one indexed lookup per generation (index `events_token`), instead of
 * building every tree of the period: a conversion needs one path, not the forest. Same rules as buildCascades: a token
 * belongs to its earliest visit, a visit whose parent nobody minted is a root (orphan), a self-parent is ignored, and
 * in a cycle the earliest visit (then smallest token) is the root. Null for a token no visit minted.
 */
export async function findCascadeRoot(events: EventReader, workspaceId: string, token: string): Promise<TokenRoot | null> {
  await events.catchUp();
  const ownerOf = async (t: string) => (await events.all<VisitRow>(OWNER_OF_TOKEN, { ws: workspaceId, token: t }))[0];
  const first = await ownerOf(token);
  if (!first) return null;
  const chain: VisitRow[] = [first];
  const seen = new Map([[first.token, 0]]);
  let current = first;
  while (chain.length < MAX_WALK && current.parent && current.parent !== current.token) {
    const loopAt = seen.get(current.parent);
    if (loopAt !== undefined) {
      current = earliest(chain.slice(loopAt));
      break;
    }
    const parent = await ownerOf(current.parent);
    if (!parent) break;
    seen.set(parent.token, chain.length);
    chain.push(parent);
    current = parent;
  }
  return { rootToken: current.token, linkId: current.link_id, platform: current.platform };
}

function earliest(rows: VisitRow[]): VisitRow {
  return rows.reduce((a, b) => (Number(b.ts) < Number(a.ts) || (Number(b.ts) === Number(a.ts) && b.token < a.token) ? b : a));
}
