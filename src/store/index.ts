// The only place a storage backend is chosen: embedded SQLite by default; PostgreSQL for metadata when
// LANTERN_DATABASE_URL is set; ClickHouse for events when LANTERN_CLICKHOUSE_URL is set.
import { join } from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../config.js';
import { ClickHouseEventStore } from './clickhouse/event-store.js';
import { parseClickHouseUrl, type ClickHouseOverrides } from './clickhouse/open-clickhouse.js';
import { MetaChanges } from './meta-changes.js';
import { openPostgres } from './postgres/open-postgres.js';
import { SqlMetaStore } from './sql/meta-store.js';
import { SqliteEventStore } from './sqlite/event-store.js';
import { openDatabase, type SqliteDb } from './sqlite/open-database.js';
import { SqliteClient } from './sqlite/sqlite-client.js';

export type MetaStore = SqlMetaStore;
/** Events in the SQLite file (loaded from the log) or in ClickHouse (shipped from the log); both keep counters in SQLite (`db`). */
export type EventStore = SqliteEventStore | ClickHouseEventStore;

export interface Stores {
  meta: MetaStore;
  events: EventStore;
  /** Changes to metadata that other nodes made (PostgreSQL LISTEN/NOTIFY); a single SQLite node only hears its own. */
  changes: MetaChanges;
  /** True when several nodes may share the metadata (PostgreSQL): per-node state must live there, not in memory. */
  shared: boolean;
  /** Folder of the append-only event log. */
  logDir: string;
  close(): Promise<void>;
}

/**
 * Opens the stores named by the configuration. The node's own SQLite file always exists: it holds the event log's
 * checkpoints, the dropped-event counters and, without PostgreSQL, all metadata (and, without ClickHouse, the events).
 * ClickHouse is reached lazily: Lantern starts while it is down, and the event log holds events until it answers.
 * PostgreSQL must answer at start (its migrations run then).
 * @throws ConfigError when a URL is malformed or PostgreSQL cannot be reached.
 */
export async function createStores(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'clickhouseUrl'> & ClickHouseOverrides,
  file = join(config.dataDir, 'lantern.db'),
): Promise<Stores> {
  const clickhouse = config.clickhouseUrl ? parseClickHouseUrl(config.clickhouseUrl, config) : null;
  const postgres = config.databaseUrl ? await connectPostgres(config.databaseUrl) : null;
  const db: SqliteDb = openDatabase(file);
  const events = clickhouse ? new ClickHouseEventStore(db, clickhouse) : new SqliteEventStore(db);
  const changes = postgres ? await MetaChanges.listen(postgres.pool) : new MetaChanges(null);
  return {
    meta: new SqlMetaStore(postgres ? postgres.sql : new SqliteClient(db), changes),
    events,
    changes,
    shared: postgres !== null,
    logDir: join(config.dataDir, 'log'),
    async close() {
      if (events instanceof ClickHouseEventStore) await events.close();
      await changes.close();
      await postgres?.pool.end();
      db.close();
    },
  };
}

async function connectPostgres(url: string) {
  try {
    return await openPostgres(url);
  } catch (err) {
    const { hostname, port, pathname } = new URL(url);
    throw new ConfigError('LANTERN_DATABASE_URL', `cannot open PostgreSQL at ${hostname}:${port || 5432}${pathname}: ${(err as Error).message}`);
  }
}
