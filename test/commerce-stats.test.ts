// Commerce in stats: a hand-computed fixture (breakdown by community with revenue per member), the ambassador leaderboard.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
const id: Record<string, string> = {};

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: t.auth(), ...(payload !== undefined && { payload: payload as object }) });
const create = async (path: string, body: Record<string, unknown>) => {
  const res = await api('POST', path, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
/** A person (told apart by address) follows a short link; returns the visit's share token. */
const click = async (slug: string, ip: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/${slug}`, headers: { 'user-agent': UA.chromeDesktop, 'x-forwarded-for': ip } });
  return new URL(res.headers.location as string).searchParams.get('ls')!;
};
const convert = async (body: Record<string, unknown>) => expect((await api('POST', '/api/conversions', body)).statusCode).toBe(201);

beforeAll(async () => {
  t = await createTestApp();
  id.a = (await create('/api/communities', { name: 'VIP WhatsApp', platform: 'whatsapp', members: 100 })).id;
  id.b = (await create('/api/communities', { name: 'Discord server', platform: 'discord', members: 8 })).id;
  id.c = (await create('/api/communities', { name: 'Newsletter', platform: 'email' })).id;
  const linkA = await create('/api/links', { url: 'https://shop.example/a', community: id.a });
  const linkB = await create('/api/links', { url: 'https://shop.example/b', community: id.b });
  for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await click(linkA.slug, ip);
  const tokenB = await click(linkB.slug, '192.0.2.4');
  // Community A: 50 + 30, then the 30 is refunded. B: 20 through a share token. C: 7.5, named explicitly.
  await convert({ orderId: 'a-1', value: 50, community: id.a });
  await convert({ orderId: 'a-2', value: 30, community: id.a });
  expect((await api('DELETE', '/api/conversions/a-2')).statusCode).toBe(200);
  await convert({ orderId: 'b-1', value: 20, token: tokenB });
  await convert({ orderId: 'c-1', value: 7.5, community: id.c });

  id.x = (await create('/api/ambassadors', { name: 'Xavier' })).id;
  id.y = (await create('/api/ambassadors', { name: 'Yasmin' })).id;
  id.z = (await create('/api/ambassadors', { name: 'Zoe' })).id;
  const linkX = await create('/api/links', { url: 'https://shop.example/x', ambassador: id.x });
  const linkY = await create('/api/links', { url: 'https://shop.example/y', ambassador: id.y });
  for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.1']) await click(linkX.slug, ip);
  await t.app.inject({ method: 'GET', url: `/${linkX.slug}`, headers: { 'user-agent': UA.whatsapp } });
  await click(linkY.slug, '198.51.100.3');
  await convert({ orderId: 'x-1', value: 10, ambassador: id.x });
  await convert({ orderId: 'y-1', value: 5, ambassador: id.y });
  await convert({ orderId: 'y-2', value: 12, ambassador: id.y });
});
afterAll(async () => t.close());

describe('stats with conversions', () => {
  test('the summary counts every conversion once, refunds excluded, and nets the refund out of revenue', async () => {
    const summary = (await api('GET', '/api/stats/summary')).json();
    expect(summary).toMatchObject({ conversions: 7, revenue: 104.5, visits: 8 });
  });

  test('the breakdown by community matches the hand count, with revenue per member from the community records', async () => {
    const res = await api('GET', '/api/stats/breakdown?by=community');
    expect(res.statusCode).toBe(200);
    const rows = Object.fromEntries(res.json().rows.map((r: { key: string | null }) => [r.key ?? 'none', r]));
    expect(rows[id.a]).toMatchObject({ name: 'VIP WhatsApp', visits: 3, visitors: 3, conversions: 2, revenue: 50, conversionRate: 0.6667, members: 100, revenuePerMember: 0.5 });
    expect(rows[id.b]).toMatchObject({ name: 'Discord server', visits: 1, conversions: 1, revenue: 20, conversionRate: 1, members: 8, revenuePerMember: 2.5 });
    expect(rows[id.c]).toMatchObject({ name: 'Newsletter', visits: 0, conversions: 1, revenue: 7.5, members: null, revenuePerMember: null });
    // Events credited to no community: the ambassadors' links and conversions.
    expect(rows.none).toMatchObject({ conversions: 3, revenue: 27, revenuePerMember: null });
    // Other dimensions are left alone.
    const byAmbassador = (await api('GET', '/api/stats/breakdown?by=ambassador')).json();
    expect(byAmbassador.rows[0]).not.toHaveProperty('revenuePerMember');
  });
});

describe('GET /api/ambassadors/leaderboard', () => {
  const board = async (query: string) => {
    const res = await api('GET', `/api/ambassadors/leaderboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  test('rows carry visits, reach, shares, conversions and revenue; ambassadors without activity show zeros', async () => {
    const { by, rows } = await board('?by=reach');
    expect(by).toBe('reach');
    expect(rows).toEqual([
      { id: id.x, name: 'Xavier', community: null, visits: 3, visitors: 2, shares: 1, conversions: 1, revenue: 10 },
      { id: id.y, name: 'Yasmin', community: null, visits: 1, visitors: 1, shares: 0, conversions: 2, revenue: 17 },
      { id: id.z, name: 'Zoe', community: null, visits: 0, visitors: 0, shares: 0, conversions: 0, revenue: 0 },
    ]);
  });

  test('sorted by the metric asked for; conversions by default', async () => {
    expect((await board('?by=conversions')).rows.map((r: { name: string }) => r.name)).toEqual(['Yasmin', 'Xavier', 'Zoe']);
    expect((await board('?by=revenue')).rows.map((r: { name: string }) => r.name)).toEqual(['Yasmin', 'Xavier', 'Zoe']);
    expect((await board('')).by).toBe('conversions');
    expect((await board('?by=reach&limit=1')).rows).toHaveLength(1);
  });

  test('a period before any activity shows everyone at zero; a bad metric is refused', async () => {
    const { rows } = await board('?by=revenue&from=2020-01-01&to=2020-01-31');
    expect(rows.every((r: { visits: number; revenue: number }) => r.visits === 0 && r.revenue === 0)).toBe(true);
    expect((await api('GET', '/api/ambassadors/leaderboard?by=likes')).statusCode).toBe(400);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/ambassadors/leaderboard', headers: t.auth(t.other.key) });
    expect(theirs.json().rows).toEqual([]);
  });
});
