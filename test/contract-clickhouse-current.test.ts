// The contract on current ClickHouse (26.x) run in-process through chdb, when it is installed: the SQL must run there as on 18.16.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readKnownPlatforms, readMinuteRows } from '../src/alerts/minute-counts.js';
import { buildApp } from '../src/app.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { getOrCreateWorkspace } from '../src/auth/workspaces.js';
import { loadConfig } from '../src/config.js';
import { findCascadeRoot } from '../src/commerce/find-cascade-root.js';
import { buildEvent } from '../src/ingest/build-event.js';
import type { EventReader } from '../src/store/types.js';
import { bindParams, pickParams } from '../src/store/clickhouse/bind-params.js';
import { ClickHouseEventStore } from '../src/store/clickhouse/event-store.js';
import { eventsTableDdl, parseClickHouseUrl, type ClickHouseLink } from '../src/store/clickhouse/open-clickhouse.js';
import { MetaChanges } from '../src/store/meta-changes.js';
import { SqlMetaStore } from '../src/store/sql/meta-store.js';
import { SqliteClient } from '../src/store/sqlite/sqlite-client.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { NOW, QUESTIONS, at, contractFixture } from './fixtures/event-store-contract.js';
import { createTestApp } from './helpers/test-app.js';

interface ChdbSession { query(sql: string, format?: string): string; queryBind(sql: string, args: object, format?: string): string; cleanup?(): void }
// chdb (543 MB with current ClickHouse inside) is not a dependency: `npm install --no-save chdb` to run this file.
const moduleName = 'chdb';
const chdb = (await import(moduleName).catch(() => null)) as { Session: new (path: string) => ChdbSession } | null;
if (!chdb) console.warn('contract-clickhouse-current: skipped (npm install --no-save chdb to check the SQL on current ClickHouse in-process)');

const rowsOf = <T>(out: string): T[] => out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);

/** chdb behind the event store's seam: every read runs with server-side parameters and with literal binding, which must agree. */
function chdbLink(session: ChdbSession): ClickHouseLink {
  session.query(eventsTableDdl({ database: 'default', table: 'events', engine: 'ReplacingMergeTree' }));
  const tableRef = '`default`.`events`';
  return {
    tableRef,
    ready: async () => ({ queryParams: true }),
    forgetSchema: () => undefined,
    async select<T>(sql: string, params: Record<string, unknown>) {
      const query = sql.replace(/\bFROM events\b/g, `FROM ${tableRef}`);
      const bound = rowsOf<T>(session.queryBind(query, pickParams(query, params), 'JSONEachRow'));
      expect(rowsOf<T>(session.query(bindParams(query, params), 'JSONEachRow')), query).toEqual(bound);
      return bound;
    },
    async insertJsonRows(body: string) {
      session.query(`INSERT INTO ${tableRef} FORMAT JSONEachRow ${body}`);
    },
    ping: async () => true,
    close: async () => undefined,
  };
}

describe.skipIf(!chdb)('current ClickHouse through chdb', () => {
  let dir: string;
  const answers = new Map<string, unknown>();
  let app: Awaited<ReturnType<typeof buildApp>>;
  let auth: { authorization: string };
  let workspaceId: string;
  /** What the conversions and alerts code reads from the events. */
  const otherReads = async (events: EventReader, ws: string) => ({
    root: await findCascadeRoot(events, ws, 'tokA00003'),
    minutes: (await readMinuteRows(events, ws, at('2026-11-10T00:00:00Z'), at('2026-11-11T00:00:00Z'))).map((r) => JSON.stringify(r)).sort(),
    platforms: [...(await readKnownPlatforms(events, ws, NOW))].map(([k, v]) => [k, [...v].sort()]).sort(),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantern-chdb-'));
    const config = loadConfig({ LANTERN_RATE_LIMIT: '100000' }, { dataDir: dir, baseUrl: 'http://lnt.test', secret: 's'.repeat(32) });
    const db = openDatabase(join(dir, 'lantern.db'));
    const events = new ClickHouseEventStore(db, parseClickHouseUrl('http://chdb.invalid/default'), chdbLink(new chdb!.Session(join(dir, 'chdb'))));
    const changes = new MetaChanges(null);
    const stores = { meta: new SqlMetaStore(new SqliteClient(db), changes), events, changes, shared: false, logDir: join(dir, 'log'), close: async () => { db.close(); } };
    app = await buildApp(config, stores, { logger: false, now: () => NOW });
    const ws = await getOrCreateWorkspace(stores.meta, 'default', Date.now());
    workspaceId = ws.id;
    auth = { authorization: `Bearer ${(await createApiKey(stores.meta, ws.id, 'test', undefined, Date.now())).key}` };
    for (const f of contractFixture(ws.id)) await app.services.ingest.recordAsync(buildEvent(f));
    for (const f of contractFixture('ws_other')) await app.services.ingest.recordAsync(buildEvent(f));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test.each(QUESTIONS)('answers %s', async (url) => {
    const res = await app.inject({ method: 'GET', url, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    answers.set(url, res.json());
  });

  test('every answer is the one SQLite gives', async () => {
    const t = await createTestApp({ now: () => NOW });
    try {
      for (const f of contractFixture(t.workspace.id)) await t.app.services.ingest.recordAsync(buildEvent(f));
      for (const url of QUESTIONS) {
        const res = await t.app.inject({ method: 'GET', url, headers: t.auth() });
        expect(answers.get(url), url).toEqual(res.json());
      }
      expect(await otherReads(app.services.stores.events, workspaceId)).toEqual(await otherReads(t.app.services.stores.events, t.workspace.id));
    } finally {
      await t.close();
    }
  });
});
