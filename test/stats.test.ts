// Stats answers on a small hand-checked fixture: summary, breakdowns, day buckets in a time zone, filters.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEvent, type EventFields } from '../src/ingest/build-event.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
const at = (iso: string) => Date.parse(iso);

// 2026-11-10 in Paris runs from 2026-11-09T23:00Z to 2026-11-10T23:00Z.
function fixture(ws: string): EventFields[] {
  const e = (ts: string, f: Partial<EventFields>): EventFields => ({ ts: at(ts), workspaceId: ws, type: 'click', ...f });
  return [
    e('2026-11-09T23:30:00Z', { platform: 'whatsapp', channel: 'dark_social', visitor: 'v1', linkId: 'lnk_a', country: 'FR' }), // Paris: Nov 10
    e('2026-11-10T08:00:00Z', { platform: 'whatsapp', channel: 'dark_social', visitor: 'v1', linkId: 'lnk_a', country: 'FR' }),
    e('2026-11-10T09:00:00Z', { platform: 'discord', channel: 'dark_social', visitor: 'v2', linkId: 'lnk_b', country: 'DE' }),
    e('2026-11-10T22:59:00Z', { type: 'pageview', platform: 'unknown', channel: 'search', visitor: 'v3', siteId: 'site_1', country: 'FR' }),
    e('2026-11-10T23:10:00Z', { type: 'pageview', platform: 'unknown', channel: 'direct', visitor: 'v4', siteId: 'site_1' }), // Paris: Nov 11
    e('2026-11-10T10:00:00Z', { type: 'preview', platform: 'whatsapp', channel: 'dark_social', linkId: 'lnk_a' }),
    e('2026-11-10T10:01:00Z', { type: 'preview', platform: 'whatsapp', channel: 'dark_social', linkId: 'lnk_a' }),
    e('2026-11-10T10:02:00Z', { type: 'preview', platform: 'telegram', channel: 'dark_social', linkId: 'lnk_b' }),
    e('2026-11-10T11:00:00Z', { type: 'share', platform: 'signal', channel: 'dark_social', siteId: 'site_1' }),
    e('2026-11-10T12:00:00Z', { type: 'conversion', platform: 'whatsapp', channel: 'dark_social', value: 49.9, currency: 'EUR', linkId: 'lnk_a' }),
    e('2026-11-10T12:30:00Z', { type: 'conversion', platform: 'discord', channel: 'dark_social', value: 20.05, currency: 'EUR', linkId: 'lnk_b' }),
    e('2026-11-10T13:00:00Z', { type: 'bot', platform: 'unknown', channel: 'direct', linkId: 'lnk_a' }),
    e('2026-11-10T14:00:00Z', { type: 'join', platform: 'discord', channel: 'dark_social', visitor: 'v5' }),
    e('2026-10-01T12:00:00Z', { platform: 'whatsapp', channel: 'dark_social', visitor: 'v9' }), // outside the range
  ];
}

