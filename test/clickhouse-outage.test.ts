// ClickHouse stops, Lantern keeps answering from its spool, Lantern is killed -9, both restart: every answered click is counted once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEvent } from '../src/ingest/build-event.js';
import { EventLog } from '../src/ingest/event-log.js';
import { EventShipper } from '../src/ingest/event-shipper.js';
import { ClickHouseEventStore } from '../src/store/clickhouse/event-store.js';
import { parseClickHouseUrl } from '../src/store/clickhouse/open-clickhouse.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import type { StoredEvent } from '../src/store/types.js';
import { UA } from './fixtures/user-agents.js';
import { TEST_CLICKHOUSE_URL, clickhouseQuery, dropDatabase, freshDatabaseUrl, noteSkipped, startPrivateClickHouse, type PrivateClickHouse } from './helpers/clickhouse.js';
import { ROOT, runCli, startServer, type ServerProcess } from './helpers/cli-process.js';

noteSkipped('clickhouse-outage');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await sleep(200);
  }
}

describe.skipIf(!TEST_CLICKHOUSE_URL)('ClickHouse outage (real servers)', () => {
  let ch: PrivateClickHouse;
  let dataDir: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    // The server runs the built output: build it if this checkout has not (npm test builds first).
    if (!existsSync(join(ROOT, 'dist', 'store', 'clickhouse', 'event-store.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    ch = await startPrivateClickHouse();
    dataDir = mkdtempSync(join(tmpdir(), 'lantern-outage-'));
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await ch?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('redirects answer 302 while ClickHouse is down; after kill -9 and both restarts, every answered click is counted exactly once', async () => {
    const env = { LANTERN_CLICKHOUSE_URL: `${ch.url}/lantern_outage` };
    runCli(['links', 'create', 'https://shop.example/drop', '--slug', 'drop', '--data-dir', dataDir], env);
    const key = runCli(['keys', 'create', '--name', 'outage', '--data-dir', dataDir], env).trim().split('\n').pop()!;
    server = await startServer(dataDir, env);
    const answered = new Set<string>();
    const click = async (origin: string): Promise<number> => {
      const res = await fetch(`${origin}/drop`, { redirect: 'manual', headers: { 'user-agent': UA.chromeDesktop } });
      const token = res.status === 302 ? new URL(res.headers.get('location')!).searchParams.get('ls') : null;
      if (token) answered.add(token);
      return res.status;
    };
    const readyz = async () => (await fetch(`${server!.origin}/readyz`)).json() as Promise<{ status: string; events: string; backlogBytes: number }>;
    const visits = async () => (await (await fetch(`${server!.origin}/api/stats/summary`, { headers: { authorization: `Bearer ${key}` } })).json()) as { visits: number };

    for (let i = 0; i < 20; i++) expect(await click(server.origin)).toBe(302);
    expect((await visits()).visits).toBe(20);

    await ch.stop();
    const during = await Promise.all(Array.from({ length: 100 }, () => click(server!.origin)));
    expect(during.every((s) => s === 302)).toBe(true);
    const first = await waitFor('readyz while ClickHouse is down', readyz, (r) => r.status === 'degraded' && r.backlogBytes > 0);
    expect(first).toMatchObject({ status: 'degraded', events: 'unreachable' });
    for (let i = 0; i < 50; i++) await click(server.origin);
    expect((await readyz()).backlogBytes).toBeGreaterThan(first.backlogBytes);

    // Under load, kill -9: responses already sent were durable in the spool.
    let stop = false;
    const workers = Array.from({ length: 16 }, async () => {
      while (!stop) {
        try {
          await click(server!.origin);
        } catch {
          return; // the server died mid-request: that response was never sent
        }
      }
    });
    await sleep(500);
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await server.stop();

    await ch.start();
    server = await startServer(dataDir, env);
    await waitFor('the spool to drain', readyz, (r) => r.status === 'ready' && r.backlogBytes === 0);

    const db = 'lantern_outage';
    const rows = (await clickhouseQuery(ch.url, `SELECT token, count() AS n FROM ${db}.events WHERE type = 'click' GROUP BY token FORMAT JSONEachRow`))
      .trim().split('\n').map((l) => JSON.parse(l) as { token: string; n: string | number });
    const stored = new Map(rows.map((r) => [r.token, Number(r.n)]));
    expect([...answered].filter((t) => !stored.has(t))).toEqual([]);
    expect(rows.filter((r) => Number(r.n) > 1)).toEqual([]);
    expect((await visits()).visits).toBe(stored.size);
    expect(answered.size).toBeGreaterThan(170);
  }, 120_000);
});

describe.skipIf(!TEST_CLICKHOUSE_URL)('re-sending a batch whose answer was lost (real ClickHouse)', () => {
  const url = TEST_CLICKHOUSE_URL ? freshDatabaseUrl(TEST_CLICKHOUSE_URL, 'resend') : '';
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lantern-resend-'));
  });
  afterAll(async () => {
    await dropDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  test('rows ClickHouse stored before the answer was lost are looked up and not inserted again', async () => {
    const store = new ClickHouseEventStore(openDatabase(join(dir, 'meta.db')), parseClickHouseUrl(url));
    const log = new EventLog(join(dir, 'log'));
    const events = Array.from({ length: 3000 }, (_, i) => buildEvent({ ts: Date.parse('2026-11-10T00:00:00Z') + i * 1000, workspaceId: 'ws_resend', type: 'click', token: `resend${i}` }));
    for (const e of events) log.append(JSON.stringify(e) + '\n', () => undefined);
    await log.drain();
    let lose = 1;
    // Stores the batch for real, then reports a failure once: what a dropped connection after the commit looks like.
    const target = {
      shipState: store.shipState,
      findStoredIds: (batch: readonly StoredEvent[]) => store.findStoredIds(batch),
      insertEvents: async (batch: readonly StoredEvent[]) => {
        await store.insertEvents(batch);
        if (lose-- > 0) throw new Error('socket hang up');
      },
    };
    const shipper = new EventShipper(join(dir, 'log'), target, { minBackoffMs: 10, maxBatchRows: 1000 });
    shipper.start();
    await shipper.waitFor(log.position, 20_000);
    await shipper.close(log.position, 0);
    const [count] = await store.all<{ n: number; d: number }>({ sqlite: '', clickhouse: "SELECT count() AS n, uniqExact(id) AS d FROM events WHERE workspace_id = 'ws_resend'" }, {});
    expect(count).toEqual({ n: 3000, d: 3000 });
    await log.close();
    await store.close();
  });
});
