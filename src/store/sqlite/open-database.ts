// Opens the embedded SQLite file (WAL, synchronous=NORMAL) and applies pending migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js';

export type SqliteDb = Database.Database;

/** Opens (creating if needed) the database at `file` and migrates it; `:memory:` works for tests. */
export function openDatabase(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // No checkpoint inside a commit: with synchronous=NORMAL it fsyncs and stalls the loop for tens of ms. The ingest
  // service checkpoints when the loop is quiet or the WAL passes 256 MB; closing the last connection checkpoints too.
  if (file !== ':memory:') db.pragma('wal_autocheckpoint = 0');
  migrate(db);
  return db;
}

/** Applies the migrations past PRAGMA user_version, each in its own transaction. Returns how many ran. */
export function migrate(db: SqliteDb): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (let version = current; version < SQLITE_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
    applied++;
  }
  return applied;
}
