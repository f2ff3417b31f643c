// Conversions: attribution order (promo code → share token's cascade root → explicit fields), idempotency, refunds, isolation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let siteId: string;
let community: string;
let ambassador: string;
let campaign: string;
let link: { id: string; slug: string };

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, headers: t.auth(key), ...(payload !== undefined && { payload: payload as object }) });
const convert = (body: Record<string, unknown>, key?: string) => api('POST', '/api/conversions', body, key);
const summary = async (query = '') => (await api('GET', `/api/stats/summary${query}`)).json();
const collect = (body: Record<string, unknown>, ua: string = UA.safariIphone) => t.app.inject({
  method: 'POST', url: '/api/collect', headers: { 'content-type': 'text/plain', origin: 'https://shop.example', 'user-agent': ua }, payload: JSON.stringify({ s: siteId, e: 'pageview', ...body }),
});
/** A person clicks the link (in WhatsApp's in-app browser); returns the share token minted for the visit. */
const click = async (slug: string, ua: string = UA.whatsappInApp) => {
  const res = await t.app.inject({ method: 'GET', url: `/${slug}`, headers: { 'user-agent': ua } });
  expect(res.statusCode).toBe(302);
  return new URL(res.headers.location as string).searchParams.get('ls')!;
};

beforeAll(async () => {
  t = await createTestApp();
  siteId = (await api('POST', '/api/sites', { domain: 'shop.example' })).json().id;
  community = (await api('POST', '/api/communities', { name: 'Runners', platform: 'whatsapp', members: 120 })).json().id;
  ambassador = (await api('POST', '/api/ambassadors', { name: 'Bo', community })).json().id;
  campaign = (await api('POST', '/api/campaigns', { name: 'Launch' })).json().id;
  link = (await api('POST', '/api/links', { url: 'https://shop.example/drop', community, ambassador, campaign })).json();
});
afterAll(async () => t.close());

describe('attribution', () => {
  test('a grandchild visit\'s token credits the root link\'s community, ambassador and campaign', async () => {
    const root = await click(link.slug);
    // The landing page view names the click; a friend opens the forwarded page; that friend's friend converts.
    expect((await collect({ u: `https://shop.example/drop?ls=${root}`, p: root, k: 'childTok0001' })).statusCode).toBe(202);
    expect((await collect({ u: 'https://shop.example/drop', p: 'childTok0001', k: 'grandTok0001' }, UA.firefoxAndroid)).statusCode).toBe(202);
    const res = await convert({ orderId: 'grand-1', value: 42.5, currency: 'eur', token: 'grandTok0001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      id: expect.stringMatching(/^cnv_/), orderId: 'grand-1', value: 42.5, currency: 'EUR', token: 'grandTok0001', refunded: false,
      attribution: { method: 'share_token', offer: null, link: link.id, community, ambassador, campaign, rootToken: root, platform: 'whatsapp', channel: 'dark_social' },
    });
    expect(res.json().attribution.path).toEqual([`share_token:grandTok0001 → root ${root} → link ${link.id}`]);
    const byAmbassador = (await api('GET', '/api/stats/breakdown?by=ambassador')).json().rows.find((r: { key: string }) => r.key === ambassador);
    expect(byAmbassador).toMatchObject({ conversions: 1, revenue: 42.5 });
  });

  test('a promo code wins over a share token and explicit fields', async () => {
    const other = (await api('POST', '/api/communities', { name: 'Moms', platform: 'signal' })).json().id;
    const offer = (await api('POST', '/api/offers', { code: 'MOMS10', community: other })).json();
    const token = await click(link.slug);
    const res = await convert({ orderId: 'code-1', value: 10, promoCode: 'moms10', token, community });
    expect(res.json().attribution).toMatchObject({ method: 'promo_code', offer: offer.id, community: other, ambassador: null, link: null, channel: 'dark_social' });
  });

  test('an unknown token falls through to explicit fields; nothing at all is unattributed and direct', async () => {
    const explicit = await convert({ orderId: 'explicit-1', value: 3, token: 'nobodyTok001', link: link.id, community });
    expect(explicit.json().attribution).toMatchObject({ method: 'explicit', link: link.id, community, ambassador, campaign, rootToken: null, channel: 'direct' });
    expect(explicit.json().attribution.path).toEqual(['share_token:nobodyTok001 → unknown token', `explicit:link ${link.id}, community ${community}`]);
    const none = await convert({ value: 1 });
    expect(none.statusCode).toBe(201);
    expect(none.json().attribution).toMatchObject({ method: 'unattributed', community: null, channel: 'direct', path: ['unattributed: no promo code, share token or explicit fields'] });
  });

  test('another workspace\'s share token is unknown here', async () => {
    const token = await click(link.slug);
    const res = await convert({ orderId: 'theirs-1', token }, t.other.key);
    expect(res.json().attribution).toMatchObject({ method: 'unattributed', rootToken: null });
  });
});

