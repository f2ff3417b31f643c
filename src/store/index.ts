// The only place a storage backend is chosen: embedded SQLite by default.
import { join } from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { SqliteEventStore } from './sqlite/event-store.js';
import { SqliteMetaStore } from './sqlite/meta-store.js';
import { openDatabase, type SqliteDb } from './sqlite/open-database.js';

export type MetaStore = SqliteMetaStore;
export type EventStore = SqliteEventStore;

export interface Stores {
  meta: MetaStore;
  events: EventStore;
  /** Folder of the append-only event log. */
  logDir: string;
  close(): Promise<void>;
}

/**
 * Opens the stores named by the configuration.
 * @throws ConfigError when a scale-out backend is configured that this build does not provide yet.
 */
export function createStores(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'clickhouseUrl'>, file = join(config.dataDir, 'lantern.db')): Stores {
  if (config.databaseUrl) throw new ConfigError('LANTERN_DATABASE_URL', 'the PostgreSQL backend is not available in this version; unset it to use the embedded SQLite store');
  if (config.clickhouseUrl) throw new ConfigError('LANTERN_CLICKHOUSE_URL', 'the ClickHouse backend is not available in this version; unset it to use the embedded SQLite store');
  const db: SqliteDb = openDatabase(file);
  return {
    meta: new SqliteMetaStore(db),
    events: new SqliteEventStore(db),
    logDir: join(config.dataDir, 'log'),
    async close() {
      db.close();
    },
  };
}
