// /api/webhooks over real HTTP to a local receiver: signatures, retries with backoff, private targets, roles, isolation.
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { createUser } from '../src/auth/accounts.js';
import { verifySignature } from '../src/alerts/sign-payload.js';
import { isPrivateAddress } from '../src/links/ssrf-guard.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { startReceiver, type Receiver } from './webhooks-receiver.js';

let t: TestApp;
let receiver: Receiver;
let writeKey: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.ready();
  t.app.services.alerts.scheduler.stop();
  t.app.services.alerts.deliveries.configure({ pollMs: 25, backoffBaseMs: 150 });
  receiver = await startReceiver();
  writeKey = (await createApiKey(t.app.services.meta, t.workspace.id, 'writer', ['read', 'write'], Date.now())).key;
  for (const role of ['owner', 'admin', 'viewer'] as const) await createUser(t.app.services.meta, `${role}@example.com`, `${role}-password-1`, role, t.workspace, Date.now());
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = t.auth()) => t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string> = t.auth()) => t.app.inject({ method: 'GET', url, headers });

async function session(role: 'owner' | 'admin' | 'viewer') {
  const res = await post('/api/auth/login', { email: `${role}@example.com`, password: `${role}-password-1` }, {});
  return { cookie: String(res.headers['set-cookie']).split(';')[0], 'x-lantern-csrf': res.json().csrfToken as string };
}

/** A webhook to the local receiver (allowed: the test key has the admin scope). */
async function localHook(extra: Record<string, unknown> = {}) {
  const res = await post('/api/webhooks', { url: receiver.url, allowPrivate: true, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string };
}

async function waitForDelivery(hookId: string, id: string, status: string) {
  for (let i = 0; i < 500; i++) {
    const d = (await get(`/api/webhooks/${hookId}/deliveries`)).json().items.find((x: { id: string }) => x.id === id);
    if (d?.status === status) return d;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`delivery ${id} never became ${status}`);
}

describe('managing webhooks', () => {
  test('the secret is shown once at creation; later reads never return it', async () => {
    const res = await post('/api/webhooks', { url: 'https://hooks.example.com/lantern' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ url: 'https://hooks.example.com/lantern', format: 'json', events: ['alert.opened', 'alert.closed', 'test'], allowPrivate: false, enabled: true });
    expect(created.secret).toMatch(/^whsec_/);
    const read = (await get(`/api/webhooks/${created.id}`)).json();
    expect(read).not.toHaveProperty('secret');
    expect(JSON.stringify((await get('/api/webhooks')).json())).not.toContain(created.secret);
    const row = (await t.app.services.meta.sql.get<{ secret: string }>('SELECT secret FROM webhooks WHERE id = ?', [created.id]))!;
    expect(row.secret).not.toContain(created.secret);

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${created.id}`, headers: t.auth(), payload: { events: ['alert.opened'], rotateSecret: true } });
    expect(patched.json()).toMatchObject({ events: ['alert.opened'] });
    expect(patched.json().secret).toMatch(/^whsec_/);
    expect(patched.json().secret).not.toBe(created.secret);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${created.id}`, headers: t.auth() })).statusCode).toBe(204);
    expect((await get(`/api/webhooks/${created.id}`)).statusCode).toBe(404);
  });

  test('Slack and Discord URLs are recognised', async () => {
    expect((await post('/api/webhooks', { url: 'https://hooks.slack.com/services/T0/B0/xyz' })).json().format).toBe('slack');
    expect((await post('/api/webhooks', { url: 'https://discord.com/api/webhooks/1/abc' })).json().format).toBe('discord');
  });

  test('bad input is a 400 naming the problem', async () => {
    const cases: [unknown, string][] = [
      [{ url: 'ftp://example.com/x' }, 'invalid_url'],
      [{ url: 'https://example.com', events: ['alert.exploded'] }, 'validation_failed'],
      [{ url: 'https://example.com', secret: 'short' }, 'validation_failed'],
      [{ url: 'https://example.com', extra: 1 }, 'validation_failed'],
    ];
    for (const [payload, code] of cases) {
      const res = await post('/api/webhooks', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
  });
});

describe('private targets', () => {
  test('loopback, private and link-local targets are refused without allowPrivate', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'http://192.168.1.10/']) {
      const res = await post('/api/webhooks', { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('unsafe_url');
    }
  });

  test('the owner and an admin API key (the operators\') may allow them; a workspace admin who is not the owner may not', async () => {
    expect((await post('/api/webhooks', { url: 'http://127.0.0.1:9/hook', allowPrivate: true })).statusCode).toBe(201);
    expect((await post('/api/webhooks', { url: 'http://192.168.1.20/hook', allowPrivate: true }, await session('owner'))).statusCode).toBe(201);
    const admin = await session('admin');
    const refused = await post('/api/webhooks', { url: 'http://127.0.0.1:9/hook', allowPrivate: true }, admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'forbidden', details: { field: 'allowPrivate' } });
    expect((await post('/api/webhooks', { url: 'https://example.com/hook' }, admin)).statusCode).toBe(201);
  });

  test('a non-owner cannot re-aim a webhook that may reach private addresses', async () => {
    const hook = await localHook();
    const admin = await session('admin');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, headers: admin, payload: { url: 'http://10.0.0.5/steal' } });
    expect(res.statusCode).toBe(403);
  });

  test('keys without the admin scope and viewers cannot manage webhooks at all', async () => {
    expect((await post('/api/webhooks', { url: 'https://example.com' }, t.auth(writeKey))).statusCode).toBe(403);
    expect((await get('/api/webhooks', await session('viewer'))).statusCode).toBe(403);
  });
});

