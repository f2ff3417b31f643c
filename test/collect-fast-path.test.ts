// The collector's raw fast path (src/http/fast-collect.ts) over real HTTP gives the Fastify route's answers, byte for byte.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let port: number;
let siteId: string;
/** URLs of the requests Fastify saw: a request over HTTP that is not here was answered by the fast path. */
const seenByFastify: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.app.addHook('onRequest', async (req) => void seenByFastify.push(`${req.method} ${req.url}`));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
  const site = await t.app.inject({ method: 'POST', url: '/api/sites', headers: t.auth(), payload: { domain: 'shop.example' } });
  siteId = site.json().id;
});
afterAll(async () => t.close());

interface Answer { status: number; headers: Record<string, unknown>; body: string }
interface Sent { method?: string; headers?: Record<string, string>; body?: string }

// Set by the socket, not by the route: they differ between a real connection and an injected one.
const CONNECTION_HEADERS = ['date', 'connection', 'keep-alive', 'transfer-encoding'];
const routeHeaders = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([k]) => !CONNECTION_HEADERS.includes(k)));

function overHttp({ method = 'POST', headers = {}, body }: Sent): Promise<Answer & { fast: boolean }> {
  const before = seenByFastify.length;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/api/collect', headers: body === undefined || headers['transfer-encoding'] ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, headers: routeHeaders(res.headers), body: text, fast: seenByFastify.length === before }));
    });
    req.on('error', reject).end(body);
  });
}

async function throughFastify({ method = 'POST', headers = {}, body }: Sent): Promise<Answer> {
  const res = await t.app.inject({ method: method as 'POST', url: '/api/collect', headers, payload: body });
  return { status: res.statusCode, headers: routeHeaders(res.headers), body: res.body };
}

/** Sends the same request over HTTP and through app.inject (the Fastify route), and checks the answers match. */
async function same(sent: Sent): Promise<Answer & { fast: boolean }> {
  const http = await overHttp(sent);
  const { fast, ...answer } = http;
  expect(answer).toEqual(await throughFastify(sent));
  return http;
}

const hit = (patch: Record<string, unknown> = {}, headers: Record<string, string> = {}): Sent => ({
  headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example', 'user-agent': UA.safariIphone, ...headers },
  body: JSON.stringify({ s: siteId, e: 'pageview', u: 'https://shop.example/products/red-shoes', ...patch }),
});

const rows = async (tokens: string[]) => {
  await t.app.services.ingest.catchUp();
  return t.app.services.stores.events.db.prepare(`SELECT * FROM events WHERE token IN (${tokens.map(() => '?').join(',')}) ORDER BY token`).all(...tokens) as Record<string, unknown>[];
};
const dropped = async () => {
  await t.app.services.ingest.catchUp();
  return t.app.services.stores.events.droppedCounts();
};

