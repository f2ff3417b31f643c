// Two real Lantern processes sharing one PostgreSQL (and one ClickHouse when available), as behind a load balancer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, startServer, type ServerProcess } from './helpers/cli-process.js';
import { TEST_CLICKHOUSE_URL, dropDatabase, freshDatabaseUrl } from './helpers/clickhouse.js';
import { TEST_DATABASE_URL, createTestDatabase, notePostgresSkipped, type TestDatabase } from './helpers/postgres.js';

const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const RATE_LIMIT = 20;

/** Polls `check` every `everyMs` until it returns true; resolves to the milliseconds it took (throws after `limitMs`). */
async function until(check: () => Promise<boolean>, limitMs: number, everyMs = 20): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > limitMs) throw new Error(`not true after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

notePostgresSkipped('two-nodes');

describe.skipIf(!TEST_DATABASE_URL)('two nodes sharing PostgreSQL', () => {
  let db: TestDatabase;
  let clickhouseUrl: string | null = null;
  let a: ServerProcess;
  let b: ServerProcess;
  let key = '';
  const dirs: string[] = [];

  const api = (node: ServerProcess, path: string, init: RequestInit = {}) =>
    fetch(`${node.origin}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body && { 'content-type': 'application/json' }) } });
  const visit = (node: ServerProcess, slug: string) => fetch(`${node.origin}/${slug}`, { redirect: 'manual', headers: { 'user-agent': BROWSER } });

  beforeAll(async () => {
    ensureBuilt();
    db = await createTestDatabase('nodes');
    clickhouseUrl = TEST_CLICKHOUSE_URL ? freshDatabaseUrl(TEST_CLICKHOUSE_URL, 'nodes') : null;
    const env = {
      LANTERN_DATABASE_URL: db.url, LANTERN_SECRET: 'two-nodes-secret-'.repeat(2), LANTERN_RATE_LIMIT: String(RATE_LIMIT),
      ...(clickhouseUrl && { LANTERN_CLICKHOUSE_URL: clickhouseUrl }),
    };
    for (let i = 0; i < 3; i++) dirs.push(mkdtempSync(join(tmpdir(), `lantern-node-${i}-`)));
    // Started together: one runs the migrations while the other waits on the lock; both find one default workspace.
    [a, b] = await Promise.all([startServer(dirs[0]!, env), startServer(dirs[1]!, env)]);
    key = runCli(['keys', 'create', '--name', 'nodes', '--data-dir', dirs[2]!], env).trim().split('\n').pop()!;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    if (clickhouseUrl) await dropDatabase(clickhouseUrl);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('shares one schema and one default workspace', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query('SELECT slug FROM workspaces')).rows).toEqual([{ slug: 'default' }]);
      expect((await client.query('SELECT version FROM lantern_schema')).rows).toEqual([{ version: 1 }]);
    } finally {
      await client.end();
    }
    expect((await api(a, '/api/links')).status).toBe(200);
    expect((await api(b, '/api/links')).status).toBe(200);
  });

  it('redirects on node B within a second of a link being created, changed or deleted on node A', async () => {
    expect((await visit(b, 'launch-x')).status).toBe(404); // B now caches the absence
    const created = await api(a, '/api/links', { method: 'POST', body: JSON.stringify({ url: 'https://shop.example/one', slug: 'launch-x' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const seen = await until(async () => (await visit(b, 'launch-x')).headers.get('location')?.startsWith('https://shop.example/one?ls=') ?? false, 1_000);
    expect(seen).toBeLessThanOrEqual(1_000);

    expect((await api(a, `/api/links/${id}`, { method: 'PATCH', body: JSON.stringify({ url: 'https://shop.example/two' }) })).status).toBe(200);
    await until(async () => (await visit(b, 'launch-x')).headers.get('location')?.startsWith('https://shop.example/two?ls=') ?? false, 1_000);

    expect((await api(b, `/api/links/${id}`, { method: 'DELETE' })).status).toBe(204);
    await until(async () => (await visit(a, 'launch-x')).status === 404, 1_000);
  });

  it('collects on node B by a site changed or deleted on node A within a second', async () => {
    const hit = (node: ServerProcess, site: string) => fetch(`${node.origin}/api/collect`, {
      method: 'POST', headers: { 'content-type': 'text/plain', 'user-agent': BROWSER }, body: JSON.stringify({ s: site, e: 'pageview', u: 'https://new.example/' }),
    });
    const created = await api(a, '/api/sites', { method: 'POST', body: JSON.stringify({ domain: 'old.example' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await hit(b, id)).status).toBe(403); // B now caches the site with its old domain
    expect((await api(a, `/api/sites/${id}`, { method: 'PATCH', body: JSON.stringify({ domain: 'new.example' }) })).status).toBe(200);
    await until(async () => (await hit(b, id)).status === 202, 1_000);
    expect((await api(a, `/api/sites/${id}`, { method: 'DELETE' })).status).toBe(204);
    await until(async () => (await hit(b, id)).status === 404, 1_000);
  });

  it('streams on node B the clicks node A answers (the live feed travels between nodes)', async () => {
    const created = await api(a, '/api/links', { method: 'POST', body: JSON.stringify({ url: 'https://shop.example/live', slug: 'live-feed' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const controller = new AbortController();
    const stream = await fetch(`${b.origin}/api/live`, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
    const reader = stream.body!.getReader();
    let received = '';
    const sawClick = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return false;
        received += new TextDecoder().decode(value);
        if (received.includes(`"link":"${id}"`)) return true;
      }
    })();
    try {
      // Node B announces what it streams; node A relays once it heard (well within a second).
      await until(async () => (await visit(a, 'live-feed')).status === 302 && (await Promise.race([sawClick, new Promise((r) => setTimeout(() => r(false), 200))])) === true, 5_000, 0);
      expect(received).toMatch(/event: event\ndata: \{"type":"event","kind":"click"/);
    } finally {
      controller.abort();
      await sawClick.catch(() => undefined);
    }
  });

  it('enforces one rate limit across both nodes, not one per node', async () => {
    // Fixed one-minute windows: start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) statuses.push((await api(i % 2 ? a : b, '/api/communities')).status);
    expect(statuses).toEqual(Array(RATE_LIMIT).fill(200));
    const over = [await api(a, '/api/communities'), await api(b, '/api/communities')];
    expect(over.map((r) => r.status)).toEqual([429, 429]);
    expect(((await over[0]!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('lets exactly one node hold the alert scheduler lease', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const owners = async () => (await client.query("SELECT owner FROM scheduler_lease WHERE name = 'alerts'")).rows.map((r) => r.owner as string);
      // The scheduler's first run comes just after the minute ends.
      await until(async () => (await owners()).length === 1, 75_000);
      const [owner] = await owners();
      expect([a.child.pid, b.child.pid].some((pid) => owner!.includes(`:${pid}:`))).toBe(true);
    } finally {
      await client.end();
    }
  }, 90_000);

  it.skipIf(!TEST_CLICKHOUSE_URL)('reports the same stats on both nodes for visits answered by either', async () => {
    const created = await api(a, '/api/links', { method: 'POST', body: JSON.stringify({ url: 'https://shop.example/both', slug: 'both-nodes' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    let answered = 0;
    const click = async (node: ServerProcess) => (await visit(node, 'both-nodes')).status === 302 && ++answered > 0;
    await until(() => click(b), 1_000);
    for (let i = 0; i < 6; i++) expect(await click(i % 2 ? a : b)).toBe(true);
    const clicks = async (node: ServerProcess) => {
      const res = await fetch(`${node.origin}/api/stats/summary?link=${id}`, { headers: { authorization: `Bearer ${key}` } });
      return res.status === 200 ? ((await res.json()) as { visits: number }).visits : -1;
    };
    // Each node ships its own spool to ClickHouse; within seconds both count every click either answered.
    // Within the rate limit: two questions a second.
    await until(async () => (await clicks(a)) === answered && (await clicks(b)) === answered, 10_000, 1_000);
  }, 30_000);
});
