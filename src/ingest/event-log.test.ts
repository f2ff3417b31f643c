import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openDatabase } from '../store/sqlite/open-database.js';
import { SqliteEventStore } from '../store/sqlite/event-store.js';
import { buildEvent } from './build-event.js';
import { EventLoader } from './event-loader.js';
import { EventLog, listSegments, segmentName } from './event-log.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lantern-log-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const line = (i: number) => JSON.stringify(buildEvent({ ts: 1_700_000_000_000 + i, workspaceId: 'ws_1', type: 'click', token: `tok${String(i).padStart(8, '0')}` })) + '\n';
const append = (log: EventLog, text: string) => new Promise<void>((res, rej) => log.append(text, (e) => (e ? rej(e) : res())));

describe('event log', () => {
  test('every line of one turn is acknowledged after one grouped write, in order', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    await Promise.all(Array.from({ length: 500 }, (_, i) => append(log, line(i))));
    await log.close();
    const lines = readFileSync(join(dir, segmentName(1)), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(500);
    expect(JSON.parse(lines[499]).token).toBe('tok00000499');
  });

  test('after a slow write the next ones go through the thread pool, still whole, in order, each acknowledged after', async () => {
    const dir = tempDir();
    const log = new EventLog(dir, 64 * 1024 * 1024, -1); // every synchronous write counts as slow
    const acked: number[] = [];
    const turn = (from: number) => Promise.all(Array.from({ length: 50 }, (_, i) => append(log, line(from + i)).then(() => acked.push(from + i))));
    await turn(0); // synchronous, found slow
    await Promise.all([turn(50), turn(100)]); // asynchronous from here
    await log.close();
    const tokens = readFileSync(join(dir, segmentName(1)), 'utf8').trim().split('\n').map((l) => JSON.parse(l).token);
    expect(tokens).toEqual(Array.from({ length: 150 }, (_, i) => `tok${String(i).padStart(8, '0')}`));
    expect(acked).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });

  test('a torn last line left by a crash is cut on reopen; whole lines stay', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    await append(log, line(1));
    await log.close();
    appendFileSync(join(dir, segmentName(1)), '{"id":"torn","ts":');
    const reopened = new EventLog(dir);
    await append(reopened, line(2));
    await reopened.close();
    const lines = readFileSync(join(dir, segmentName(1)), 'utf8').trim().split('\n').map((l) => JSON.parse(l).token);
    expect(lines).toEqual(['tok00000001', 'tok00000002']);
  });

  test('segments rotate past their size and the loader deletes the ones it finished', async () => {
    const dir = tempDir();
    const log = new EventLog(dir, 2000);
    for (let i = 0; i < 60; i++) await append(log, line(i));
    expect(listSegments(dir).length).toBeGreaterThan(3);
    const store = new SqliteEventStore(openDatabase(':memory:'));
    const loader = new EventLoader(dir, store);
    loader.catchUp();
    const n = store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    expect(n.n).toBe(60);
    // Finished segments are unlinked asynchronously.
    await vi.waitFor(() => expect(listSegments(dir)).toEqual([log.position.segment]));
    await log.close();
  });
});

describe('event loader', () => {
  test('loads each event exactly once, even with two loaders on one log', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    for (let i = 0; i < 300; i++) log.append(line(i), () => undefined);
    await log.close();
    const db = openDatabase(join(dir, 'x.db'));
    const a = new EventLoader(dir, new SqliteEventStore(db), { chunkBytes: 4096 });
    const b = new EventLoader(dir, new SqliteEventStore(openDatabase(join(dir, 'x.db'))), { chunkBytes: 4096 });
    for (let i = 0; i < 200; i++) {
      a.loadChunk();
      b.loadChunk();
    }
    const rows = db.prepare('SELECT count(*) AS n, count(DISTINCT token) AS d FROM events').get() as { n: number; d: number };
    expect(rows).toEqual({ n: 300, d: 300 });
  });

  test('an unreadable line is reported and skipped, the rest is loaded', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    await append(log, line(1) + 'not json\n' + line(2));
    await log.close();
    const bad: string[] = [];
    const store = new SqliteEventStore(openDatabase(':memory:'));
    new EventLoader(dir, store, { onBadLine: (l) => bad.push(l) }).catchUp();
    expect(bad).toEqual(['not json']);
    expect((store.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(2);
    expect(readdirSync(dir)).toContain(segmentName(1));
  });
});
