// ClickHouse unreachable: the spool keeps answering until its bound, then refuses (503) rather than drop; stats say 503, not hang.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { createApiKey } from '../src/auth/api-keys.js';
import { getOrCreateWorkspace } from '../src/auth/workspaces.js';
import { loadConfig } from '../src/config.js';
import type { Services } from '../src/services.js';
import { createStores, type Stores } from '../src/store/index.js';
import { UA } from './fixtures/user-agents.js';
import { freePort } from './helpers/cli-process.js';

let app: FastifyInstance & { services: Services };
let stores: Stores;
let dataDir: string;
let auth: { authorization: string };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-spool-'));
  // Nothing listens on this port: ClickHouse is down for the whole test. The spool holds about 4 events.
  const url = `http://127.0.0.1:${await freePort()}/lantern?spool_max_bytes=2000`;
  const config = loadConfig({ LANTERN_CLICKHOUSE_URL: url, LANTERN_RATE_LIMIT: '100000' }, { dataDir, baseUrl: 'http://lnt.test', secret: 's'.repeat(32) });
  stores = await createStores(config);
  app = await buildApp(config, stores, { logger: false, ingest: { catchUpTimeoutMs: 300, closeDrainMs: 0 } });
  const ws = await getOrCreateWorkspace(stores.meta, 'default', Date.now());
  auth = { authorization: `Bearer ${(await createApiKey(stores.meta, ws.id, 'test', undefined, Date.now())).key}` };
  const link = await app.inject({ method: 'POST', url: '/api/links', headers: auth, payload: { url: 'https://shop.example/launch', slug: 'launch' } });
  expect(link.statusCode, link.body).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await stores?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('with ClickHouse down, redirects answer 302 until the spool is full, then 503 unavailable: nothing is dropped silently', async () => {
  const statuses: number[] = [];
  let refusal: { error: { code: string; message: string } } | null = null;
  for (let i = 0; i < 20; i++) {
    const res = await app.inject({ method: 'GET', url: '/launch', headers: { 'user-agent': UA.chromeDesktop } });
    statuses.push(res.statusCode);
    if (res.statusCode === 503) refusal ??= res.json();
  }
  const answered = statuses.filter((s) => s === 302).length;
  expect(answered).toBeGreaterThan(0);
  expect(statuses.slice(answered).every((s) => s === 503)).toBe(true);
  expect(refusal?.error.code).toBe('unavailable');
  expect(app.services.ingest.backlogBytes()).toBeGreaterThanOrEqual(2000);

  const ready = (await app.inject({ method: 'GET', url: '/readyz' })).json();
  expect(ready).toMatchObject({ status: 'degraded', events: 'unreachable', store: 'clickhouse', refused: 20 - answered });
  expect(ready.backlogBytes).toBeGreaterThanOrEqual(2000);
});

test('the collector refuses with 503 too while the spool is full', async () => {
  const site = await app.inject({ method: 'POST', url: '/api/sites', headers: auth, payload: { domain: 'shop.example' } });
  const res = await app.inject({
    method: 'POST', url: '/api/collect', payload: JSON.stringify({ s: site.json().id, e: 'pageview', u: 'https://shop.example/', k: 'spoolTok0001' }),
    headers: { 'content-type': 'text/plain', origin: 'https://shop.example', 'user-agent': UA.safariIphone },
  });
  expect(res.statusCode).toBe(503);
  expect(res.json().error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('spool is full') });
});

test('a stats read answers 503 naming the backlog instead of hanging', async () => {
  const started = Date.now();
  const res = await app.inject({ method: 'GET', url: '/api/stats/summary', headers: auth });
  expect(res.statusCode).toBe(503);
  expect(res.json().error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/waiting for ClickHouse \(\d+ bytes in the spool/) });
  expect(Date.now() - started).toBeLessThan(5000);
});
