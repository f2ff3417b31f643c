// The only place a storage backend is chosen: embedded SQLite by default, ClickHouse for events when LANTERN_CLICKHOUSE_URL is set.
import { join } from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { ClickHouseEventStore } from './clickhouse/event-store.js';
import { parseClickHouseUrl, type ClickHouseOverrides } from './clickhouse/open-clickhouse.js';
import { SqliteEventStore } from './sqlite/event-store.js';
import { SqliteMetaStore } from './sqlite/meta-store.js';
import { openDatabase, type SqliteDb } from './sqlite/open-database.js';

export type MetaStore = SqliteMetaStore;
/** Events in the SQLite file (loaded from the log) or in ClickHouse (shipped from the log); both keep counters in SQLite (`db`). */
export type EventStore = SqliteEventStore | ClickHouseEventStore;

export interface Stores {
  meta: MetaStore;
  events: EventStore;
  /** Folder of the append-only event log. */
  logDir: string;
  close(): Promise<void>;
}

/**
 * Opens the stores named by the configuration. ClickHouse is reached lazily: Lantern starts while it is down, and the
 * event log holds events until it answers.
 * @throws ConfigError when PostgreSQL is configured (not in this version) or LANTERN_CLICKHOUSE_URL is malformed.
 */
export function createStores(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'clickhouseUrl'> & ClickHouseOverrides, file = join(config.dataDir, 'lantern.db')): Stores {
  if (config.databaseUrl) throw new ConfigError('LANTERN_DATABASE_URL', 'the PostgreSQL backend is not available in this version; unset it to use the embedded SQLite store');
  const clickhouse = config.clickhouseUrl ? parseClickHouseUrl(config.clickhouseUrl, config) : null;
  const db: SqliteDb = openDatabase(file);
  const events = clickhouse ? new ClickHouseEventStore(db, clickhouse) : new SqliteEventStore(db);
  return {
    meta: new SqliteMetaStore(db),
    events,
    logDir: join(config.dataDir, 'log'),
    async close() {
      if (events instanceof ClickHouseEventStore) await events.close();
      db.close();
    },
  };
}
