// Benchmark: ingest through the spool into ClickHouse vs the SQLite loader, and stats latency on both at the same volume.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { EventLoader } from '../src/ingest/event-loader.js';
import { EventLog } from '../src/ingest/event-log.js';
import { EventShipper } from '../src/ingest/event-shipper.js';
import { getBreakdown } from '../src/stats/get-breakdown.js';
import { getSummary } from '../src/stats/get-summary.js';
import { getTimeseries } from '../src/stats/get-timeseries.js';
import type { StatsQuery } from '../src/stats/stats-query.js';
import { ClickHouseEventStore } from '../src/store/clickhouse/event-store.js';
import { ClickHouseConnection, parseClickHouseUrl } from '../src/store/clickhouse/open-clickhouse.js';
import { SqliteEventStore } from '../src/store/sqlite/event-store.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import type { EventReader, StoredEvent } from '../src/store/types.js';
import type { Channel, EventType, Platform } from '../src/vocabulary.js';

const INGEST_EVENTS = Number(process.env.LANTERN_BENCH_INGEST_EVENTS ?? 200_000);
const MAX_ROWS = Number(process.env.LANTERN_BENCH_CLICKHOUSE_ROWS ?? 5_000_000);
const LOAD_BUDGET_MS = 60_000;
const WS = 'ws_bench';
const DAY = 86_400_000;
const END = Date.parse('2026-11-25T00:00:00Z');
const START = END - 30 * DAY;
const TYPES: [EventType, number][] = [['click', 55], ['pageview', 25], ['preview', 10], ['share', 3], ['conversion', 2], ['join', 2], ['bot', 3]];
const PLATFORMS: Platform[] = ['whatsapp', 'telegram', 'discord', 'signal', 'messenger', 'imessage', 'slack', 'email', 'facebook', 'instagram', 'x', 'unknown'];
const CHANNELS: Channel[] = ['dark_social', 'dark_social', 'social', 'search', 'direct', 'referral', 'email'];
const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'BE', 'NL', 'BR', 'IN', null];

/** Event `i` of `n` spread over 30 days: a deterministic mix of types, platforms, links, visitors and countries. */
function syntheticEvent(i: number, n: number, prefix: string): StoredEvent {
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

async function appendAll(log: EventLog, n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i += 5000) {
    const acks: Promise<void>[] = [];
    for (let j = i; j < Math.min(n, i + 5000); j++) {
      acks.push(new Promise((res, rej) => log.append(JSON.stringify(syntheticEvent(j, n, prefix)) + '\n', (e) => (e ? rej(e) : res()))));
    }
    await Promise.all(acks);
  }
}

/** Events/s from the first append to the last event stored, through the log: SQLite loader, then ClickHouse shipper. */
async function benchIngest(dir: string, clickhouse: ClickHouseEventStore): Promise<string[]> {
  const sqlite = new SqliteEventStore(openDatabase(join(dir, 'ingest.db')));
  const sqliteLog = new EventLog(join(dir, 'log-sqlite'));
  let started = performance.now();
  await appendAll(sqliteLog, INGEST_EVENTS, 'i');
  new EventLoader(join(dir, 'log-sqlite'), sqlite).catchUp();
  const sqliteRate = INGEST_EVENTS / ((performance.now() - started) / 1000);
  await sqliteLog.close();
  sqlite.db.close();

  const chLog = new EventLog(join(dir, 'log-ch'));
  const shipper = new EventShipper(join(dir, 'log-ch'), clickhouse, { intervalMs: 50 });
  shipper.start();
  started = performance.now();
  await appendAll(chLog, INGEST_EVENTS, 'i');
  await shipper.waitFor(chLog.position, 600_000);
  const chRate = INGEST_EVENTS / ((performance.now() - started) / 1000);
  await shipper.close(chLog.position, 0);
  await chLog.close();
  return [
    `ingest, ${INGEST_EVENTS.toLocaleString('en')} events from append to stored (log write + load/ship, one process):`,
    `  SQLite loader        ${Math.round(sqliteRate).toLocaleString('en')} events/s  (baseline 1.00)`,
    `  ClickHouse shipper   ${Math.round(chRate).toLocaleString('en')} events/s  (${(chRate / sqliteRate).toFixed(2)} × SQLite; batches ≤ 10k rows / 4 MiB, checkpoint after each)`,
  ];
}

/** Loads the same synthetic rows into both stores directly (no log): SQLite for at most ~60 s, ClickHouse the same count. */
async function loadBoth(sqlite: SqliteEventStore, clickhouse: ClickHouseEventStore): Promise<{ rows: number; sqliteRate: number; chRate: number }> {
  const chunk = 10_000;
  const started = performance.now();
  let rows = 0;
  while (rows < MAX_ROWS && performance.now() - started < LOAD_BUDGET_MS) {
    const batch = Array.from({ length: chunk }, (_, k) => syntheticEvent(rows + k, MAX_ROWS, 'b'));
    sqlite.insertBatch(batch, { segment: 0, offset: 0, loaded: 0 }, sqlite.readCheckpoint());
    rows += chunk;
  }
  const sqliteRate = rows / ((performance.now() - started) / 1000);
  const chStarted = performance.now();
  for (let i = 0; i < rows; i += 100_000) {
    await clickhouse.insertEvents(Array.from({ length: Math.min(100_000, rows - i) }, (_, k) => syntheticEvent(i + k, MAX_ROWS, 'b')));
  }
  return { rows, sqliteRate, chRate: rows / ((performance.now() - chStarted) / 1000) };
}

