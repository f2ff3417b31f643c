import { describe, expect, test } from 'vitest';
import { pickFrom, randomEvents, seededRandom } from '../../test/fixtures/random-events.js';
import { SqliteEventStore } from '../store/sqlite/event-store.js';
import { openDatabase } from '../store/sqlite/open-database.js';
import type { EventReader } from '../store/types.js';
import { DIMENSIONS, getBreakdown, type Dimension } from './get-breakdown.js';
import { getSummary } from './get-summary.js';
import { getTimeseries } from './get-timeseries.js';
import { planRollup } from './rollup-plan.js';
import type { FilterName, StatsQuery } from './stats-query.js';

const at = Date.parse;
const sqlite = { dialect: 'sqlite', rollups: true, catchUp: async () => {}, all: async () => [] } satisfies EventReader;
const query = (from: string, to: string, extra: Partial<StatsQuery> = {}): StatsQuery => ({ workspaceId: 'ws_1', from: at(from), to: at(to), tz: 'UTC', filters: {}, ...extra });

describe('the rollup planner', () => {
  test('reads whole UTC hours from a rollup that holds the filters and grouping', () => {
    const day = query('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
    expect(planRollup(sqlite, day)).toEqual({ table: 'event_hours', from: at('2026-11-01T00:00:00Z'), to: at('2026-11-02T00:00:00Z') });
    expect(planRollup(sqlite, day, { by: 'platform' })?.table).toBe('event_hours');
    expect(planRollup(sqlite, { ...day, filters: { platform: 'whatsapp', channel: 'dark_social' } }, { by: 'channel' })?.table).toBe('event_hours');
  });

  test('leaves the sub-hour edges to raw events, and a range inside one hour entirely', () => {
    expect(planRollup(sqlite, query('2026-11-01T10:17:00Z', '2026-11-01T15:42:30Z'))).toMatchObject({ from: at('2026-11-01T11:00:00Z'), to: at('2026-11-01T15:00:00Z') });
    expect(planRollup(sqlite, query('2026-11-01T10:17:00Z', '2026-11-01T10:59:00Z'))).toBeNull();
    expect(planRollup(sqlite, query('2026-11-01T10:17:00Z', '2026-11-01T11:16:00Z'))).toBeNull();
  });

  test('answers from raw events what no rollup holds: other filters and groupings, ClickHouse, a store without rollups', () => {
    const day = query('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
    for (const by of ['link_id', 'community_id', 'country', 'path', 'referrer_host', 'device', 'type']) expect(planRollup(sqlite, day, { by })).toBeNull();
    for (const filters of [{ link: 'lnk_a' }, { platform: 'whatsapp', site: 'site_1' }, { community: 'com_1' }]) expect(planRollup(sqlite, { ...day, filters }, { by: 'platform' })).toBeNull();
    expect(planRollup({ ...sqlite, dialect: 'clickhouse' }, day)).toBeNull();
    expect(planRollup({ ...sqlite, rollups: false }, day)).toBeNull();
  });

  test('buckets local hours and days from rollups only when every hour falls into one bucket', () => {
    const bucketed = { localBuckets: true };
    // Paris, across the end of summer time: whole-hour offsets, the change found exactly on the hour.
    expect(planRollup(sqlite, query('2026-10-19T22:00:00Z', '2026-10-31T23:00:00Z', { tz: 'Europe/Paris' }), bucketed)).not.toBeNull();
    expect(planRollup(sqlite, query('2026-03-01T05:00:00Z', '2026-03-20T04:00:00Z', { tz: 'America/New_York' }), bucketed)).not.toBeNull();
    // Kathmandu is UTC+5:45; Lord Howe Island moves by half an hour.
    expect(planRollup(sqlite, query('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', { tz: 'Asia/Kathmandu' }), bucketed)).toBeNull();
    expect(planRollup(sqlite, query('2026-03-20T00:00:00Z', '2026-04-20T00:00:00Z', { tz: 'Australia/Lord_Howe' }), bucketed)).toBeNull();
    // A range starting off the hour places the change off the hour too (to the minute): raw, to keep the same buckets.
    expect(planRollup(sqlite, query('2026-10-19T22:17:00Z', '2026-10-31T23:00:00Z', { tz: 'Europe/Paris' }), bucketed)).toBeNull();
    // Without buckets the time zone does not matter.
    expect(planRollup(sqlite, query('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', { tz: 'Asia/Kathmandu' }))).not.toBeNull();
  });
});

describe('answers from rollups', () => {
  const START = at('2026-10-20T00:00:00Z');
  const store = new SqliteEventStore(openDatabase(':memory:'));
  const events = randomEvents(7, 6000, START, 14);
  for (let i = 0; i < events.length; i += 700) store.insertBatch(events.slice(i, i + 700), { segment: 1, offset: i, loaded: i }, store.readCheckpoint());
  const raw: EventReader = { dialect: 'sqlite', rollups: false, catchUp: async () => {}, all: (q, p) => store.all(q, p) };

  const random = seededRandom(11);
  const minute = 60_000;
  const randomQuery = (): StatsQuery => {
    const aligned = random() < 0.5;
    const unit = aligned ? 3600_000 : minute;
    const from = START - 86_400_000 + Math.floor(random() * 16 * 24) * 3600_000 + (aligned ? 0 : Math.floor(random() * 60) * minute);
    const to = from + Math.max(1, Math.floor(random() * (random() < 0.3 ? 5 * 3600_000 : 10 * 86_400_000) / unit)) * unit;
    const filters: StatsQuery['filters'] = {};
    const filterValues: [FilterName, string[], number][] = [['platform', ['whatsapp', 'discord'], 0.25], ['channel', ['dark_social', 'direct'], 0.25], ['link', ['lnk_a', 'lnk_c'], 0.05], ['community', ['com_1'], 0.05]];
    for (const [name, values, p] of filterValues) if (random() < p) filters[name] = pickFrom(random, values);
    return { workspaceId: 'ws_1', from, to, tz: pickFrom(random, ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kathmandu']), filters };
  };

  test('are identical to the raw answers on 150 random questions (ranges, edges, time zones, filters, groupings)', async () => {
    let rolledUp = 0;
    for (let i = 0; i < 150; i++) {
      const q = randomQuery();
      const by = pickFrom(random, [...(Object.keys(DIMENSIONS) as Dimension[]), 'platform', 'channel', 'platform', 'channel'] as Dimension[]);
      const interval = pickFrom(random, ['hour', 'day'] as const);
      if (planRollup(store, q, { localBuckets: true })) rolledUp++;
      const context = JSON.stringify({ q, by, interval });
      expect(await getSummary(store, q), context).toEqual(await getSummary(raw, q));
      expect(await getBreakdown(store, q, by, 20), context).toEqual(await getBreakdown(raw, q, by, 20));
      expect(await getTimeseries(store, q, interval), context).toEqual(await getTimeseries(raw, q, interval));
    }
    expect(rolledUp).toBeGreaterThan(40);
  });

  test('an empty range or another workspace answers zeros, as raw does', async () => {
    const q = query('2027-01-01T00:00:00Z', '2027-01-03T00:00:00Z');
    expect(await getSummary(store, q)).toEqual(await getSummary(raw, q));
    expect(await getSummary(store, { ...q, workspaceId: 'ws_none', from: START, to: START + 3 * 86_400_000 })).toMatchObject({ visits: 0, visitors: 0, sharesByPlatform: {} });
    expect((await getBreakdown(store, q, 'platform', 10)).rows).toEqual([]);
  });
});
