// The live feed: recent events and alerts per workspace, numbered for Last-Event-ID resume, pushed to subscribers.
import type { StoredEvent } from '../store/types.js';

export type LiveData = Record<string, unknown>;
export interface LiveMessage { id: number; type: 'event' | 'alert'; data: LiveData }
/** A message as kept: `data` may be a thunk built on first read, since most events are never sent to anyone. */
interface KeptMessage { id: number; type: LiveMessage['type']; data: LiveData | (() => LiveData) }

function resolve(m: KeptMessage): LiveMessage {
  if (typeof m.data === 'function') m.data = m.data();
  return m as LiveMessage;
}
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
  private readonly recent = new Map<string, KeptMessage[]>();
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  /** Hears this node's own messages (to pass them to other nodes); set by the relay when nodes share PostgreSQL. */
  onLocal: ((workspaceId: string, type: LiveMessage['type'], data: LiveData | (() => LiveData)) => void) | null = null;
  /** Hears that a workspace gained a subscriber here. */
  onWatch: ((workspaceId: string) => void) | null = null;

  /**
   * Keeps and pushes a message; `data` may be a function, called only if someone reads it. `relayed`: it comes from
   * another node (and is not passed on again).
   */
  publish(workspaceId: string, type: LiveMessage['type'], data: LiveData | (() => LiveData), options: { relayed?: boolean } = {}): void {
    if (!options.relayed) this.onLocal?.(workspaceId, type, data);
    const message: KeptMessage = { id: ++this.seq, type, data };
    const list = this.recent.get(workspaceId) ?? [];
    list.push(message);
    // Trim in batches: one splice per KEEP messages instead of one per message.
    if (list.length >= 2 * KEEP) list.splice(0, list.length - KEEP);
    this.recent.set(workspaceId, list);
    const subscribers = this.subscribers.get(workspaceId);
    if (subscribers) for (const s of subscribers) s(resolve(message));
  }

  /** Messages after `lastId` still in memory, oldest first. */
  since(workspaceId: string, lastId: number): LiveMessage[] {
    return (this.recent.get(workspaceId) ?? []).filter((m) => m.id > lastId).slice(-KEEP).map(resolve);
  }

  subscribe(workspaceId: string, subscriber: LiveSubscriber): () => void {
    let set = this.subscribers.get(workspaceId);
    if (!set) this.subscribers.set(workspaceId, (set = new Set()));
    set.add(subscriber);
    this.onWatch?.(workspaceId);
    return () => set!.delete(subscriber);
  }

  /** Workspaces with a subscriber on this node. */
  watched(): string[] {
    return [...this.subscribers].filter(([, set]) => set.size > 0).map(([ws]) => ws);
  }
}
