// EventStore on ClickHouse: the shipper's target (JSONEachRow inserts) and the stats questions' reader; bookkeeping stays in SQLite.
import { AppError } from '../../errors.js';
import type { DialectQuery, EventReader, StoredEvent } from '../types.js';
import { SqliteEventStore } from '../sqlite/event-store.js';
import type { SqliteDb } from '../sqlite/open-database.js';
import { quoteString } from './bind-params.js';
import { ClickHouseConnection, type ClickHouseLink, type ClickHouseSettings } from './open-clickhouse.js';
import { ShipState } from './ship-state.js';

const json = (v: unknown) => JSON.stringify(v ?? null);

/** One JSONEachRow line of an event, written directly (a third of the cost of building row objects for the client to stringify). */
export function toJsonRow(e: StoredEvent): string {
  return `{"id":${json(e.id)},"ts":${e.ts},"workspace_id":${json(e.workspaceId)},"type":${json(e.type)},"link_id":${json(e.linkId)},`
    + `"site_id":${json(e.siteId)},"community_id":${json(e.communityId)},"ambassador_id":${json(e.ambassadorId)},"campaign_id":${json(e.campaignId)},`
    + `"platform":${json(e.platform)},"channel":${json(e.channel)},"token":${json(e.token)},"parent":${json(e.parent)},"visitor":${json(e.visitor)},`
    + `"country":${json(e.country)},"device":${json(e.device)},"browser":${json(e.browser)},"os":${json(e.os)},"in_app":${json(e.inApp)},`
    + `"referrer_host":${json(e.referrerHost)},"path":${json(e.path)},"value":${json(e.value)},"currency":${json(e.currency)},`
    + `"data":${e.data ? json(JSON.stringify(e.data)) : 'null'}}\n`;
}

/** Most ids named in one lookup query (keeps the query text well under ClickHouse's 256 KiB max_query_size). */
const IDS_PER_LOOKUP = 2000;

/**
 * Events in ClickHouse. Reads run the `clickhouse` variant of each question; `catchUp` is wired by the ingest service and
 * waits for the shipper. The embedded SQLite file (`db`) keeps the dropped-event counters, the ship checkpoint and lease.
 */
export class ClickHouseEventStore implements EventReader {
  readonly dialect = 'clickhouse' as const;
  readonly connection: ClickHouseLink;
  readonly shipState: ShipState;
  /** Largest unshipped backlog, in bytes, before new events are refused. */
  readonly spoolMaxBytes: number;
  catchUpHook: () => Promise<void> = async () => {};
  private readonly local: SqliteEventStore;

  /** `db` is the metadata SQLite file; its `events` table stays empty in this mode. */
  constructor(readonly db: SqliteDb, readonly settings: ClickHouseSettings, connection?: ClickHouseLink) {
    this.connection = connection ?? new ClickHouseConnection(settings);
    this.shipState = new ShipState(db);
    this.spoolMaxBytes = settings.spoolMaxBytes;
    this.local = new SqliteEventStore(db);
  }

  async catchUp(): Promise<void> {
    await this.catchUpHook();
  }

  /**
   * Runs `query.clickhouse`, numbers as numbers (64-bit integers are not quoted).
   * @throws AppError internal when the question has no ClickHouse variant; unavailable when ClickHouse does not answer.
   */
  async all<T>(query: DialectQuery, params: Record<string, unknown>): Promise<T[]> {
    if (!query.clickhouse) throw new AppError('internal', `this question has no ClickHouse SQL yet: ${query.sqlite.slice(0, 80)}…`);
    try {
      return await this.connection.select<T>(query.clickhouse, params);
    } catch (err) {
      if (err instanceof AppError) throw err;
      // Name the failure (a network code, or ClickHouse's error number for its query_log) without echoing server internals.
      const code = (err as { code?: unknown }).code;
      const reason = typeof code === 'string' && /^\d+$/.test(code) ? `ClickHouse error ${code}` : typeof code === 'string' ? code : 'no answer';
      throw new AppError('unavailable', `the event store (ClickHouse) could not answer (${reason}); try again shortly`, { cause: err, details: { reason } });
    }
  }

  /** Inserts events in one JSONEachRow request; resolves once ClickHouse has acknowledged them. */
  async insertEvents(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.connection.ready();
    try {
      await this.connection.insertJsonRows(events.map(toJsonRow).join(''));
    } catch (err) {
      this.connection.forgetSchema();
      throw err;
    }
  }

  /** Which of these events ClickHouse already holds (to re-send a batch whose acknowledgement was lost without duplicating it). */
  async findStoredIds(events: readonly StoredEvent[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < events.length; i += IDS_PER_LOOKUP) {
      const slice = events.slice(i, i + IDS_PER_LOOKUP);
      const workspaces = [...new Set(slice.map((e) => e.workspaceId))];
      const ts = slice.map((e) => e.ts);
      // The primary key (workspace_id, ts, id) narrows this to a few granules; values are escaped literals (ids from our own log).
      const sql = `SELECT id FROM ${this.connection.tableRef} WHERE workspace_id IN (${workspaces.map(quoteString).join(', ')})
        AND ts >= ${Math.min(...ts)} AND ts <= ${Math.max(...ts)} AND id IN (${slice.map((e) => quoteString(e.id)).join(', ')})`;
      const rows = await this.connection.select<{ id: string }>(sql, {});
      for (const r of rows) found.add(r.id);
    }
    return found;
  }

  /** Whether ClickHouse answers within `timeoutMs` (ms). */
  ping(timeoutMs = 1000): Promise<boolean> {
    return this.connection.ping(timeoutMs);
  }

  /** Adds to the counters of events dropped before storage, by reason (kept in the SQLite file). */
  countDropped(counts: Map<string, number>): void {
    this.local.countDropped(counts);
  }

  droppedCounts(): Record<string, number> {
    return this.local.droppedCounts();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
