// Carries the live feed between nodes sharing PostgreSQL: a dashboard connected to node B sees the clicks node A
// answered and the alerts of whichever node runs the scheduler. Only workspaces someone watches travel.
import type { MetaChanges } from '../store/meta-changes.js';
import type { LiveData, LiveFeed, LiveMessage } from './live-feed.js';

/** A node re-announces the workspaces it streams this often; others forget an announcement after WATCH_TTL_MS. */
const ANNOUNCE_MS = 20_000;
const WATCH_TTL_MS = 60_000;
const FLUSH_MS = 200;
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7_000;
/** Most messages queued between flushes; past it the live feed (best effort, never the stats) skips some. */
const MAX_QUEUE = 1_000;

interface Relayed { ws: string; type: LiveMessage['type']; data: LiveData }

export class LiveRelay {
  private readonly watchedElsewhere = new Map<string, number>();
  private queue: { ws: string; type: LiveMessage['type']; data: LiveData | (() => LiveData) }[] = [];
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly live: LiveFeed, private readonly bus: MetaChanges, private readonly now: () => number = Date.now) {
    bus.on('watch', (payload) => {
      if (payload === null) return;
      for (const id of JSON.parse(payload) as string[]) this.watchedElsewhere.set(id, this.now() + WATCH_TTL_MS);
    });
    bus.on('live', (payload) => {
      if (payload === null) return;
      for (const m of JSON.parse(payload) as Relayed[]) live.publish(m.ws, m.type, m.data, { relayed: true });
    });
    live.onLocal = (ws, type, data) => this.enqueue(ws, type, data);
    live.onWatch = (ws) => void this.announce([ws]);
    this.timers.push(setInterval(() => void this.flush(), FLUSH_MS), setInterval(() => void this.announce(live.watched()), ANNOUNCE_MS));
    for (const t of this.timers) t.unref();
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
  }

  private enqueue(ws: string, type: LiveMessage['type'], data: LiveData | (() => LiveData)): void {
    if ((this.watchedElsewhere.get(ws) ?? 0) < this.now() || this.queue.length >= MAX_QUEUE) return;
    this.queue.push({ ws, type, data });
  }

  private async announce(ws: string[]): Promise<void> {
    if (ws.length > 0) await this.bus.broadcast('watch', JSON.stringify(ws)).catch(() => undefined);
  }

  /** Sends what was queued, in as few notifications as fit. */
  private async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    const queued = this.queue;
    this.queue = [];
    let batch: string[] = [];
    let size = 0;
    const send = async () => {
      if (batch.length > 0) await this.bus.broadcast('live', `[${batch.join(',')}]`).catch(() => undefined);
      batch = [];
      size = 0;
    };
    for (const m of queued) {
      const item = JSON.stringify({ ws: m.ws, type: m.type, data: typeof m.data === 'function' ? m.data() : m.data });
      if (item.length > MAX_PAYLOAD - 40) continue;
      if (size + item.length > MAX_PAYLOAD - 40) await send();
      batch.push(item);
      size += item.length + 1;
    }
    await send();
  }
}
