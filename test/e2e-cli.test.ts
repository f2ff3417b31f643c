// End to end: the real CLI creates a key and a link, the real server answers chat apps and people over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { ensureBuilt, runCli, startServer, type ServerProcess } from './helpers/cli-process.js';

let dataDir: string;
let server: ServerProcess;
let key: string;
let shortUrl: string;

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'));
  const keyOut = runCli(['keys', 'create', '--name', 'e2e', '--data-dir', dataDir]).trim().split('\n');
  key = keyOut[keyOut.length - 1];
  const linkOut = runCli(['links', 'create', 'https://shop.example/launch?x=1', '--slug', 'launch', '--title', 'Launch night', '--data-dir', dataDir]).trim().split('\n');
  shortUrl = linkOut[linkOut.length - 1];
  server = await startServer(dataDir);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const hit = (path: string, ua: string) => fetch(`${server.origin}${path}`, { redirect: 'manual', headers: { 'user-agent': ua } });

test('keys create prints the key alone on its last line; links create prints the short URL', () => {
  expect(key).toMatch(/^lk_[0-9A-Za-z]{32}$/);
  expect(shortUrl).toBe('http://localhost:8080/launch');
});

test('pasting the link into WhatsApp and Telegram records two shares; a click records a visit with its token', async () => {
  const wa = await hit('/launch', UA.whatsapp);
  expect(wa.status).toBe(200);
  expect(await wa.text()).toContain('og:title" content="Launch night"');
  expect((await hit('/launch', UA.telegram)).status).toBe(200);
  const click = await hit('/launch', UA.safariIphone);
  expect(click.status).toBe(302);
  expect(click.headers.get('location')).toMatch(/^https:\/\/shop\.example\/launch\?x=1&ls=[A-Za-z0-9_-]{12}$/);
  const api = (path: string) => fetch(`${server.origin}${path}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());
  const summary = await api('/api/stats/summary');
  expect(summary).toMatchObject({ visits: 1, visitors: 1, shares: 2, sharesByPlatform: { whatsapp: 1, telegram: 1 } });
  const platforms = await api('/api/stats/breakdown?by=platform');
  // The click came with no referrer and no in-app marker: a dark-social visit from an unknown platform.
  expect(platforms.rows.map((r: { key: string; shares: number; visits: number }) => [r.key, r.shares, r.visits]).sort()).toEqual([['telegram', 1, 0], ['unknown', 0, 1], ['whatsapp', 1, 0]]);
});

test('health, readiness, OpenAPI and docs answer', async () => {
  expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  expect(await (await fetch(`${server.origin}/readyz`)).json()).toMatchObject({ status: 'ready' });
  const doc = await (await fetch(`${server.origin}/api/openapi.json`)).json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/links', '/api/stats/summary', '/api/stats/breakdown', '/api/collect']));
  expect((await fetch(`${server.origin}/api/docs/`)).status).toBe(200);
});

test('bad CLI arguments fail with one clear line', () => {
  expect(() => runCli(['links', 'create', 'javascript:alert(1)', '--data-dir', dataDir])).toThrow(/only http: and https: are allowed/);
  expect(() => runCli(['start', '--port', 'eighty'])).toThrow(/expected a port number/);
  expect(() => runCli(['keys', 'create', '--name', 'x', '--data-dir', dataDir], { LANTERN_DATABASE_URL: 'mysql://x' })).toThrow(/LANTERN_DATABASE_URL/);
  // PostgreSQL: the shared secret is required, and an unreachable server is named (port 1 refuses at once).
  expect(() => runCli(['migrate', '--data-dir', dataDir], { LANTERN_DATABASE_URL: 'postgres://lantern@127.0.0.1:1/lantern', LANTERN_SECRET: '' }))
    .toThrow(/LANTERN_SECRET: must be set, the same on every node/);
  expect(() => runCli(['migrate', '--data-dir', dataDir], { LANTERN_DATABASE_URL: 'postgres://lantern@127.0.0.1:1/lantern', LANTERN_SECRET: 'x'.repeat(32) }))
    .toThrow(/LANTERN_DATABASE_URL: cannot open PostgreSQL at 127\.0\.0\.1:1\/lantern/);
});

test('over real HTTP (the raw fast path once the link is cached) a forwarded visit names its parent and HEAD records nothing', async () => {
  const first = await hit('/launch', UA.chromeDesktop);
  const parent = new URL(first.headers.get('location')!).searchParams.get('ls')!;
  const second = await hit(`/launch?ls=${parent}`, UA.whatsappInApp);
  expect(second.status).toBe(302);
  expect(second.headers.get('cache-control')).toBe('no-store');
  const head = await fetch(`${server.origin}/launch`, { method: 'HEAD', redirect: 'manual', headers: { 'user-agent': UA.chromeDesktop } });
  expect(head.status).toBe(302);
  expect((await hit('/nope-nope', UA.chromeDesktop)).status).toBe(404);
  const summary = await fetch(`${server.origin}/api/stats/breakdown?by=platform`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());
  const whatsapp = summary.rows.find((r: { key: string }) => r.key === 'whatsapp');
  expect(whatsapp).toMatchObject({ visits: 1, shares: 1 });
  const total = await fetch(`${server.origin}/api/stats/summary`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());
  expect(total.visits).toBe(3);
});
