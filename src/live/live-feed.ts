// The live feed: recent events and alerts per workspace, numbered for Last-Event-ID resume, pushed to subscribers.
import type { StoredEvent } from '../store/types.js';

export interface LiveMessage { id: number; type: 'event' | 'alert'; data: Record<string, unknown> }
export type LiveSubscriber = (message: LiveMessage) => void;

const KEEP = 500;

/** What the feed shows of an event: no visitor hash, no tokens. */
export function liveEventView(e: StoredEvent): Record<string, unknown> {
  return {
    kind: e.type, ts: new Date(e.ts).toISOString(), platform: e.platform, channel: e.channel, link: e.linkId, site: e.siteId,
    community: e.communityId, country: e.country, device: e.device, path: e.path, referrer: e.referrerHost, value: e.value, currency: e.currency,
  };
}

/** Keeps the last 500 messages of each workspace in memory (this node's; a restart starts the numbering again). */
export class LiveFeed {
  private seq = 0;
  private readonly recent = new Map<string, LiveMessage[]>();
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();

  publish(workspaceId: string, type: LiveMessage['type'], data: Record<string, unknown>): LiveMessage {
    const message = { id: ++this.seq, type, data };
    const list = this.recent.get(workspaceId) ?? [];
    list.push(message);
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
    this.recent.set(workspaceId, list);
    for (const s of this.subscribers.get(workspaceId) ?? []) s(message);
    return message;
  }

  /** Messages after `lastId` still in memory, oldest first. */
  since(workspaceId: string, lastId: number): LiveMessage[] {
    return (this.recent.get(workspaceId) ?? []).filter((m) => m.id > lastId);
  }

  subscribe(workspaceId: string, subscriber: LiveSubscriber): () => void {
    let set = this.subscribers.get(workspaceId);
    if (!set) this.subscribers.set(workspaceId, (set = new Set()));
    set.add(subscriber);
    return () => set!.delete(subscriber);
  }
}