async function medianMs(run: () => Promise<unknown>, times = 5): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)];
}

async function latencies(events: EventReader, q: StatsQuery): Promise<number[]> {
  return [
    await medianMs(() => getSummary(events, q)),
    await medianMs(() => getBreakdown(events, q, 'platform', 50)),
    await medianMs(() => getTimeseries(events, q, 'day')),
  ];
}

/** Printable lines; skipped without LANTERN_BENCH_CLICKHOUSE_URL (scripts/start-clickhouse.sh prints a server's URL). */
export async function benchClickhouse(): Promise<string[]> {
  const base = process.env.LANTERN_BENCH_CLICKHOUSE_URL;
  if (!base) return ['clickhouse: skipped (set LANTERN_BENCH_CLICKHOUSE_URL, e.g. the URL scripts/start-clickhouse.sh prints)'];
  const url = new URL(base);
  url.pathname = `/lantern_bench_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-ch-'));
  const meta = openDatabase(join(dir, 'meta.db'));
  const settings = parseClickHouseUrl(url.toString());
  const connection = new ClickHouseConnection(settings);
  const clickhouse = new ClickHouseEventStore(meta, settings, connection);
  try {
    const lines = await benchIngest(dir, clickhouse);
    await connection.client.command({ query: `TRUNCATE TABLE ${clickhouse.connection.tableRef}` });
    const sqlite = new SqliteEventStore(openDatabase(join(dir, 'stats.db')));
    const { rows, sqliteRate, chRate } = await loadBoth(sqlite, clickhouse);
    await connection.client.command({ query: `OPTIMIZE TABLE ${clickhouse.connection.tableRef} FINAL` });
    const q: StatsQuery = { workspaceId: WS, from: START, to: END, tz: 'Europe/Paris', filters: {} };
    const [sqliteMs, chMs] = [await latencies(sqlite, q), await latencies(clickhouse, q)];
    const same = JSON.stringify(await getSummary(sqlite, q)) === JSON.stringify(await getSummary(clickhouse, q));
    const finalMs = await medianMs(() => clickhouse.all({ sqlite: '', clickhouse: `SELECT count() AS n FROM events FINAL WHERE workspace_id = {ws:String}` }, { ws: WS }));
    const plainMs = await medianMs(() => clickhouse.all({ sqlite: '', clickhouse: `SELECT count() AS n FROM events WHERE workspace_id = {ws:String}` }, { ws: WS }));
    const lookupMs = await medianMs(() => clickhouse.findStoredIds(Array.from({ length: 10_000 }, (_, k) => syntheticEvent(rows / 2 + k, MAX_ROWS, 'b'))), 3);
    // A measured point past what SQLite loads in a minute: the same rows five times over, copied server-side.
    const columns = 'ts, workspace_id, type, link_id, site_id, community_id, ambassador_id, campaign_id, platform, channel, token, parent, visitor, country, device, browser, os, in_app, referrer_host, path, value, currency, data';
    await connection.client.command({
      query: `INSERT INTO ${clickhouse.connection.tableRef} (id, ${columns}) SELECT concat(id, '~', toString(k)), ${columns} FROM ${clickhouse.connection.tableRef} ARRAY JOIN [1, 2, 3, 4] AS k`,
    });
    const bigMs = await latencies(clickhouse, q);
    const names = ['summary', 'breakdown by platform', 'timeseries by day (Paris)'];
    const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
    lines.push(
      '',
      `stats over ${rows.toLocaleString('en')} events in one workspace, 30 days, warm, median of 5 (SQLite loaded for ~60 s: ${Math.round(sqliteRate).toLocaleString('en')} rows/s; ClickHouse bulk JSONEachRow: ${Math.round(chRate).toLocaleString('en')} rows/s):`,
      ...names.map((n, i) => `  ${n.padEnd(27)} SQLite ${fmt(sqliteMs[i]).padStart(9)}   ClickHouse ${fmt(chMs[i]).padStart(8)}   (${(sqliteMs[i] / chMs[i]).toFixed(1)}× faster)`),
      `  same summary on both backends: ${same ? 'yes' : 'NO'}`,
      `  dedup choices at ${rows.toLocaleString('en')} events (merged): count() with FINAL ${fmt(finalMs)} vs without ${fmt(plainMs)} (${(finalMs / plainMs).toFixed(1)}×; worse with unmerged parts);`
        + ` looking up the 10k ids of a re-sent batch ${fmt(lookupMs)}`,
      `ClickHouse alone at ${(rows * 5).toLocaleString('en')} events (measured): ${names.map((n, i) => `${n} ${fmt(bigMs[i])}`).join(', ')}`,
      `extrapolated linearly (NOT measured; every question scans the whole range): summary at 10M events: SQLite ≈ ${fmt((sqliteMs[0] * 1e7) / rows)},`
        + ` ClickHouse ≈ ${fmt((bigMs[0] * 1e7) / (rows * 5))}; at 100M: SQLite ≈ ${fmt((sqliteMs[0] * 1e8) / rows)}, ClickHouse ≈ ${fmt((bigMs[0] * 1e8) / (rows * 5))}`
        + ' on this 2-core machine (ClickHouse spreads a query over more cores and shards; SQLite uses one core)',
    );
    sqlite.db.close();
    return lines;
  } finally {
    await connection.client.command({ query: `DROP DATABASE IF EXISTS \`${clickhouse.settings.database}\`` }).catch(() => undefined);
    await clickhouse.close();
    meta.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchClickhouse()) console.log(line);
}
