// Benchmark: ingest through the spool into ClickHouse vs the SQLite loader, and stats latency on both at the same volume.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { EventLog } from '../src/ingest/event-log.js';
import { EventShipper } from '../src/ingest/event-shipper.js';
import { getSummary } from '../src/stats/get-summary.js';
import { ClickHouseEventStore } from '../src/store/clickhouse/event-store.js';
import { ClickHouseConnection, parseClickHouseUrl } from '../src/store/clickhouse/open-clickhouse.js';
import type { SqliteEventStore } from '../src/store/sqlite/event-store.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { BENCH_QUERY, INGEST_EVENTS, MAX_ROWS, WS, appendAll, benchStats, fmtMs, latencies, medianMs, statsQuestions, syntheticEvent } from './stats.js';

/** Events/s from the first append to the last event stored, through the log and the ClickHouse shipper. */
async function shipperRate(dir: string, clickhouse: ClickHouseEventStore): Promise<number> {
  const chLog = new EventLog(join(dir, 'log-ch'));
  const shipper = new EventShipper(join(dir, 'log-ch'), clickhouse, { intervalMs: 50 });
  shipper.start();
  const started = performance.now();
  await appendAll(chLog, INGEST_EVENTS, 'i');
  await shipper.waitFor(chLog.position, 600_000);
  const rate = INGEST_EVENTS / ((performance.now() - started) / 1000);
  await shipper.close(chLog.position, 0);
  await chLog.close();
  return rate;
}

/** Printable lines. The SQLite half always runs; the ClickHouse half needs LANTERN_BENCH_CLICKHOUSE_URL (scripts/start-clickhouse.sh prints one). */
export async function benchClickhouse(): Promise<string[]> {
  const base = process.env.LANTERN_BENCH_CLICKHOUSE_URL;
  if (!base) return [...(await benchStats()), 'clickhouse half: skipped (set LANTERN_BENCH_CLICKHOUSE_URL, e.g. the URL scripts/start-clickhouse.sh prints)'];
  const url = new URL(base);
  url.pathname = `/lantern_bench_${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-ch-'));
  const meta = openDatabase(join(dir, 'meta.db'));
  const settings = parseClickHouseUrl(url.toString());
  const connection = new ClickHouseConnection(settings);
  const clickhouse = new ClickHouseEventStore(meta, settings, connection);
  const q = BENCH_QUERY;
  const compare = async (sqlite: SqliteEventStore, rows: number, sqliteMs: number[]): Promise<string[]> => {
    const shipped = await shipperRate(dir, clickhouse);
    await connection.client.command({ query: `TRUNCATE TABLE ${clickhouse.connection.tableRef}` });
    const chStarted = performance.now();
    for (let i = 0; i < rows; i += 100_000) {
      await clickhouse.insertEvents(Array.from({ length: Math.min(100_000, rows - i) }, (_, k) => syntheticEvent(i + k, MAX_ROWS, 'b')));
    }
    const chRate = rows / ((performance.now() - chStarted) / 1000);
    await connection.client.command({ query: `OPTIMIZE TABLE ${clickhouse.connection.tableRef} FINAL` });
    const chMs = await latencies(clickhouse, q);
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
    const names = statsQuestions(clickhouse, q).map(([n]) => n);
    return [
      `ClickHouse shipper, same ${INGEST_EVENTS.toLocaleString('en')} events through the log: ${Math.round(shipped).toLocaleString('en')} events/s (batches ≤ 10k rows / 4 MiB, checkpoint after each)`,
      `ClickHouse over the same ${rows.toLocaleString('en')} events (bulk JSONEachRow: ${Math.round(chRate).toLocaleString('en')} rows/s), no rollups:`,
      ...names.map((n, i) => `  ${n.padEnd(30)} ClickHouse ${fmtMs(chMs[i]).padStart(8)}   SQLite with rollups ${fmtMs(sqliteMs[i]).padStart(9)}`),
      `  same summary on both backends: ${same ? 'yes' : 'NO'}`,
      `  dedup choices (merged): count() with FINAL ${fmtMs(finalMs)} vs without ${fmtMs(plainMs)} (${(finalMs / plainMs).toFixed(1)}×; worse with unmerged parts);`
        + ` looking up the 10k ids of a re-sent batch ${fmtMs(lookupMs)}`,
      `ClickHouse alone at ${(rows * 5).toLocaleString('en')} events (measured): ${names.map((n, i) => `${n} ${fmtMs(bigMs[i])}`).join(', ')}`,
    ];
  };
  try {
    return await benchStats(compare);
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
