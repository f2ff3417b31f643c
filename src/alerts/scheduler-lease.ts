// A lease row in SQLite so that one node of several sharing a database runs the alert scheduler.
import type { SqliteDb } from '../store/sqlite/open-database.js';

/** Holds (or not) the named lease; renew it on every run, well within its time to live. */
export class SchedulerLease {
  private readonly acquireStmt;
  private readonly releaseStmt;

  constructor(db: SqliteDb, readonly name: string, readonly owner: string) {
    this.acquireStmt = db.prepare(`INSERT INTO scheduler_lease (name, owner, expires_at) VALUES (:name, :owner, :expires)
      ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE scheduler_lease.owner = excluded.owner OR scheduler_lease.expires_at <= :now`);
    this.releaseStmt = db.prepare('DELETE FROM scheduler_lease WHERE name = ? AND owner = ?');
  }

  /** Takes or renews the lease until `now + ttlMs` (ms); false when another owner holds an unexpired one. */
  acquire(now: number, ttlMs: number): boolean {
    return this.acquireStmt.run({ name: this.name, owner: this.owner, expires: now + ttlMs, now }).changes === 1;
  }

  /** Gives the lease up (on shutdown), so another node can take over at once. */
  release(): void {
    this.releaseStmt.run(this.name, this.owner);
  }
}
