// PostgreSQL going away under a running node: the API answers 503 `unavailable` within seconds (never hangs, never
// 500s), cached short links keep redirecting, /readyz says so, and everything works again once it is back.
// The outage is a TCP proxy in front of the shared test server, cut and restored; the server itself is never touched.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { TEST_DATABASE_URL, createTestDatabase, notePostgresSkipped, type TestDatabase } from './helpers/postgres.js';

notePostgresSkipped('postgres-outage');

/** A TCP proxy to PostgreSQL that can drop every connection and refuse new ones, then come back on the same port. */
class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL outage under a running node', () => {
  let db: TestDatabase;
  let proxy: CuttableProxy;
  let t: TestApp;
  let clock = Date.now();

  beforeAll(async () => {
    db = await createTestDatabase('outage');
    const direct = new URL(db.url);
    proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    t = await createTestApp({ env: { LANTERN_DATABASE_URL: viaProxy.toString() }, now: () => clock });
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await proxy?.cut().catch(() => undefined);
    await db?.drop();
  });

  it('answers 503 unavailable quickly while it is gone, keeps redirecting cached links, and recovers', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(), payload: { url: 'https://shop.example/kept', slug: 'kept' } });
    expect(created.statusCode, created.body).toBe(201);
    const person = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' };
    expect((await t.app.inject({ method: 'GET', url: '/kept', headers: person })).statusCode).toBe(302); // now cached

    await proxy.cut();
    const started = Date.now();
    const list = await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth() });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(list.statusCode, list.body).toBe(503);
    expect(list.json().error.code).toBe('unavailable');
    expect(list.json().error.message).toMatch(/PostgreSQL/);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    // The short link is cached: people keep being redirected, and their clicks are still recorded (the log is local).
    const visit = await t.app.inject({ method: 'GET', url: '/kept', headers: person });
    expect(visit.statusCode, visit.body).toBe(302);
    expect(visit.headers.location).toMatch(/^https:\/\/shop\.example\/kept\?ls=/);
    // Even once the cached entry has expired: it is served rather than failing the click. An unknown slug cannot be.
    clock += 120_000;
    const stale = await t.app.inject({ method: 'GET', url: '/kept', headers: person });
    expect(stale.statusCode, stale.body).toBe(302);
    expect((await t.app.inject({ method: 'GET', url: '/never-seen', headers: person })).statusCode).toBe(503);
    // A chat app's preview fetcher still gets the card (the link's own fields, the destination unreachable here).
    const preview = await t.app.inject({ method: 'GET', url: '/kept', headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('og:title');

    await proxy.open();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth() })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 40_000);
});