beforeAll(async () => {
  t = await createTestApp({ now: () => at('2026-11-25T12:00:00Z') });
  for (const f of fixture(t.workspace.id)) await t.app.services.ingest.recordAsync(buildEvent(f));
  // The same events in another workspace must never show.
  for (const f of fixture(t.other.workspace.id)) await t.app.services.ingest.recordAsync(buildEvent(f));
});
afterAll(async () => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: t.auth() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const range = 'from=2026-11-09T00:00:00Z&to=2026-11-12T00:00:00Z';

describe('summary', () => {
  test('counts visits, visitors, shares, joins, conversions, revenue and the dark-social share', async () => {
    const s = await get(`/api/stats/summary?${range}`);
    // visits: 3 clicks + 2 pageviews; visitors v1 v2 v3 v4; shares 3 previews + 1 share; dark: 3 of 5 visits.
    expect(s).toMatchObject({ visits: 5, visitors: 4, shares: 4, joins: 1, conversions: 2, revenue: 69.95, darkSocialShare: 0.6, bots: 1 });
    expect(s.sharesByPlatform).toEqual({ whatsapp: 2, telegram: 1, signal: 1 });
  });

  test('filters narrow every measure', async () => {
    expect(await get(`/api/stats/summary?${range}&link=lnk_a`)).toMatchObject({ visits: 2, visitors: 1, shares: 2, conversions: 1, revenue: 49.9 });
    expect(await get(`/api/stats/summary?${range}&platform=discord`)).toMatchObject({ visits: 1, joins: 1, conversions: 1 });
    expect(await get(`/api/stats/summary?${range}&channel=search`)).toMatchObject({ visits: 1, darkSocialShare: 0 });
  });

  test('the default range is the last 30 days up to now', async () => {
    // now = Nov 25: Nov 10 is in, Oct 1 is out.
    expect((await get('/api/stats/summary')).visits).toBe(5);
  });
});

describe('breakdown', () => {
  test('by platform puts visits and shares in the platform they belong to', async () => {
    const b = await get(`/api/stats/breakdown?${range}&by=platform`);
    expect(b.by).toBe('platform');
    const row = (k: string) => b.rows.find((r: { key: string }) => r.key === k);
    expect(row('whatsapp')).toMatchObject({ visits: 2, visitors: 1, shares: 2, conversions: 1, revenue: 49.9, conversionRate: 0.5 });
    expect(row('discord')).toMatchObject({ visits: 1, shares: 0, joins: 1, conversions: 1 });
    expect(row('telegram')).toMatchObject({ visits: 0, shares: 1 });
    expect(b.rows[0].key).toBe('whatsapp');
  });

  test('by channel, country and link', async () => {
    const ch = await get(`/api/stats/breakdown?${range}&by=channel`);
    expect(ch.rows.find((r: { key: string }) => r.key === 'dark_social').visits).toBe(3);
    const co = await get(`/api/stats/breakdown?${range}&by=country`);
    expect(co.rows.find((r: { key: string }) => r.key === 'FR').visits).toBe(3);
    const li = await get(`/api/stats/breakdown?${range}&by=link&limit=1`);
    expect(li.rows).toHaveLength(1);
    expect(li.rows[0].key).toBe('lnk_a');
  });

  test('an unknown dimension is a 400 naming it', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/stats/breakdown?by=password`, headers: t.auth() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('timeseries', () => {
  test('day buckets follow the time zone and empty days are zeros', async () => {
    const ts = await get(`/api/stats/timeseries?from=2026-11-09&to=2026-11-11&interval=day&tz=Europe/Paris`);
    expect(ts.points.map((p: { t: string }) => p.t)).toEqual(['2026-11-08T23:00:00Z', '2026-11-09T23:00:00Z', '2026-11-10T23:00:00Z']);
    expect(ts.points.map((p: { visits: number }) => p.visits)).toEqual([0, 4, 1]);
    expect(ts.points[1]).toMatchObject({ shares: 4, conversions: 2, visitors: 3 });
  });

  test('in UTC the late-evening visit stays on the 10th', async () => {
    const ts = await get(`/api/stats/timeseries?from=2026-11-09&to=2026-11-11&interval=day`);
    expect(ts.points.map((p: { visits: number }) => p.visits)).toEqual([1, 4, 0]);
  });

  test('hour buckets', async () => {
    const ts = await get(`/api/stats/timeseries?from=2026-11-10T08:00:00Z&to=2026-11-10T11:00:00Z&interval=hour`);
    expect(ts.points.map((p: { shares: number }) => p.shares)).toEqual([0, 0, 3]);
    expect(ts.points.map((p: { visits: number }) => p.visits)).toEqual([1, 1, 0]);
  });

  test.each([
    ['from=2026-11-12&to=2026-11-10', 'invalid_range'],
    ['from=yesterday', 'invalid_range'],
    ['tz=Mars/Base', 'invalid_timezone'],
    ['interval=minute', 'validation_failed'],
    ['from=2000-01-01&to=2026-01-01&interval=hour', 'invalid_range'],
  ])('bad query %s is a 400 %s', async (query, code) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/stats/timeseries?${query}`, headers: t.auth() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
  });
});

describe('the default range', () => {
  test('counts a click answered in the same millisecond as the question (to is exclusive, and lies just past now)', async () => {
    const frozen = Date.parse('2026-11-25T15:00:00.000Z');
    const app = await createTestApp({ now: () => frozen });
    try {
      const created = await app.app.inject({ method: 'POST', url: '/api/links', headers: app.auth(), payload: { url: 'https://shop.example/now' } });
      const slug = created.json().slug as string;
      const click = await app.app.inject({ method: 'GET', url: `/${slug}`, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36' } });
      expect(click.statusCode).toBe(302);
      const summary = (await app.app.inject({ method: 'GET', url: '/api/stats/summary', headers: app.auth() })).json();
      expect(summary.visits).toBe(1);
    } finally {
      await app.close();
    }
  });
});
