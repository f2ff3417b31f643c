// Benchmark: the SQLite loader's throughput and the stats questions' latency on SQLite, raw events against rollups.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { EventLoader } from '../src/ingest/event-loader.js';
import { EventLog } from '../src/ingest/event-log.js';
import { getBreakdown } from '../src/stats/get-breakdown.js';
import { getSummary } from '../src/stats/get-summary.js';
import { getTimeseries } from '../src/stats/get-timeseries.js';
import type { StatsQuery } from '../src/stats/stats-query.js';
import { SqliteEventStore } from '../src/store/sqlite/event-store.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import type { EventReader, StoredEvent } from '../src/store/types.js';
import type { Channel, EventType, Platform } from '../src/vocabulary.js';

export const INGEST_EVENTS = Number(process.env.LANTERN_BENCH_INGEST_EVENTS ?? 200_000);
export const MAX_ROWS = Number(process.env.LANTERN_BENCH_STATS_ROWS ?? 5_000_000);
const LOAD_BUDGET_MS = Number(process.env.LANTERN_BENCH_LOAD_SECONDS ?? 60) * 1000;
export const WS = 'ws_bench';
const DAY = 86_400_000;
const END = Date.parse('2026-11-25T00:00:00Z');
const START = END - 30 * DAY;
const TYPES: [EventType, number][] = [['click', 55], ['pageview', 25], ['preview', 10], ['share', 3], ['conversion', 2], ['join', 2], ['bot', 3]];
const PLATFORMS: Platform[] = ['whatsapp', 'telegram', 'discord', 'signal', 'messenger', 'imessage', 'slack', 'email', 'facebook', 'instagram', 'x', 'unknown'];
const CHANNELS: Channel[] = ['dark_social', 'dark_social', 'social', 'search', 'direct', 'referral', 'email'];
const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'BE', 'NL', 'BR', 'IN', null];

/** The question every figure is about: one workspace, 30 Paris days. */
export const BENCH_QUERY: StatsQuery = { workspaceId: WS, from: START, to: END, tz: 'Europe/Paris', filters: {} };

/** Event `i` of `n` spread over 30 days: a deterministic mix of types, platforms, links, visitors and countries. */
export function syntheticEvent(i: number, n: number, prefix: string): StoredEvent {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const next = () => (h = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0);
  let pick = next() % 100;
  const type = TYPES.find(([, w]) => (pick -= w) < 0)![0];
  const onSite = type === 'pageview';
  return {
    id: `${prefix}${i}`, ts: START + Math.floor((i / n) * 30 * DAY), workspaceId: WS, type,
    linkId: onSite ? null : `lnk_${next() % 1000}`, siteId: onSite ? 'site_1' : null, communityId: null, ambassadorId: null, campaignId: null,
    platform: PLATFORMS[next() % PLATFORMS.length], channel: CHANNELS[next() % CHANNELS.length],
    token: type === 'bot' ? null : `t${next().toString(36)}`, parent: null, visitor: type === 'click' || onSite ? `v${next() % 200_000}` : null,
    country: COUNTRIES[next() % COUNTRIES.length], device: null, browser: null, os: null, inApp: null, referrerHost: null,
    path: onSite ? `/p/${next() % 50}` : null, value: type === 'conversion' ? (next() % 10_000) / 100 : null, currency: type === 'conversion' ? 'EUR' : null, data: null,
  };
}

export async function appendAll(log: EventLog, n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i += 5000) {
    const acks: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + 5000); j++) {
      acks.push(new Promise((res, rej) => log.append(JSON.stringify(syntheticEvent(j, n, prefix)) + '\n', (e) => (e ? rej(e) : res()))));
    }
    await Promise.all(acks);
  }
}

/** Events/s from the first append to the last event stored, through the log and the SQLite loader. */
export async function sqliteIngestRate(dir: string): Promise<number> {
  const sqlite = new SqliteEventStore(openDatabase(join(dir, 'ingest.db')));
  const log = new EventLog(join(dir, 'log-sqlite'));
  const started = performance.now();
  await appendAll(log, INGEST_EVENTS, 'i');
  new EventLoader(join(dir, 'log-sqlite'), sqlite).catchUp();
  const rate = INGEST_EVENTS / ((performance.now() - started) / 1000);
  await log.close();
  sqlite.db.close();
  return rate;
}

