// SqlClient over better-sqlite3: statements run synchronously on the one connection and resolve at once.
import type { Statement } from 'better-sqlite3';
import type { Row, SqlClient } from '../sql/sql-client.js';
import type { SqliteDb } from './open-database.js';

/**
 * A transaction holds the connection across `await`s, so statements issued meanwhile by other callers wait for it
 * instead of landing inside it (and being rolled back with it).
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();
  private busy: Promise<void> | null = null;

  constructor(readonly db: SqliteDb) {}

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    while (this.busy) await this.busy;
    return this.prepared(sql).all(...params) as T[];
  }

  async get<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    while (this.busy) await this.busy;
    return this.prepared(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    while (this.busy) await this.busy;
    return this.runNow(sql, params);
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    while (this.busy) await this.busy;
    let release!: () => void;
    this.busy = new Promise((resolve) => { release = resolve; });
    const tx = this.inside();
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const out = await fn(tx);
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.busy = null;
      release();
    }
  }

  private prepared(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      // Statements with IN lists vary in text; a bound keeps the cache from growing with them.
      if (this.statements.size >= 500) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private runNow(sql: string, params: readonly unknown[]): number {
    const stmt = this.prepared(sql);
    if (stmt.reader) return stmt.all(...params).length;
    return stmt.run(...params).changes;
  }

  /** The client a transaction's callback uses: straight to the connection, no waiting on itself. */
  private inside(): SqlClient {
    const self = this;
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: readonly unknown[] = []) => self.prepared(sql).all(...params) as T[],
      get: async <T>(sql: string, params: readonly unknown[] = []) => self.prepared(sql).get(...params) as T | undefined,
      run: async (sql: string, params: readonly unknown[] = []) => self.runNow(sql, params),
      transaction: (fn) => fn(self.inside()),
    };
  }
}
