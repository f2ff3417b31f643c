// Offers (promo codes): validation, workspace isolation, validity windows and use limits under concurrent conversions.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let clock = Date.parse('2026-03-10T12:00:00Z');
let communityId: string;
let ambassadorId: string;

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, headers: t.auth(key), ...(payload !== undefined && { payload: payload as object }) });
const convert = (body: Record<string, unknown>) => api('POST', '/api/conversions', body);
let orderSeq = 0;
const order = () => `order-${++orderSeq}`;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  communityId = (await api('POST', '/api/communities', { name: 'Runners', platform: 'whatsapp' })).json().id;
  ambassadorId = (await api('POST', '/api/ambassadors', { name: 'Ana', community: communityId })).json().id;
});
afterAll(async () => t.close());

describe('/api/offers', () => {
  test('an offer is created with its references and answers the object itself', async () => {
    const res = await api('POST', '/api/offers', { code: ' Spring25 ', community: communityId, ambassador: ambassadorId, maxUses: 100, validTo: '2026-12-31T00:00:00Z' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: expect.stringMatching(/^off_/), code: 'Spring25', community: communityId, ambassador: ambassadorId, campaign: null, maxUses: 100, uses: 0, validFrom: null, validTo: '2026-12-31T00:00:00.000Z' });
    expect((await api('GET', `/api/offers/${res.json().id}`)).json().code).toBe('Spring25');
  });

  test('codes are unique per workspace whatever their case: 409 conflict; another workspace may reuse a code', async () => {
    expect((await api('POST', '/api/offers', { code: 'DUPE10' })).statusCode).toBe(201);
    const again = await api('POST', '/api/offers', { code: 'dupe10' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect((await api('POST', '/api/offers', { code: 'dupe10' }, t.other.key)).statusCode).toBe(201);
    const other = (await api('POST', '/api/offers', { code: 'OTHER10' })).json();
    const renamed = await api('PATCH', `/api/offers/${other.id}`, { code: 'Dupe10' });
    expect(renamed.statusCode).toBe(409);
  });

  test.each([
    ['a blank code', { code: '   ' }, 400, 'validation_failed'],
    ['a code with markup', { code: '<b>X</b>' }, 400, 'validation_failed'],
    ['zero uses', { code: 'ZERO', maxUses: 0 }, 400, 'validation_failed'],
    ['a window that ends before it starts', { code: 'WIN', validFrom: '2026-05-01T00:00:00Z', validTo: '2026-04-01T00:00:00Z' }, 400, 'validation_failed'],
    ['a date that is not a date', { code: 'DATE', validTo: 'tomorrow' }, 400, 'validation_failed'],
    ['an unknown field', { code: 'EXTRA', discount: 10 }, 400, 'validation_failed'],
    ['an unknown community', { code: 'REF1', community: 'com_nope' }, 422, 'unprocessable'],
    ['an unknown campaign', { code: 'REF2', campaign: 'cmp_nope' }, 422, 'unprocessable'],
  ])('%s is refused', async (_name, body, status, code) => {
    const res = await api('POST', '/api/offers', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  test('another workspace\'s community cannot be referenced, and its offers are invisible (404)', async () => {
    const theirs = (await api('POST', '/api/communities', { name: 'Theirs', platform: 'discord' }, t.other.key)).json();
    expect((await api('POST', '/api/offers', { code: 'STEAL', community: theirs.id })).statusCode).toBe(422);
    const mine = (await api('POST', '/api/offers', { code: 'MINE1' })).json();
    for (const method of ['GET', 'DELETE'] as const) expect((await api(method, `/api/offers/${mine.id}`, undefined, t.other.key)).statusCode).toBe(404);
    expect((await api('PATCH', `/api/offers/${mine.id}`, { maxUses: 1 }, t.other.key)).statusCode).toBe(404);
    expect((await api('GET', '/api/offers', undefined, t.other.key)).json().items.map((o: { id: string }) => o.id)).not.toContain(mine.id);
    expect((await api('GET', `/api/offers/${mine.id}`)).json().maxUses).toBeNull();
    expect((await api('DELETE', `/api/offers/${mine.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/offers/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('promo codes in conversions', () => {
  test('the validity window includes validFrom and excludes validTo, to the millisecond', async () => {
    const from = Date.parse('2026-03-10T12:00:00Z');
    const to = Date.parse('2026-03-10T13:00:00Z');
    const offer = (await api('POST', '/api/offers', { code: 'WINDOW', community: communityId, validFrom: new Date(from).toISOString(), validTo: new Date(to).toISOString() })).json();
    const methodAt = async (ts: number) => {
      clock = ts;
      const res = await convert({ orderId: order(), value: 10, promoCode: 'window' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().attribution;
    };
    const early = await methodAt(from - 1);
    expect(early).toMatchObject({ method: 'unattributed', offer: null });
    expect(early.path[0]).toBe(`promo_code:WINDOW → offer ${offer.id} not valid yet`);
    expect(await methodAt(from)).toMatchObject({ method: 'promo_code', offer: offer.id, community: communityId });
    expect(await methodAt(to - 1)).toMatchObject({ method: 'promo_code', offer: offer.id });
    const late = await methodAt(to);
    expect(late.method).toBe('unattributed');
    expect(late.path[0]).toBe(`promo_code:WINDOW → offer ${offer.id} expired`);
    expect((await api('GET', `/api/offers/${offer.id}`)).json().uses).toBe(2);
    clock = Date.parse('2026-03-10T12:00:00Z');
  });

  test('a code limited to N uses is granted exactly N times under concurrent conversions', async () => {
    const offer = (await api('POST', '/api/offers', { code: 'FIRST3', ambassador: ambassadorId, maxUses: 3 })).json();
    const results = await Promise.all(Array.from({ length: 12 }, () => convert({ orderId: order(), value: 20, promoCode: 'first3' })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const methods = results.map((r) => r.json().attribution.method);
    expect(methods.filter((m) => m === 'promo_code')).toHaveLength(3);
    expect(methods.filter((m) => m === 'unattributed')).toHaveLength(9);
    expect(results.find((r) => r.json().attribution.method === 'unattributed')!.json().attribution.path[0]).toBe(`promo_code:FIRST3 → offer ${offer.id} used up`);
    expect((await api('GET', `/api/offers/${offer.id}`)).json().uses).toBe(3);
  });

  test('a single-use code is granted once, and replaying the same order never takes a second use', async () => {
    const offer = (await api('POST', '/api/offers', { code: 'ONCE', maxUses: 1 })).json();
    const orderId = order();
    const same = await Promise.all(Array.from({ length: 5 }, () => convert({ orderId, value: 5, promoCode: 'ONCE' })));
    expect(new Set(same.map((r) => r.json().id)).size).toBe(1);
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(same[0].json().attribution.method).toBe('promo_code');
    expect((await api('GET', `/api/offers/${offer.id}`)).json().uses).toBe(1);
    expect((await convert({ orderId: order(), promoCode: 'ONCE' })).json().attribution.method).toBe('unattributed');
  });
});
