import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { randomEvents } from '../../../test/fixtures/random-events.js';
import { EventLoader } from '../../ingest/event-loader.js';
import { EventLog } from '../../ingest/event-log.js';
import { COUNT_ROLLUPS, ROLLUP_MEASURES } from '../migrations/sqlite-0004-event-rollups.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js';
import type { StoredEvent } from '../types.js';
import { SqliteEventStore } from './event-store.js';
import { migrate, openDatabase, type SqliteDb } from './open-database.js';

const START = Date.parse('2026-10-20T00:00:00Z');
const measures = Object.keys(ROLLUP_MEASURES);

/** Each rollup as stored, and as it should be: the raw events grouped by cell, rows sorted, revenue to 1e-9. */
function rollupsAndExpected(db: SqliteDb) {
  const tidy = (rows: Record<string, unknown>[]) =>
    rows.map((r) => JSON.stringify({ ...r, revenue: Math.round(Number(r.revenue) * 1e9) / 1e9 })).sort();
  return COUNT_ROLLUPS.map(({ table, dimensions }) => {
    const cols = ['workspace_id', 'hour', ...dimensions].join(', ');
    const stored = db.prepare(`SELECT ${cols}, ${measures.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
    const expected = db.prepare(`SELECT workspace_id, ts / 3600000 * 3600000 AS hour, ${dimensions.join(', ')},
      ${Object.entries(ROLLUP_MEASURES).map(([m, sql]) => `sum(${sql}) AS ${m}`).join(', ')} FROM events GROUP BY ${cols}`).all() as Record<string, unknown>[];
    return { table, stored: tidy(stored), expected: tidy(expected) };
  });
}

function expectRollupsInStep(db: SqliteDb) {
  for (const { table, stored, expected } of rollupsAndExpected(db)) expect(stored, table).toEqual(expected);
}

async function logOf(events: StoredEvent[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-rollups-'));
  const log = new EventLog(dir, 20_000);
  for (const e of events) log.append(JSON.stringify(e) + '\n', () => undefined);
  await log.close();
  return dir;
}

const count = (db: SqliteDb, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('hourly rollups', () => {
  test('hold exactly the sums of the loaded events, chunk after chunk', async () => {
    const events = randomEvents(1, 3000, START, 5);
    const dir = await logOf(events);
    const store = new SqliteEventStore(openDatabase(join(dir, 'x.db')));
    const loader = new EventLoader(dir, store, { chunkBytes: 8192 });
    expect(loader.loadChunk()).toBeGreaterThan(0);
    expectRollupsInStep(store.db);
    loader.catchUp();
    expect(count(store.db, 'events')).toBe(3000);
    expectRollupsInStep(store.db);
    // Events in the same cells again, from a later load: the cells grow, none is duplicated.
    store.insertBatch(events.slice(0, 500).map((e) => ({ ...e, id: `again-${e.id}` })), { ...store.readCheckpoint() }, store.readCheckpoint());
    expectRollupsInStep(store.db);
  });

  test('two loaders racing on one log count each event once in the rollups too', async () => {
    const dir = await logOf(randomEvents(2, 1500, START, 3));
    const file = join(dir, 'x.db');
    const a = new EventLoader(dir, new SqliteEventStore(openDatabase(file)), { chunkBytes: 4096 });
    const b = new EventLoader(dir, new SqliteEventStore(openDatabase(file)), { chunkBytes: 4096 });
    for (let i = 0; i < 400; i++) {
      a.loadChunk();
      b.loadChunk();
    }
    const db = openDatabase(file);
    expect(count(db, 'events')).toBe(1500);
    expectRollupsInStep(db);
  });

  test('a batch the checkpoint refuses, or one that fails, changes neither the events nor the rollups', () => {
    const store = new SqliteEventStore(openDatabase(':memory:'));
    const events = randomEvents(3, 200, START, 1);
    store.insertBatch(events.slice(0, 100), { segment: 1, offset: 100, loaded: 100 }, store.readCheckpoint());
    const before = rollupsAndExpected(store.db);
    expect(store.insertBatch(events.slice(100), { segment: 1, offset: 200, loaded: 200 }, { segment: 1, offset: 50, loaded: 50 })).toBe(false);
    const broken = [...events.slice(100, 150), { ...events[150], workspaceId: null as unknown as string }];
    expect(() => store.insertBatch(broken, { segment: 1, offset: 200, loaded: 200 }, store.readCheckpoint())).toThrow(/NOT NULL/);
    expect(count(store.db, 'events')).toBe(100);
    expect(rollupsAndExpected(store.db)).toEqual(before);
  });

  test('migration 4 rolls up the events already in a database', () => {
    const db: SqliteDb = new Database(':memory:');
    for (const sql of SQLITE_MIGRATIONS.slice(0, 3)) db.exec(sql);
    db.pragma('user_version = 3');
    const insert = db.prepare(`INSERT INTO events (id, ts, workspace_id, type, link_id, site_id, community_id, ambassador_id, campaign_id, platform, channel, visitor, country, value)
      VALUES (@id, @ts, @workspaceId, @type, @linkId, @siteId, @communityId, @ambassadorId, @campaignId, @platform, @channel, @visitor, @country, @value)`);
    const events = randomEvents(4, 2000, START, 4);
    for (const e of events) insert.run(e);
    expect(migrate(db)).toBe(SQLITE_MIGRATIONS.length - 3);
    expect(count(db, 'event_hours')).toBeGreaterThan(0);
    expectRollupsInStep(db);
    // And the store keeps them in step from there.
    const store = new SqliteEventStore(db);
    store.insertBatch(randomEvents(5, 500, START, 4), { segment: 1, offset: 1, loaded: 500 }, store.readCheckpoint());
    expectRollupsInStep(db);
  });
});