describe('the collector fast path', () => {
  test('a page view is stored and answered 202 with CORS headers, like the route, and Fastify never sees it', async () => {
    const via = { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' };
    const http = await same(hit({ k: 'fastPathTok1', r: 'https://web.whatsapp.com/' }, via));
    expect(http).toMatchObject({ status: 202, body: '{"accepted":true}', fast: true });
    expect(http.headers).toMatchObject({ 'access-control-allow-origin': 'https://shop.example', vary: 'origin' });
    // What a beacon may send is the preflight's to say, not every answer's.
    expect(http.headers['access-control-allow-methods']).toBeUndefined();
    await throughFastify(hit({ k: 'fastifyTok01', r: 'https://web.whatsapp.com/' }, via));
    const [fromFastify, fromFastPath] = await rows(['fastPathTok1', 'fastifyTok01']);
    // Same visitor (address from X-Forwarded-For, user agent), same classification: only id and token differ.
    const { id: _a, ts: _b, token: _c, ...stored } = fromFastPath;
    const { id: _d, ts: _e, token: _f, ...expected } = fromFastify;
    expect(stored).toEqual(expected);
    expect(stored).toMatchObject({ type: 'pageview', channel: 'dark_social', platform: 'whatsapp', path: '/products/red-shoes' });
  });

  test('the CORS preflight is answered the same, without Fastify', async () => {
    const http = await same({ method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(http).toMatchObject({ status: 204, body: '', fast: true });
    expect(http.headers['access-control-allow-origin']).toBe('https://shop.example');
  });

  test('another origin, a page on another domain and an unknown site get the same errors', async () => {
    const otherOrigin = await same(hit({}, { origin: 'https://evil.example' }));
    expect(otherOrigin).toMatchObject({ status: 403, fast: true });
    expect(JSON.parse(otherOrigin.body)).toEqual({ error: { code: 'origin_not_allowed', message: "this page is not on shop.example, the site's domain", details: { domain: 'shop.example' } } });
    expect((await same(hit({ u: 'https://evil.example/' }))).status).toBe(403);
    expect((await same(hit({ u: 'javascript:alert(1)' }))).status).toBe(400);
    const unknown = await same(hit({ s: 'site_nope' }));
    expect(unknown).toMatchObject({ status: 404, fast: true });
    expect(JSON.parse(unknown.body).error.code).toBe('not_found');
  });

  test('a bot is answered 202 not accepted, and counted as dropped by both', async () => {
    const before = (await dropped()).bot ?? 0;
    const bot = await same(hit({ k: 'botFastTok01' }, { 'user-agent': UA.googlebot }));
    expect(bot).toMatchObject({ status: 202, body: '{"accepted":false,"reason":"bot"}', fast: true });
    expect((await dropped()).bot).toBe(before + 2);
    expect(await rows(['botFastTok01'])).toEqual([]);
  });

  test('malformed JSON, schema errors and values to coerce are left to Fastify, with its answers', async () => {
    const malformed = await same({ ...hit(), body: '{"s":' });
    expect(malformed).toMatchObject({ status: 400, fast: false });
    expect(JSON.parse(malformed.body).error.code).toBe('invalid_json');
    const badType = await same(hit({ e: 'purchase' }));
    expect(badType).toMatchObject({ status: 400, fast: false });
    expect(JSON.parse(badType.body).error.code).toBe('validation_failed');
    expect(await same(hit({ d: [] }))).toMatchObject({ status: 400, fast: false });
    // Fastify coerces "390" to a number: the fast path must not refuse what the route accepts.
    expect(await same(hit({ k: 'coercedTok01', w: '390' }))).toMatchObject({ status: 202, fast: false });
  });

  test('an oversized body, a chunked body and another media type are left to Fastify', async () => {
    const big = await same(hit({ d: { x: 'y'.repeat(20_000) } }));
    expect(big).toMatchObject({ status: 413, fast: false });
    expect(JSON.parse(big.body).error.code).toBe('payload_too_large');
    const xml = await same({ headers: { 'content-type': 'application/xml' }, body: '<hit/>' });
    expect(xml).toMatchObject({ status: 415, fast: false });
    const chunked = await overHttp({ ...hit(), headers: { ...hit().headers, 'transfer-encoding': 'chunked' } });
    expect(chunked).toMatchObject({ status: 202, fast: false });
  });

  test('a site changed through the API is seen at once: a new domain, then a deletion', async () => {
    const site = (await t.app.inject({ method: 'POST', url: '/api/sites', headers: t.auth(), payload: { domain: 'old.example' } })).json();
    const send = () => overHttp({ headers: { 'content-type': 'text/plain', 'user-agent': UA.safariIphone }, body: JSON.stringify({ s: site.id, e: 'pageview', u: 'https://new.example/' }) });
    expect((await send()).status).toBe(403); // cached with its old domain
    await t.app.inject({ method: 'PATCH', url: `/api/sites/${site.id}`, headers: t.auth(), payload: { domain: 'new.example' } });
    expect(await send()).toMatchObject({ status: 202, fast: true });
    await t.app.inject({ method: 'DELETE', url: `/api/sites/${site.id}`, headers: t.auth() });
    expect(await send()).toMatchObject({ status: 404, fast: true });
  });
});
