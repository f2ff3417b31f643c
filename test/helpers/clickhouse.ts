// ClickHouse for tests: the server named by LANTERN_TEST_CLICKHOUSE_URL, fresh databases on it, and private servers to stop and restart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, freePort } from './cli-process.js';

/** Base URL of the test server (e.g. http://127.0.0.1:8123), or null: ClickHouse tests are then skipped. */
export const TEST_CLICKHOUSE_URL = process.env.LANTERN_TEST_CLICKHOUSE_URL?.replace(/\/+$/, '') || null;

/** Says why ClickHouse tests did not run, once per file. */
export function noteSkipped(file: string): void {
  if (!TEST_CLICKHOUSE_URL) console.warn(`${file}: ClickHouse tests skipped: set LANTERN_TEST_CLICKHOUSE_URL (scripts/start-clickhouse.sh prints one)`);
}

/** `base` with a database of its own for this run (created by Lantern on first use). */
export function freshDatabaseUrl(base: string, label: string, query = ''): string {
  const url = new URL(base);
  url.pathname = `/lantern_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  url.search = query;
  return url.toString();
}

/** Runs one statement over HTTP and returns the body (throws on an error answer). */
export async function clickhouseQuery(base: string, sql: string): Promise<string> {
  const url = new URL(base);
  const auth: Record<string, string> = url.username ? { authorization: `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` } : {};
  const res = await fetch(`${url.origin}/`, { method: 'POST', body: sql, headers: auth });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse answered ${res.status}: ${text}`);
  return text;
}

/** Drops the database a URL names (cleanup after a test). */
export async function dropDatabase(url: string): Promise<void> {
  const db = new URL(url).pathname.replace(/^\//, '');
  if (/^lantern_[a-z0-9_]+$/.test(db)) await clickhouseQuery(url, `DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
}

/** A ClickHouse server of one test's own (scripts/start-clickhouse.sh), which it may stop and start again on the same data. */
export interface PrivateClickHouse { url: string; start(): Promise<void>; stop(): Promise<void>; remove(): Promise<void> }

/** Starts a private ClickHouse on free ports with its data in a temporary folder. */
export async function startPrivateClickHouse(): Promise<PrivateClickHouse> {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-ch-'));
  const http = await freePort();
  let tcp = await freePort();
  while (tcp === http) tcp = await freePort();
  const env = { ...process.env, CLICKHOUSE_DIR: dir, CLICKHOUSE_HTTP_PORT: String(http), CLICKHOUSE_TCP_PORT: String(tcp) };
  const script = join(ROOT, 'scripts', 'start-clickhouse.sh');
  const run = (args: string[]) => execFileSync('bash', [script, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
  const url = run([]);
  return {
    url,
    start: async () => void run([]),
    stop: async () => void run(['stop']),
    remove: async () => {
      run(['stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
