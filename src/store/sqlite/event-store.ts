// EventStore on the embedded SQLite file: the loader's sink and the stats questions' reader.
import { statSync } from 'node:fs';
import type { Checkpoint, EventSink } from '../../ingest/event-loader.js';
import type { DialectQuery, EventReader, StoredEvent } from '../types.js';
import { createRollupWriter } from './event-rollups.js';
import type { SqliteDb } from './open-database.js';

const EVENT_COLUMNS = [
  'id', 'ts', 'workspace_id', 'type', 'link_id', 'site_id', 'community_id', 'ambassador_id', 'campaign_id', 'platform', 'channel',
  'token', 'parent', 'visitor', 'country', 'device', 'browser', 'os', 'in_app', 'referrer_host', 'path', 'value', 'currency', 'data',
] as const;

function eventValues(e: StoredEvent): unknown[] {
  return [
    e.id, e.ts, e.workspaceId, e.type, e.linkId, e.siteId, e.communityId, e.ambassadorId, e.campaignId, e.platform, e.channel,
    e.token, e.parent, e.visitor, e.country, e.device, e.browser, e.os, e.inApp, e.referrerHost, e.path, e.value, e.currency,
    e.data ? JSON.stringify(e.data) : null,
  ];
}

/** Events in SQLite. `catchUp` is wired by the ingest service so reads see every acknowledged event. */
export class SqliteEventStore implements EventSink, EventReader {
  readonly dialect = 'sqlite' as const;
  /** event_hours and visitor_hours are kept in the insert transaction (see event-rollups.ts). */
  readonly rollups = true;
  private readonly insertRow;
  private readonly writeCheckpoint;
  private readonly insertMany;
  catchUpHook: () => Promise<void> = async () => {};

  constructor(readonly db: SqliteDb) {
    this.insertRow = db.prepare(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
    this.writeCheckpoint = db.prepare(
      'INSERT INTO ingest_checkpoint (id, segment, offset, loaded) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET segment = excluded.segment, offset = excluded.offset, loaded = excluded.loaded',
    );
    const addToRollups = createRollupWriter(db);
    this.insertMany = db.transaction((events: StoredEvent[], cp: Checkpoint, expected: Checkpoint) => {
      // Compare-and-set: another process loading the same log got there first; store nothing twice.
      const current = this.readCheckpoint();
      if (current.segment !== expected.segment || current.offset !== expected.offset) return false;
      for (const e of events) this.insertRow.run(...eventValues(e));
      addToRollups(events);
      this.writeCheckpoint.run(cp.segment, cp.offset, cp.loaded);
      return true;
    });
  }

  readCheckpoint(): Checkpoint {
    const row = this.db.prepare('SELECT segment, offset, loaded FROM ingest_checkpoint WHERE id = 1').get() as Checkpoint | undefined;
    return row ?? { segment: 0, offset: 0, loaded: 0 };
  }

  insertBatch(events: StoredEvent[], checkpoint: Checkpoint, expected: Checkpoint): boolean {
    return this.insertMany.immediate(events, checkpoint, expected) as boolean;
  }

  async catchUp(): Promise<void> {
    await this.catchUpHook();
  }

  async all<T>(query: DialectQuery, params: Record<string, unknown>): Promise<T[]> {
    return this.db.prepare(query.sqlite).all(params) as T[];
  }

  /** Bytes in the write-ahead log waiting to be checkpointed into the database file. */
  walBytes(): number {
    try {
      return statSync(`${this.db.name}-wal`).size;
    } catch {
      return 0;
    }
  }

  /**
   * Copies the write-ahead log into the database file without waiting for readers (PASSIVE). Automatic checkpoints
   * are off (see open-database.ts): the ingest service runs this when the loop is quiet or the log grows large.
   */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Adds to the counters of events dropped before storage, by reason. */
  countDropped(counts: Map<string, number>): void {
    const stmt = this.db.prepare('INSERT INTO dropped_events (reason, count) VALUES (?, ?) ON CONFLICT(reason) DO UPDATE SET count = count + excluded.count');
    this.db.transaction(() => {
      for (const [reason, n] of counts) stmt.run(reason, n);
    })();
  }

  droppedCounts(): Record<string, number> {
    const rows = this.db.prepare('SELECT reason, count FROM dropped_events').all() as { reason: string; count: number }[];
    return Object.fromEntries(rows.map((r) => [r.reason, r.count]));
  }
}