describe('idempotency and refunds', () => {
  test('the same order twice answers the first conversion (201, then 200) and counts once in the summary', async () => {
    const before = await summary(`?community=${community}`);
    const first = await convert({ orderId: 'twice-1', value: 30, community });
    const second = await convert({ orderId: 'twice-1', value: 999, community });
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json()).toEqual(first.json());
    const after = await summary(`?community=${community}`);
    expect(after.conversions - before.conversions).toBe(1);
    expect(after.revenue - before.revenue).toBe(30);
  });

  test('a refund lowers revenue, is not a conversion, and a second refund changes nothing', async () => {
    await convert({ orderId: 'refund-1', value: 80, currency: 'EUR', community });
    const before = await summary(`?community=${community}`);
    const refund = await api('DELETE', '/api/conversions/refund-1');
    expect(refund.statusCode, refund.body).toBe(200);
    expect(refund.json()).toMatchObject({ orderId: 'refund-1', value: 80, refunded: true, refundedAt: expect.any(String) });
    const after = await summary(`?community=${community}`);
    expect(after.revenue).toBeCloseTo(before.revenue - 80, 2);
    expect(after.conversions).toBe(before.conversions);
    expect((await api('DELETE', '/api/conversions/refund-1')).json().refunded).toBe(true);
    expect(await summary(`?community=${community}`)).toMatchObject({ revenue: after.revenue, conversions: after.conversions });
    const listed = (await api('GET', '/api/conversions')).json().items.find((c: { orderId: string }) => c.orderId === 'refund-1');
    expect(listed.refunded).toBe(true);
  });

  test('refunding an unknown order, or another workspace\'s, is a 404', async () => {
    expect((await api('DELETE', '/api/conversions/no-such-order')).statusCode).toBe(404);
    expect((await api('DELETE', '/api/conversions/twice-1', undefined, t.other.key)).statusCode).toBe(404);
  });
});

describe('validation and isolation', () => {
  test.each([
    ['a negative value', { value: -5 }, 400, 'validation_failed'],
    ['a currency that is not a code', { currency: 'euro' }, 400, 'validation_failed'],
    ['a malformed token', { token: '<script>' }, 400, 'validation_failed'],
    ['an unknown field', { amount: 3 }, 400, 'validation_failed'],
    ['an unknown link', { link: 'lnk_nope' }, 422, 'unprocessable'],
    ['an unknown ambassador', { ambassador: 'amb_nope' }, 422, 'unprocessable'],
  ])('%s is refused', async (_name, body, status, code) => {
    const res = await convert(body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  test('another workspace can neither reference my community nor see my conversions', async () => {
    expect((await convert({ community }, t.other.key)).statusCode).toBe(422);
    const mine = (await convert({ orderId: 'private-1', value: 1 })).json();
    expect((await api('GET', `/api/conversions/${mine.id}`)).statusCode).toBe(200);
    expect((await api('GET', `/api/conversions/${mine.id}`, undefined, t.other.key)).statusCode).toBe(404);
    expect((await api('GET', '/api/conversions', undefined, t.other.key)).json().items.map((c: { id: string }) => c.id)).not.toContain(mine.id);
    // The same order id in another workspace is another order.
    expect((await convert({ orderId: 'private-1', value: 2 }, t.other.key)).statusCode).toBe(201);
  });
});
