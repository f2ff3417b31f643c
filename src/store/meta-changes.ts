// Tells every node that metadata changed, so caches (links by slug, sites by id) drop the entry within a second, and
// carries the live feed between nodes. With PostgreSQL: NOTIFY on one channel, every node LISTENs on a dedicated
// connection. Alone on SQLite: in process.
import pg from 'pg';
import { randomBase62 } from '../ids.js';

export type MetaChangeKind = 'link' | 'site' | 'live' | 'watch';
/**
 * `key` is the cache key that changed (a slug, a site id), or a live-feed message; `null` means "anything may have
 * changed": drop everything.
 */
export type MetaChangeListener = (key: string | null) => void;

const CHANNEL = 'lantern_meta';
const RECONNECT_MS = [250, 1_000, 5_000];

export class MetaChanges {
  private readonly listeners = new Map<MetaChangeKind, Set<MetaChangeListener>>();
  /** Names this process in its notifications: its own come back through LISTEN and are not heard twice. */
  private readonly node = randomBase62(10);
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;

  /** `pool` is null on a single SQLite node: changes only reach this process. */
  constructor(private readonly pool: pg.Pool | null, private readonly connectionString?: string) {}

  /** Starts listening on PostgreSQL; resolves once the first LISTEN is in place. */
  static async listen(pool: pg.Pool): Promise<MetaChanges> {
    const changes = new MetaChanges(pool, (pool.options as { connectionString?: string }).connectionString);
    await changes.connect();
    return changes;
  }

  on(kind: MetaChangeKind, listener: MetaChangeListener): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Announces a change: this node's listeners hear it at once, other nodes through PostgreSQL. */
  async publish(kind: MetaChangeKind, key: string): Promise<void> {
    this.emit(kind, key);
    await this.broadcast(kind, key);
  }

  /** True when other nodes can hear this one (PostgreSQL). */
  get shared(): boolean {
    return this.pool !== null;
  }

  /** Tells other nodes only (this process never hears its own notifications back). */
  async broadcast(kind: MetaChangeKind, key: string): Promise<void> {
    if (this.pool) await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify([kind, key, this.node])]);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private emit(kind: MetaChangeKind, key: string | null): void {
    for (const listener of this.listeners.get(kind) ?? []) listener(key);
  }

  private emitAll(): void {
    for (const kind of this.listeners.keys()) this.emit(kind, null);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      try {
        const [kind, key, node] = JSON.parse(message.payload ?? '') as [MetaChangeKind, string, string];
        if (node !== this.node) this.emit(kind, key);
      } catch {
        this.emitAll();
      }
    });
    // A lost connection means notifications may be missed: reconnect, then forget every cached entry. Not before:
    // while PostgreSQL is away, the cached links are what keeps redirects working.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    this.failures = 0;
  }

  private lost(client: pg.Client): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)]!;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().then(() => this.emitAll(), () => { if (!this.closed) this.scheduleReconnect(); });
    }, delay);
    this.reconnectTimer.unref();
  }
}
