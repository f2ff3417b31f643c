// Cache invalidation between nodes: NOTIFY reaches every listener, and a lost listening connection drops every
// cached entry (notifications may have been missed) and reconnects by itself.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MetaChanges } from '../src/store/meta-changes.js';
import { TEST_DATABASE_URL, createTestDatabase, notePostgresSkipped, type TestDatabase } from './helpers/postgres.js';

notePostgresSkipped('meta-changes');

async function until(check: () => boolean, limitMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`not true after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('MetaChanges alone (one SQLite node)', () => {
  test('listeners on this node hear a change at once, and only of their kind', async () => {
    const changes = new MetaChanges(null);
    const heard: (string | null)[] = [];
    const stop = changes.on('link', (key) => heard.push(key));
    changes.on('site', () => heard.push('wrong kind'));
    await changes.publish('link', 'launch');
    stop();
    await changes.publish('link', 'after-stop');
    expect(heard).toEqual(['launch']);
    expect(changes.shared).toBe(false);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('MetaChanges over PostgreSQL', () => {
  let db: TestDatabase;
  let poolA: pg.Pool;
  let poolB: pg.Pool;
  let a: MetaChanges;
  let b: MetaChanges;

  beforeAll(async () => {
    db = await createTestDatabase('changes');
    poolA = new pg.Pool({ connectionString: db.url });
    poolB = new pg.Pool({ connectionString: db.url });
    [a, b] = await Promise.all([MetaChanges.listen(poolA), MetaChanges.listen(poolB)]);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await poolA?.end();
    await poolB?.end();
    await db?.drop();
  });

  test('a change published on node A reaches node B', async () => {
    const heard: (string | null)[] = [];
    b.on('link', (key) => heard.push(key));
    await a.publish('link', 'spring-drop');
    await until(() => heard.includes('spring-drop'), 2_000);
  });

  test('when node B loses its listening connection it reconnects, drops everything cached (changes may have been missed), and hears changes again', async () => {
    const heard: (string | null)[] = [];
    b.on('site', (key) => heard.push(key));
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      // Ends every session listening on the channel: node B's (and node A's) listening connections.
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`);
    } finally {
      await admin.end();
    }
    await until(() => heard.includes(null), 2_000);
    // Reconnected within its first back-off (250 ms), then a change is heard again.
    const deadline = Date.now() + 5_000;
    while (!heard.includes('site_1') && Date.now() < deadline) {
      await a.publish('site', 'site_1');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(heard).toContain('site_1');
  });
});
