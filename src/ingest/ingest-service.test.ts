// Read-your-writes: catchUp loads everything acknowledged, however little time each slice gets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { openDatabase } from '../store/sqlite/open-database.js';
import { SqliteEventStore } from '../store/sqlite/event-store.js';
import { buildEvent } from './build-event.js';
import { IngestService, type IngestOptions } from './ingest-service.js';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined } as never;
const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An ingest service over a fresh SQLite file with 3,000 clicks recorded; `loaded()` counts what reached the table. */
async function withBacklog(options: IngestOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-ingest-'));
  dirs.push(dir);
  const store = new SqliteEventStore(openDatabase(join(dir, 'lantern.db')));
  const ingest = new IngestService(join(dir, 'log'), store, silent, options);
  await Promise.all(Array.from({ length: 3_000 }, (_, i) =>
    ingest.recordAsync(buildEvent({ ts: 1_700_000_000_000 + i, workspaceId: 'ws_1', type: 'click', token: `tok${i}` }))));
  const loaded = () => (store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const close = async () => {
    await ingest.close();
    store.db.close();
  };
  return { ingest, loaded, close };
}

test('catchUp makes progress even when a slice is over before it starts (a busy machine)', async () => {
  // A zero-length slice stands for a thread descheduled between reading the clock and checking it.
  const { ingest, loaded, close } = await withBacklog({ sliceMs: 0, loadIntervalMs: 60_000 });
  await ingest.catchUp();
  expect(loaded()).toBe(3_000);
  await close();
});

test('with no traffic, the background loader drains a backlog slice after slice without waiting between them', async () => {
  // Timers are frozen: the loader may only wait on setTimeout while events keep coming in, never once they stop.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const { loaded, close } = await withBacklog({ sliceMs: 1, loadIntervalMs: 200 });
  vi.advanceTimersByTime(200); // the first slice, right after traffic: it pauses (a timer)
  expect(loaded()).toBeLessThan(3_000);
  vi.advanceTimersByTime(40); // the pause is over; no event came in since, so no timer from here on
  for (let turn = 0; turn < 10_000 && loaded() < 3_000; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(loaded()).toBe(3_000);
  await close();
});
