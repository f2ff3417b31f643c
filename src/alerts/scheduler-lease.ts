// A lease row in the metadata database so that one node of several sharing it runs the alert scheduler.
import type { SqlClient } from '../store/sql/sql-client.js';

// One statement, so taking the lease is atomic on both engines: PostgreSQL locks the conflicting row and evaluates the
// WHERE on its latest version, so of two nodes racing for an expired lease exactly one changes the row. When the
// WHERE is false nothing changes and the statement reports 0 rows.
const ACQUIRE = `INSERT INTO scheduler_lease (name, owner, expires_at) VALUES (?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
  WHERE scheduler_lease.owner = excluded.owner OR scheduler_lease.expires_at <= ?`;

/** Holds (or not) the named lease; renew it on every run, well within its time to live. */
export class SchedulerLease {
  constructor(private readonly sql: SqlClient, readonly name: string, readonly owner: string) {}

  /** Takes or renews the lease until `now + ttlMs` (ms); resolves to false when another owner holds an unexpired one. */
  async acquire(now: number, ttlMs: number): Promise<boolean> {
    return (await this.sql.run(ACQUIRE, [this.name, this.owner, now + ttlMs, now])) === 1;
  }

  /** Gives the lease up (on shutdown), so another node can take over at once. */
  async release(): Promise<void> {
    await this.sql.run('DELETE FROM scheduler_lease WHERE name = ? AND owner = ?', [this.name, this.owner]);
  }
}
