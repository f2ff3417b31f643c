// Several nodes sharing one metadata database: one holder of the scheduler lease at a time, each due webhook delivery
// claimed by one node. Runs on SQLite (two connections to one file) and, when LANTERN_TEST_DATABASE_URL names a
// PostgreSQL server (an admin URL such as postgres://postgres@127.0.0.1:5432/postgres), on a fresh database there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAlertTables } from '../src/alerts/alert-tables.js';
import type { Delivery } from '../src/alerts/alert-types.js';
import { DeliveryQueue } from '../src/alerts/delivery-queue.js';
import { SchedulerLease } from '../src/alerts/scheduler-lease.js';
import { openPostgres } from '../src/store/postgres/open-postgres.js';
import type { SqlClient } from '../src/store/sql/sql-client.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { SqliteClient } from '../src/store/sqlite/sqlite-client.js';
import { createTestDatabase, notePostgresSkipped, TEST_DATABASE_URL } from './helpers/postgres.js';

notePostgresSkipped('alerts-shared-database');

/** Two nodes' connections to one database, and how to remove it. */
interface SharedDatabase { nodes: [SqlClient, SqlClient]; close(): Promise<void> }

async function openSqlite(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-alerts-'));
  const dbs = [openDatabase(join(dir, 'meta.db')), openDatabase(join(dir, 'meta.db'))];
  return {
    nodes: [new SqliteClient(dbs[0]!), new SqliteClient(dbs[1]!)],
    async close() {
      for (const db of dbs) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A database of this run's own on the server, each node with its own pool (as two processes would have). */
async function openPostgresDatabase(): Promise<SharedDatabase> {
  const database = await createTestDatabase('alerts');
  const a = await openPostgres(database.url);
  const b = await openPostgres(database.url);
  return {
    nodes: [a.sql, b.sql],
    async close() {
      await a.pool.end();
      await b.pool.end();
      await database.drop();
    },
  };
}

const backends = [
  { name: 'sqlite', open: openSqlite },
  ...(TEST_DATABASE_URL ? [{ name: 'postgres', open: openPostgresDatabase }] : []),
];

const TTL = 180_000;
const T0 = 1_700_000_000_000;

function pendingDelivery(id: string, webhookId: string, due: number): Delivery {
  return {
    id, workspaceId: 'ws_1', webhookId, event: 'test', alertId: null, body: '{}', status: 'pending', attempts: 0, nextAttemptAt: due,
    claimedBy: null, claimedUntil: null, lastStatusCode: null, lastLatencyMs: null, lastError: null, responseExcerpt: null,
    attemptLog: [], createdAt: due, updatedAt: due, deliveredAt: null,
  };
}

describe.each(backends)('$name', ({ open }) => {
  let shared: SharedDatabase;
  let queues: [DeliveryQueue, DeliveryQueue];
  beforeAll(async () => {
    shared = await open();
    const tables = shared.nodes.map((sql) => openAlertTables(sql));
    queues = [new DeliveryQueue(tables[0]!), new DeliveryQueue(tables[1]!)];
    await tables[0]!.webhooks.insert({
      id: 'whk_1', workspaceId: 'ws_1', url: 'https://hooks.example.com/', secret: 'sealed', events: ['test'], allowPrivate: false,
      enabled: true, createdAt: T0, updatedAt: T0,
    });
  });
  afterAll(async () => {
    await shared?.close();
  });

  test('of two nodes asking for a free or expired lease at once, exactly one gets it', async () => {
    for (let round = 0; round < 20; round++) {
      const [a, b] = shared.nodes.map((sql, i) => new SchedulerLease(sql, `race-${round}`, `node-${i}`));
      const first = await Promise.all([a!.acquire(T0, TTL), b!.acquire(T0, TTL)]);
      expect(first.filter(Boolean)).toHaveLength(1);
      const expired = await Promise.all([a!.acquire(T0 + TTL, TTL), b!.acquire(T0 + TTL, TTL)]);
      expect(expired.filter(Boolean)).toHaveLength(1);
    }
  });

  test('the holder renews its lease; another node takes it over only once it has expired', async () => {
    const [a, b] = shared.nodes.map((sql, i) => new SchedulerLease(sql, 'alerts', `node-${i}`));
    expect(await a!.acquire(T0, TTL)).toBe(true);
    expect(await b!.acquire(T0 + 1000, TTL)).toBe(false);
    expect(await a!.acquire(T0 + 60_000, TTL)).toBe(true);
    expect(await b!.acquire(T0 + TTL + 1000, TTL)).toBe(false);
    expect(await b!.acquire(T0 + 60_000 + TTL, TTL)).toBe(true);
    expect(await a!.acquire(T0 + 60_000 + TTL + 1000, TTL)).toBe(false);
    await b!.release();
    expect(await a!.acquire(T0 + 60_000 + TTL + 2000, TTL)).toBe(true);
  });

  test('deliveries claimed by two nodes at once are each claimed exactly once', async () => {
    const count = 150;
    for (let i = 0; i < count; i++) await queues[0].insert(pendingDelivery(`whd_race_${String(i).padStart(3, '0')}`, 'whk_1', T0 - i));
    const claimers = [0, 1, 0, 1].map((node, i) => ({ queue: queues[node as 0 | 1], owner: `node-${node}-worker-${i}` }));
    const claimed = new Map<string, string[]>();
    for (let round = 0; round < 100 && [...claimed.values()].flat().length < count; round++) {
      const got = await Promise.all(claimers.map((c) => c.queue.claimDue(c.owner, T0, T0 + 60_000, 7)));
      got.forEach((deliveries, i) => {
        for (const d of deliveries) {
          expect(d.claimedBy).toBe(claimers[i]!.owner);
          claimed.set(d.id, [...(claimed.get(d.id) ?? []), claimers[i]!.owner]);
        }
      });
    }
    expect(claimed.size).toBe(count);
    expect([...claimed.values()].filter((owners) => owners.length > 1)).toEqual([]);
    const rows = await shared.nodes[1].all<{ id: string; claimed_by: string }>("SELECT id, claimed_by FROM webhook_deliveries WHERE id LIKE 'whd_race_%'");
    for (const r of rows) expect(claimed.get(r.id)).toEqual([r.claimed_by]);
  });

  test('only the claim holder records an attempt; an expired claim passes to another node; success ends the retries', async () => {
    await queues[0].insert(pendingDelivery('whd_one', 'whk_1', T0));
    const due = T0 + 1000;
    const [mine] = await queues[0].claimDue('node-0', due, due + 15_000, 1000).then((ds) => ds.filter((d) => d.id === 'whd_one'));
    expect(mine).toBeDefined();
    const failure = { at: due, statusCode: 503, latencyMs: 12, error: null };
    expect(await queues[1].record('whd_one', 'node-1', { status: 'pending', nextAttemptAt: due + 10, attempt: failure, excerpt: 'no', now: due })).toBeNull();
    // A crashed holder: its claim still stands until it expires.
    expect((await queues[1].claimDue('node-1', due + 5000, due + 20_000, 1000)).some((d) => d.id === 'whd_one')).toBe(false);
    const taken = (await queues[1].claimDue('node-1', due + 16_000, due + 30_000, 1000)).find((d) => d.id === 'whd_one');
    expect(taken?.claimedBy).toBe('node-1');
    expect(await queues[0].record('whd_one', 'node-0', { status: 'pending', nextAttemptAt: due + 10, attempt: failure, excerpt: 'no', now: due })).toBeNull();

    const retry = await queues[1].record('whd_one', 'node-1', { status: 'pending', nextAttemptAt: due + 20_000, attempt: failure, excerpt: 'down', now: due + 16_000 });
    expect(retry).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null, lastStatusCode: 503, responseExcerpt: 'down', deliveredAt: null, attemptLog: [failure] });
    const again = (await queues[0].claimDue('node-0', due + 20_000, due + 40_000, 1000)).find((d) => d.id === 'whd_one')!;
    const success = { at: due + 20_000, statusCode: 200, latencyMs: 8, error: null };
    const done = await queues[0].record(again.id, 'node-0', { status: 'succeeded', nextAttemptAt: null, attempt: success, excerpt: 'ok', now: due + 20_000 });
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, nextAttemptAt: null, deliveredAt: due + 20_000, attemptLog: [failure, success] });
    expect((await queues[1].claimDue('node-1', due + 10 * TTL, due + 11 * TTL, 1000)).some((d) => d.id === 'whd_one')).toBe(false);
  });
});