describe('deliveries', () => {
  test('a test event arrives signed over the raw body, with the event and delivery headers', async () => {
    const hook = await localHook();
    const before = receiver.received.length;
    const res = await post(`/api/webhooks/${hook.id}/test`, {});
    expect(res.statusCode, res.body).toBe(200);
    const delivery = res.json();
    expect(delivery).toMatchObject({ webhook: hook.id, event: 'test', status: 'succeeded', attempts: 1, lastStatusCode: 200, responseExcerpt: 'ok', nextAttemptAt: null });
    expect(delivery.lastLatencyMs).toBeGreaterThanOrEqual(0);
    const got = receiver.received[before];
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-lantern-event']).toBe('test');
    expect(got.headers['x-lantern-delivery']).toBe(delivery.id);
    expect(verifySignature(got.raw, hook.secret, String(got.headers['x-lantern-signature']))).toBe(true);
    expect(verifySignature(got.raw, 'whsec_someone-else-entirely', String(got.headers['x-lantern-signature']))).toBe(false);
    expect(got.json).toEqual({ event: 'test', delivery: delivery.id, alert: null, workspace: { id: t.workspace.id, slug: 'default' } });
  });

  test('a failing receiver is retried with backoff until it accepts; nothing is sent after success', async () => {
    const hook = await localHook();
    const start = receiver.received.length;
    receiver.respond = (n) => (n - start <= 2 ? { status: 500, body: 'boom' } : { status: 204 });
    const first = (await post(`/api/webhooks/${hook.id}/test`, {})).json();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, responseExcerpt: 'boom' });
    const done = await waitForDelivery(hook.id, first.id, 'succeeded');
    expect(done.attempts).toBe(3);
    expect(done.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204]);
    for (const a of done.attemptLog) expect(a.latencyMs).toBeGreaterThanOrEqual(0);
    // Backoff: the second retry waited about twice as long as the first (150 ms, then 300 ms, + ≤ 25 % jitter).
    const at = done.attemptLog.map((a: { at: string }) => Date.parse(a.at));
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(150);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(300);
    await new Promise((r) => setTimeout(r, 600));
    const sent = receiver.received.slice(start);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.headers['x-lantern-delivery']))).toEqual(new Set([first.id]));
    expect(new Set(sent.map((r) => r.raw)).size).toBe(1);
    receiver.respond = () => ({ status: 200, body: 'ok' });
  });

  test('only the first kilobyte of an answer is kept, and a silent receiver times out', async () => {
    const hook = await localHook();
    receiver.respond = () => ({ status: 200, body: 'x'.repeat(5000) });
    const big = (await post(`/api/webhooks/${hook.id}/test`, {})).json();
    expect(big.responseExcerpt).toHaveLength(1024);
    t.app.services.alerts.deliveries.configure({ timeoutMs: 300 });
    receiver.respond = () => 'hang';
    const slow = (await post(`/api/webhooks/${hook.id}/test`, {})).json();
    expect(slow).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: 'timed out after 300 ms' });
    t.app.services.alerts.deliveries.configure({ timeoutMs: 5000 });
    receiver.respond = () => ({ status: 200, body: 'ok' });
    await waitForDelivery(hook.id, slow.id, 'succeeded');
  });

  test('a host name that resolves to a private address passes creation but is refused at delivery, after DNS', async () => {
    // This machine's own name resolves to a loopback or private address on most systems (/etc/hosts).
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    if (!resolved || !isPrivateAddress(resolved.address)) return;
    const port = new URL(receiver.url).port;
    const res = await post('/api/webhooks', { url: `http://${name}:${port}/hook` });
    expect(res.statusCode, res.body).toBe(201);
    const before = receiver.received.length;
    const d = (await post(`/api/webhooks/${res.json().id}/test`, {})).json();
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(d.lastError).toMatch(/non-public address/);
    expect(receiver.received.length).toBe(before);
  });
});

describe('isolation', () => {
  test('another workspace\'s webhook is a 404 everywhere', async () => {
    const hook = await localHook();
    const theirs = t.auth(t.other.key);
    expect((await get(`/api/webhooks/${hook.id}`, theirs)).statusCode).toBe(404);
    expect((await get(`/api/webhooks/${hook.id}/deliveries`, theirs)).statusCode).toBe(404);
    expect((await post(`/api/webhooks/${hook.id}/test`, {}, theirs)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, headers: theirs, payload: { enabled: false } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: theirs })).statusCode).toBe(404);
    expect((await get('/api/webhooks', theirs)).json().items).toEqual([]);
  });
});
