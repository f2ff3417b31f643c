// Connects to ClickHouse from LANTERN_CLICKHOUSE_URL and creates the database and the events table when missing.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { Readable } from 'node:stream';
import { ConfigError } from '../../config.js';
import { bindParams, pickParams } from './bind-params.js';

const VARIABLE = 'LANTERN_CLICKHOUSE_URL';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** MergeTree-family engines only (the CREATE adds PARTITION BY and ORDER BY); arguments may name ZooKeeper paths and macros. */
const ENGINE = /^(Replicated)?(Replacing)?MergeTree(\([A-Za-z0-9_'{}/\-., ]*\))?$/;

/** Where and how events are kept in ClickHouse. */
export interface ClickHouseSettings {
  /** Server origin, without credentials or path. */
  origin: string;
  username: string;
  password: string;
  database: string;
  table: string;
  /** Engine clause used when the table is created. */
  engine: string;
  /** Largest unshipped backlog kept in the spool before new events are refused, in bytes. */
  spoolMaxBytes: number;
}

/** Optional overrides (e.g. future LANTERN_CLICKHOUSE_TABLE / _ENGINE / LANTERN_SPOOL_MAX_BYTES fields of the config). */
export interface ClickHouseOverrides { clickhouseTable?: string | null; clickhouseEngine?: string | null; spoolMaxBytes?: number | null }

/** Default spool bound: 1 GiB of log lines (about two million events) waiting for ClickHouse. */
export const DEFAULT_SPOOL_MAX_BYTES = 1024 ** 3;

/**
 * Reads `http://user:password@host:8123/database?table=events&engine=ReplacingMergeTree&spool_max_bytes=N`.
 * The database defaults to `lantern`, the table to `events`, the engine to `ReplacingMergeTree`.
 * @throws ConfigError naming LANTERN_CLICKHOUSE_URL and the bad part.
 */
export function parseClickHouseUrl(raw: string, overrides: ClickHouseOverrides = {}): ClickHouseSettings {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(VARIABLE, `must be a URL like http://user:password@host:8123/database, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(VARIABLE, `must start with http: or https:, got ${JSON.stringify(url.protocol)}`);
  const database = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, '')) || 'lantern';
  const table = overrides.clickhouseTable ?? url.searchParams.get('table') ?? 'events';
  const engine = overrides.clickhouseEngine ?? url.searchParams.get('engine') ?? 'ReplacingMergeTree';
  const spoolRaw = url.searchParams.get('spool_max_bytes');
  const spoolMaxBytes = overrides.spoolMaxBytes ?? (spoolRaw === null ? DEFAULT_SPOOL_MAX_BYTES : Number(spoolRaw));
  if (!IDENTIFIER.test(database)) throw new ConfigError(VARIABLE, `database must be letters, digits and _, got ${JSON.stringify(database)}`);
  if (!IDENTIFIER.test(table)) throw new ConfigError(VARIABLE, `table must be letters, digits and _, got ${JSON.stringify(table)}`);
  if (!ENGINE.test(engine)) throw new ConfigError(VARIABLE, `engine must be a MergeTree-family engine such as ReplacingMergeTree, got ${JSON.stringify(engine)}`);
  if (!Number.isSafeInteger(spoolMaxBytes) || spoolMaxBytes < 1) throw new ConfigError(VARIABLE, `spool_max_bytes must be a positive integer, got ${JSON.stringify(spoolRaw)}`);
  return {
    origin: url.origin, username: decodeURIComponent(url.username) || 'default', password: decodeURIComponent(url.password),
    database, table, engine, spoolMaxBytes,
  };
}

/** The events table: `ts` in ms (Int64), a UTC day for partitions, optional fields Nullable so NULL means what it means in SQLite. */
export function eventsTableDdl(s: Pick<ClickHouseSettings, 'database' | 'table' | 'engine'>): string {
  const nullable = (names: string[]) => names.map((n) => `${n} Nullable(String)`).join(', ');
  return `CREATE TABLE IF NOT EXISTS \`${s.database}\`.\`${s.table}\` (
    id String, ts Int64, day Date MATERIALIZED toDate(toDateTime(intDiv(ts, 1000), 'UTC')), workspace_id String, type String,
    ${nullable(['link_id', 'site_id', 'community_id', 'ambassador_id', 'campaign_id'])}, platform String, channel String,
    ${nullable(['token', 'parent', 'visitor', 'country', 'device', 'browser', 'os', 'in_app', 'referrer_host', 'path'])},
    value Nullable(Float64), currency Nullable(String), data Nullable(String)
  ) ENGINE = ${s.engine} PARTITION BY toYYYYMM(day) ORDER BY (workspace_id, ts, id)`;
}

/** What the event store needs from a ClickHouse server (a seam: tests put current ClickHouse in-process behind it). */
export interface ClickHouseLink {
  /** The events table, qualified and quoted. */
  readonly tableRef: string;
  ready(): Promise<{ queryParams: boolean }>;
  forgetSchema(): void;
  select<T>(sql: string, params: Record<string, unknown>): Promise<T[]>;
  /** Inserts JSONEachRow lines; resolves once the server has written them. */
  insertJsonRows(body: string): Promise<void>;
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** A client, plus the schema set up once (lazily, so Lantern starts while ClickHouse is down) and the server's capabilities. */
export class ClickHouseConnection implements ClickHouseLink {
  readonly client: ClickHouseClient;
  /** The events table, qualified and quoted. */
  readonly tableRef: string;
  private schema: Promise<{ queryParams: boolean }> | null = null;

  constructor(readonly settings: ClickHouseSettings, requestTimeoutMs = 30_000) {
    this.client = createClient({
      url: settings.origin, username: settings.username, password: settings.password, database: settings.database,
      request_timeout: requestTimeoutMs, log: { level: 127 /* OFF: failures are reported by the callers' pino loggers */ },
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    });
    this.tableRef = `\`${settings.database}\`.\`${settings.table}\``;
  }

  /**
   * Creates the database and the table if missing and learns whether the server binds `{name:Type}` parameters itself
   * (19.x and later) or needs them bound as literals (18.x). Memoised on success; a failure is retried on the next call.
   */
  ready(): Promise<{ queryParams: boolean }> {
    this.schema ??= this.setUp().catch((err: unknown) => {
      this.schema = null;
      throw err;
    });
    return this.schema;
  }

  /** Forgets the schema check, so the next call creates the table again (after an insert failed: it may have been dropped). */
  forgetSchema(): void {
    this.schema = null;
  }

  private async setUp(): Promise<{ queryParams: boolean }> {
    // The database may not exist yet, and a request naming it would fail: create it through a client without one.
    const bootstrap = createClient({ url: this.settings.origin, username: this.settings.username, password: this.settings.password, log: { level: 127 } });
    try {
      await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS \`${this.settings.database}\`` });
    } finally {
      await bootstrap.close();
    }
    await this.client.command({ query: eventsTableDdl(this.settings) });
    const queryParams = await this.client.query({ query: 'SELECT {p:UInt8} AS p', query_params: { p: 1 }, format: 'JSONEachRow' })
      .then(async (r) => (await r.json<{ p: number }>())[0]?.p === 1, () => false);
    return { queryParams };
  }

  /** Runs a SELECT naming the `events` table; `params` are bound by the server when it can, else as checked literals. */
  async select<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const { queryParams } = await this.ready();
    const query = sql.replace(/\bFROM events\b/g, `FROM ${this.tableRef}`);
    const result = queryParams
      ? await this.client.query({ query, query_params: pickParams(query, params), format: 'JSONEachRow' })
      : await this.client.query({ query: bindParams(query, params), format: 'JSONEachRow' });
    return result.json<T>();
  }

  async insertJsonRows(body: string): Promise<void> {
    const result = await this.client.exec({ query: `INSERT INTO ${this.tableRef} FORMAT JSONEachRow`, values: Readable.from([body]) });
    // ClickHouse answers an INSERT once it is written; read the (empty) answer to its end before calling it acknowledged.
    await new Promise<void>((resolve, reject) => result.stream.on('end', resolve).on('error', reject).resume());
  }

  /** Sets the schema up if needed and answers `SELECT 1` with these credentials, all within `timeoutMs` (ms); else taken as down. */
  async ping(timeoutMs = 1000): Promise<boolean> {
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    try {
      await Promise.race([this.ready(), timedOut]);
      return (await this.client.ping({ select: true, abort_signal: signal })).success;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
