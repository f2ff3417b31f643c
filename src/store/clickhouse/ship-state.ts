// The shipper's checkpoint and lease, kept in the embedded SQLite file beside the metadata (shared by every process on the data dir).
import { hostname } from 'node:os';
import type { ShipCheckpoint, ShipStatePort } from '../../ingest/event-shipper.js';
import type { SqliteDb } from '../sqlite/open-database.js';

const KEY = 'clickhouse.ship_checkpoint';
const LEASE = 'event-shipper';

/** Reads and writes the ship checkpoint and the shipping lease in the SQLite `settings` and `scheduler_lease` tables. */
export class ShipState implements ShipStatePort {
  readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly readStmt;
  private readonly writeStmt;
  private readonly acquireStmt;
  private readonly ownerStmt;
  private readonly stealStmt;
  private readonly releaseStmt;

  constructor(private readonly db: SqliteDb) {
    this.readStmt = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.writeStmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.acquireStmt = db.prepare(`INSERT INTO scheduler_lease (name, owner, expires_at) VALUES (:name, :owner, :expires)
      ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE scheduler_lease.owner = excluded.owner OR scheduler_lease.expires_at <= :now`);
    this.ownerStmt = db.prepare('SELECT owner FROM scheduler_lease WHERE name = ?').pluck();
    this.stealStmt = db.prepare('UPDATE scheduler_lease SET owner = ?, expires_at = ? WHERE name = ? AND owner = ?');
    this.releaseStmt = db.prepare('DELETE FROM scheduler_lease WHERE name = ? AND owner = ?');
  }

  /** The checkpoint; on first use in ClickHouse mode, where the SQLite loader stopped (events before it stay in SQLite). */
  readCheckpoint(): ShipCheckpoint {
    const raw = this.readStmt.get(KEY) as string | undefined;
    if (raw !== undefined) return JSON.parse(raw) as ShipCheckpoint;
    const loader = this.db.prepare('SELECT segment, offset FROM ingest_checkpoint WHERE id = 1').get() as { segment: number; offset: number } | undefined;
    return { segment: loader?.segment ?? 0, offset: loader?.offset ?? 0, shipped: 0, inflight: null };
  }

  /** Replaces the checkpoint (one small SQLite write, durable with the WAL). */
  writeCheckpoint(cp: ShipCheckpoint): void {
    this.writeStmt.run(KEY, JSON.stringify(cp));
  }

  /**
   * Takes or renews the shipping lease until `now + ttlMs` (ms). A lease left by a dead process of this host (kill -9) is
   * taken over at once instead of waiting for it to expire. False when a live process holds it.
   */
  acquireLease(now: number, ttlMs: number): boolean {
    if (this.acquireStmt.run({ name: LEASE, owner: this.owner, expires: now + ttlMs, now }).changes === 1) return true;
    const holder = this.ownerStmt.get(LEASE) as string | undefined;
    if (!holder || !isDeadLocalOwner(holder)) return false;
    return this.stealStmt.run(this.owner, now + ttlMs, LEASE, holder).changes === 1;
  }

  /** Gives the lease up so another process can ship at once. */
  releaseLease(): void {
    this.releaseStmt.run(LEASE, this.owner);
  }
}

function isDeadLocalOwner(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
