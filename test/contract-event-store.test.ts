// One fixture, every event-store backend: the stats and cascade answers must be the same on SQLite and on ClickHouse.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readKnownPlatforms, readMinuteRows } from '../src/alerts/minute-counts.js';
import { findCascadeRoot } from '../src/commerce/find-cascade-root.js';
import { buildEvent } from '../src/ingest/build-event.js';
import { NOW, QUESTIONS, RANGE, at, contractFixture } from './fixtures/event-store-contract.js';
import { TEST_CLICKHOUSE_URL, dropDatabase, freshDatabaseUrl, noteSkipped } from './helpers/clickhouse.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

noteSkipped('contract-event-store');
const backends: [string, NodeJS.ProcessEnv][] = [['sqlite', {}]];
const clickhouseUrl = TEST_CLICKHOUSE_URL ? freshDatabaseUrl(TEST_CLICKHOUSE_URL, 'contract') : null;
if (clickhouseUrl) backends.push(['clickhouse', { LANTERN_CLICKHOUSE_URL: clickhouseUrl }]);
const answers = new Map<string, Map<string, unknown>>();

afterAll(async () => {
  if (clickhouseUrl) await dropDatabase(clickhouseUrl);
});

describe.each(backends)('%s event store', (backend, env) => {
  let t: TestApp;
  const seen = new Map<string, unknown>();
  answers.set(backend, seen);

  beforeAll(async () => {
    t = await createTestApp({ now: () => NOW, env });
    for (const f of contractFixture(t.workspace.id)) await t.app.services.ingest.recordAsync(buildEvent(f));
    // The same events in another workspace must never show.
    for (const f of contractFixture(t.other.workspace.id)) await t.app.services.ingest.recordAsync(buildEvent(f));
  });
  afterAll(async () => t?.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: t.auth() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  test('the stores say which backend holds the events', () => {
    expect(t.app.services.stores.events.dialect).toBe(backend);
  });

  test.each(QUESTIONS)('answers %s', async (url) => {
    seen.set(url, await get(url));
  });

  test('the summary is right, not only the same: visits, visitors, shares, refunds, dark-social share', async () => {
    expect(await get(`/api/stats/summary?${RANGE}`)).toEqual({
      visits: 9, visitors: 7, shares: 4, joins: 1, conversions: 2, revenue: 49.9, darkSocialShare: 0.5556, bots: 1,
      sharesByPlatform: { whatsapp: 2, telegram: 1, signal: 1 },
    });
  });

  test('breakdowns key missing values as null, and ties rank by key with null first', async () => {
    const rows = async (q: string) => (await get(`/api/stats/breakdown?${RANGE}&${q}`)).rows.map((r: { key: string | null; visits: number }) => [r.key, r.visits]);
    expect(await rows('by=country')).toEqual([[null, 3], ['FR', 4], ['BE', 1], ['DE', 1]]);
    expect(await rows('by=device&channel=search')).toEqual([[null, 1], ['desktop', 1]]);
  });

  test('day buckets follow Paris time across the end of summer time', async () => {
    const ts = await get('/api/stats/timeseries?from=2026-10-20&to=2026-11-12&interval=day&tz=Europe/Paris');
    const nonZero = ts.points.filter((p: { visits: number }) => p.visits > 0).map((p: { t: string; visits: number }) => [p.t, p.visits]);
    expect(nonZero).toEqual([['2026-10-23T22:00:00Z', 1], ['2026-11-09T23:00:00Z', 7], ['2026-11-10T23:00:00Z', 2]]);
  });

  test('other readers of the events: a token\'s cascade root (conversions) and per-minute counts (alerts)', async () => {
    const events = t.app.services.stores.events;
    const ws = t.workspace.id;
    const root = await findCascadeRoot(events, ws, 'tokA00003');
    expect(root).toEqual({ rootToken: 'tokA00001', linkId: 'lnk_a', platform: 'whatsapp' });
    seen.set('findCascadeRoot', root);
    const minutes = await readMinuteRows(events, ws, at('2026-11-10T00:00:00Z'), at('2026-11-11T00:00:00Z'));
    expect(minutes.reduce((n, r) => n + r.visits, 0)).toBe(7);
    seen.set('readMinuteRows', minutes.map((r) => JSON.stringify(r)).sort());
    seen.set('readKnownPlatforms', [...(await readKnownPlatforms(events, ws, NOW))].map(([k, v]) => [k, [...v].sort()]).sort());
  });

  test('the cascade of a link has its three generations and its orphan', async () => {
    const c = await get(`/api/cascades/tokA00003?${RANGE}`);
    expect(c.root.token).toBe('tokA00001');
    expect(c.depth).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!clickhouseUrl)('sqlite and clickhouse', () => {
  test.each([...QUESTIONS, 'findCascadeRoot', 'readMinuteRows', 'readKnownPlatforms'])('give the same answer to %s', (url) => {
    expect(answers.get('clickhouse')!.get(url)).toEqual(answers.get('sqlite')!.get(url));
  });
});
