// The collector (POST /api/collect) and share cascades that join tracked-link clicks to site page views.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp();
  const site = await t.app.inject({ method: 'POST', url: '/api/sites', headers: t.auth(), payload: { domain: 'https://www.Shop.example/', name: 'Shop' } });
  expect(site.statusCode).toBe(201);
  expect(site.json().domain).toBe('shop.example');
  siteId = site.json().id;
});
afterAll(async () => t.close());

const collect = (body: unknown, headers: Record<string, string> = {}) => t.app.inject({
  method: 'POST', url: '/api/collect',
  headers: { 'content-type': 'text/plain', origin: 'https://shop.example', 'user-agent': UA.safariIphone, ...headers },
  payload: typeof body === 'string' ? body : JSON.stringify(body),
});
const rows = async (where = '1 = 1') => {
  await t.app.services.ingest.catchUp();
  return t.app.services.stores.events.db.prepare(`SELECT * FROM events WHERE site_id = ? AND ${where} ORDER BY rowid`).all(siteId) as Record<string, unknown>[];
};

describe('POST /api/collect', () => {
  test('a page view is stored once durable (202) with its classification and without the ls token in the path', async () => {
    const res = await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/products/red-shoes?ls=parentTok1', r: '', k: 'childToken01', p: 'parentTok1', w: 390 });
    expect(res.statusCode).toBe(202);
    expect(res.headers['access-control-allow-origin']).toBe('https://shop.example');
    const [row] = await rows("token = 'childToken01'");
    // No referrer, deep page: the Chartbeat rule says dark social.
    expect(row).toMatchObject({ type: 'pageview', path: '/products/red-shoes', parent: 'parentTok1', channel: 'dark_social', device: 'mobile' });
  });

  test('the home page with no referrer is direct; a Google referrer is search; a WhatsApp web referrer is dark social', async () => {
    await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/', k: 'homeToken001' });
    await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/a/b', r: 'https://www.google.fr/', k: 'searchTok001' });
    await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/a/b', r: 'https://web.whatsapp.com/', k: 'waWebTok0001' });
    const got = Object.fromEntries((await rows("token IN ('homeToken001', 'searchTok001', 'waWebTok0001')")).map((r) => [r.token, [r.channel, r.platform]]));
    expect(got).toEqual({ homeToken001: ['direct', 'unknown'], searchTok001: ['search', 'unknown'], waWebTok0001: ['dark_social', 'whatsapp'] });
  });

  test('copy and share events keep kind, length and target, never text', async () => {
    await collect({ s: siteId, e: 'copy', u: 'https://shop.example/x', k: 'copyToken001', d: { kind: 'text', len: 240 } });
    await collect({ s: siteId, e: 'share', u: 'https://shop.example/x', k: 'shareTok0001', d: { target: 'whatsapp' } });
    const [copy] = await rows("token = 'copyToken001'");
    expect(JSON.parse(String(copy.data))).toEqual({ kind: 'text', len: 240 });
    const [share] = await rows("token = 'shareTok0001'");
    expect(share).toMatchObject({ type: 'share', platform: 'whatsapp' });
  });

  test.each([
    ['a page on another domain', { u: 'https://evil.example/' }, {}, 403, 'origin_not_allowed'],
    ['another origin', {}, { origin: 'https://evil.example' }, 403, 'origin_not_allowed'],
    ['an unknown site', { s: 'site_nope' }, {}, 404, 'not_found'],
    ['a javascript: page URL', { u: 'javascript:alert(1)' }, {}, 400, 'validation_failed'],
    ['an unknown event type', { e: 'purchase' }, {}, 400, 'validation_failed'],
  ])('%s is refused', async (_name, patch, headers, status, code) => {
    const res = await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/', ...patch }, headers as Record<string, string>);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  test('a malformed parent token or an over-long referrer loses that field, not the page view', async () => {
    const res = await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/lenient', k: 'lenientTok01', p: '<b>bad</b>', r: `https://web.whatsapp.com/${'x'.repeat(3000)}` });
    expect(res.statusCode).toBe(202);
    const [row] = await rows("token = 'lenientTok01'");
    expect(row).toMatchObject({ parent: null, path: '/lenient' });
  });

  test('malformed and oversized bodies get a 400 / 413 and break nothing', async () => {
    const bad = await collect('{"s":');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const big = await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/', d: { x: 'y'.repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    expect((await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/ok' })).statusCode).toBe(202);
  });

  test('bots and Global Privacy Control are dropped, counted by reason, and still answered 202', async () => {
    const bot = await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/', k: 'botToken0001' }, { 'user-agent': UA.googlebot });
    expect(bot.statusCode).toBe(202);
    expect(bot.json()).toEqual({ accepted: false, reason: 'bot' });
    const gpc = await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/', k: 'gpcToken0001' }, { 'sec-gpc': '1' });
    expect(gpc.json()).toEqual({ accepted: false, reason: 'privacy_signal' });
    expect(await rows("token IN ('botToken0001', 'gpcToken0001')")).toEqual([]);
    await t.app.services.ingest.catchUp();
    expect(t.app.services.stores.events.droppedCounts()).toMatchObject({ bot: 1, privacy_signal: 1 });
  });

  test('CORS preflight answers', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/collect', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe('cascades', () => {
  test('a click on a link and three generations of forwarded page views form one tree of depth 3', async () => {
    const link = (await t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(), payload: { url: 'https://shop.example/drop' } })).json();
    const click = await t.app.inject({ method: 'GET', url: `/${link.slug}`, headers: { 'user-agent': UA.chromeDesktop } });
    const t0 = new URL(click.headers.location as string).searchParams.get('ls')!;
    // The landing page view reports the click's token as parent, then each forward names the previous page view.
    await collect({ s: siteId, e: 'pageview', u: `https://shop.example/drop?ls=${t0}`, p: t0, k: 'genOneTok001' });
    await t.app.inject({ method: 'GET', url: `/${link.slug}?ls=genOneTok001`, headers: { 'user-agent': UA.whatsapp } }); // shared into WhatsApp
    await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/drop', p: 'genOneTok001', k: 'genTwoTok001' }, { 'user-agent': UA.whatsappInApp });
    await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/drop', p: 'genTwoTok001', k: 'genThreeTk01' }, { 'user-agent': UA.firefoxAndroid });
    await collect({ s: siteId, e: 'pageview', u: 'https://shop.example/drop', p: 'genOneTok001', k: 'genTwoTok002' }, { 'user-agent': UA.chromeDesktop });

    const res = await t.app.inject({ method: 'GET', url: `/api/cascades?link=${link.id}`, headers: t.auth() });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.summary).toMatchObject({ count: 1, maxDepth: 3 });
    const [tree] = body.trees;
    expect(tree).toMatchObject({ size: 5, depth: 3, breadth: [1, 1, 2, 1], shares: 1 });
    expect(tree.platforms).toContain('whatsapp');
    expect(tree.root.token).toBe(t0);
    expect(tree.root.children[0].shares).toEqual([{ platform: 'whatsapp', ts: expect.any(String) }]);
    expect(JSON.stringify(body)).not.toMatch(/visitor/);

    const one = await t.app.inject({ method: 'GET', url: '/api/cascades/genThreeTk01', headers: t.auth() });
    expect(one.json().rootToken).toBe(t0);
    const bySite = (await t.app.inject({ method: 'GET', url: `/api/cascades?site=${siteId}`, headers: t.auth() })).json();
    expect(bySite.trees.some((x: { rootToken: string }) => x.rootToken === t0)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/cascades/unknownTok99', headers: t.auth() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/cascades?link=${link.id}`, headers: t.auth(t.other.key) })).json().trees).toEqual([]);
  });

  test('stats count page views with clicks: darkSocialShare, breakdown by path', async () => {
    const summary = (await t.app.inject({ method: 'GET', url: `/api/stats/summary?site=${siteId}`, headers: t.auth() })).json();
    expect(summary.visits).toBeGreaterThan(5);
    expect(summary.darkSocialShare).toBeGreaterThan(0);
    expect(summary.darkSocialShare).toBeLessThan(1);
    const paths = (await t.app.inject({ method: 'GET', url: `/api/stats/breakdown?by=path&site=${siteId}`, headers: t.auth() })).json();
    expect(paths.rows.find((r: { key: string }) => r.key === '/drop').visits).toBe(4);
  });
});