/** Loads synthetic rows straight into the store (no log) in batches of 10k, for at most the load budget. */
export function loadSqlite(sqlite: SqliteEventStore): { rows: number; rate: number } {
  const chunk = 10_000;
  const started = performance.now();
  let rows = 0;
  while (rows < MAX_ROWS && performance.now() - started < LOAD_BUDGET_MS) {
    const batch = Array.from({ length: chunk }, (_, k) => syntheticEvent(rows + k, MAX_ROWS, 'b'));
    sqlite.insertBatch(batch, { segment: 0, offset: 0, loaded: 0 }, sqlite.readCheckpoint());
    rows += chunk;
  }
  return { rows, rate: rows / ((performance.now() - started) / 1000) };
}

export async function medianMs(run: () => Promise<unknown>, times = 5): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)];
}

/** The questions timed on every backend, by name. */
export function statsQuestions(events: EventReader, q: StatsQuery): [string, () => Promise<unknown>][] {
  return [
    ['summary', () => getSummary(events, q)],
    ['breakdown by platform', () => getBreakdown(events, q, 'platform', 50)],
    ['timeseries by day (Paris)', () => getTimeseries(events, q, 'day')],
    ['summary, link filter', () => getSummary(events, { ...q, filters: { link: 'lnk_7' } })],
    ['breakdown by path (no rollup)', () => getBreakdown(events, q, 'path', 50)],
  ];
}

export async function latencies(events: EventReader, q: StatsQuery, times = 5): Promise<number[]> {
  const ms: number[] = [];
  for (const [, run] of statsQuestions(events, q)) ms.push(await medianMs(run, times));
  return ms;
}

export const fmtMs = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

/** The same store read without its rollups: the baseline every rollup figure is a ratio to. */
export function rawReader(store: SqliteEventStore): EventReader {
  return { dialect: store.dialect, catchUp: () => store.catchUp(), all: (query, params) => store.all(query, params), rollups: false };
}

/** Another backend compared on the same rows: gets the loaded SQLite store and the row count, returns printable lines. */
export type Compare = (sqlite: SqliteEventStore, rows: number, sqliteMs: number[]) => Promise<string[]>;

/** Printable lines: loader throughput, then stats latency raw vs rollups at as many rows as load in the budget. */
export async function benchStats(compare?: Compare): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-stats-'));
  try {
    const ingest = await sqliteIngestRate(dir);
    const sqlite = new SqliteEventStore(openDatabase(join(dir, 'stats.db')));
    const { rows, rate } = loadSqlite(sqlite);
    const q = BENCH_QUERY;
    const raw = await latencies(rawReader(sqlite), q, 3);
    const rolled = await latencies(sqlite, q);
    const same: string[] = [];
    for (const [[name, viaRaw], [, viaRollup]] of statsQuestions(rawReader(sqlite), q).map((r, i) => [r, statsQuestions(sqlite, q)[i]])) {
      if (!isDeepStrictEqual(await viaRaw(), await viaRollup())) same.push(name);
    }
    const compared = compare ? await compare(sqlite, rows, rolled) : [];
    sqlite.db.close();
    return [
      `SQLite loader, ${INGEST_EVENTS.toLocaleString('en')} events from append to stored (log write + load, one process): ${Math.round(ingest).toLocaleString('en')} events/s`,
      `stats on SQLite over ${rows.toLocaleString('en')} events in one workspace, 30 days, warm, median (loaded straight into the store: ${Math.round(rate).toLocaleString('en')} rows/s):`,
      ...statsQuestions(sqlite, q).map(([n], i) => `  ${n.padEnd(30)} raw ${fmtMs(raw[i]).padStart(9)}   rollups ${fmtMs(rolled[i]).padStart(9)}   (${(raw[i] / rolled[i]).toFixed(1)}× faster)`),
      `  same answers raw and rolled up: ${same.length === 0 ? 'yes' : `NO (${same.join(', ')})`}`,
      `  extrapolated linearly to 10M events (NOT measured; with rollups the counts cost the same at any volume, the distinct visitors still read raw visits): summary raw ≈ ${fmtMs((raw[0] * 1e7) / rows)}, rollups ≈ ${fmtMs((rolled[0] * 1e7) / rows)}`,
      ...compared,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchStats()) console.log(line);
}
