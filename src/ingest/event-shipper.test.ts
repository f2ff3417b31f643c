// The shipper against a stand-in target: batches, checkpoints, retries, no duplicates after lost answers or crashes, one shipper per log.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ShipState } from '../store/clickhouse/ship-state.js';
import { openDatabase } from '../store/sqlite/open-database.js';
import type { StoredEvent } from '../store/types.js';
import { buildEvent } from './build-event.js';
import { EventLog, listSegments, segmentName } from './event-log.js';
import { EventShipper, type ShipCheckpoint, type ShipStatePort, type ShipTarget } from './event-shipper.js';
import { parseEventLines } from './read-log-chunk.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lantern-ship-'));
  dirs.push(d);
  return d;
}
const shippers: EventShipper[] = [];
afterEach(async () => {
  for (const s of shippers.splice(0)) await s.close({ segment: 0, size: 0 }, 0);
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

class MemoryState implements ShipStatePort {
  cp: ShipCheckpoint = { segment: 0, offset: 0, shipped: 0, inflight: null };
  readCheckpoint() { return { ...this.cp }; }
  writeCheckpoint(cp: ShipCheckpoint) { this.cp = { ...cp }; }
  acquireLease() { return true; }
  releaseLease() {}
}

/** A ClickHouse stand-in: keeps rows; `failNext` makes inserts throw (before or after storing, like a lost answer). */
class FakeTarget implements ShipTarget {
  rows: StoredEvent[] = [];
  inserts = 0;
  failNext: { times: number; afterStoring: boolean } = { times: 0, afterStoring: false };
  constructor(readonly shipState: ShipStatePort = new MemoryState()) {}
  async insertEvents(events: readonly StoredEvent[]) {
    this.inserts++;
    if (this.failNext.times > 0) {
      this.failNext.times--;
      if (this.failNext.afterStoring) this.rows.push(...events);
      throw new Error(this.failNext.afterStoring ? 'socket hang up' : 'connect ECONNREFUSED 127.0.0.1:8123');
    }
    this.rows.push(...events);
  }
  async findStoredIds(events: readonly StoredEvent[]) {
    const ids = new Set(this.rows.map((r) => r.id));
    return new Set(events.filter((e) => ids.has(e.id)).map((e) => e.id));
  }
}

async function writeEvents(log: EventLog, n: number, from = 0): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => new Promise<void>((res, rej) => {
    log.append(JSON.stringify(buildEvent({ ts: 1_700_000_000_000 + from + i, workspaceId: 'ws_1', type: 'click', token: `tok${from + i}` })) + '\n', (e) => (e ? rej(e) : res()));
  })));
}

function ship(dir: string, target: ShipTarget, options = {}): EventShipper {
  const s = new EventShipper(dir, target, { intervalMs: 20, minBackoffMs: 10, maxBackoffMs: 40, ...options });
  shippers.push(s);
  s.start();
  return s;
}

describe('event shipper', () => {
  test('ships every event once in bounded batches, checkpoints each, and deletes finished segments', async () => {
    const dir = tempDir();
    const log = new EventLog(dir, 4000);
    await writeEvents(log, 120);
    const target = new FakeTarget();
    const shipper = ship(dir, target, { maxBatchRows: 25 });
    await shipper.waitFor(log.position, 5000);
    expect(target.rows.map((r) => r.token)).toEqual(Array.from({ length: 120 }, (_, i) => `tok${i}`));
    expect(target.inserts).toBeGreaterThanOrEqual(5);
    expect(shipper.backlogBytes(log.position)).toBe(0);
    // Finished segments are unlinked asynchronously.
    await vi.waitFor(() => expect(listSegments(dir)).toEqual([log.position.segment]));
    await log.close();
  });

  test('while the target fails, events wait in the log and reads time out with the backlog; then everything arrives', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    await writeEvents(log, 10);
    const target = new FakeTarget();
    target.failNext = { times: 5, afterStoring: false };
    const shipper = ship(dir, target);
    await expect(shipper.waitFor(log.position, 30)).rejects.toMatchObject({ code: 'unavailable', details: { backlogBytes: expect.any(Number) } });
    expect(shipper.backlogBytes(log.position)).toBeGreaterThan(0);
    await shipper.waitFor(log.position, 5000);
    expect(target.rows).toHaveLength(10);
    expect(shipper.status.failing).toBe(false);
    await log.close();
  });

  test('a batch stored whose answer was lost is not stored twice when re-sent', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    await writeEvents(log, 50);
    const target = new FakeTarget();
    target.failNext = { times: 2, afterStoring: true };
    const shipper = ship(dir, target, { maxBatchRows: 20 });
    await shipper.waitFor(log.position, 5000);
    await writeEvents(log, 5, 50);
    await shipper.waitFor(log.position, 5000);
    const ids = target.rows.map((r) => r.id);
    expect(ids).toHaveLength(55);
    expect(new Set(ids).size).toBe(55);
    await log.close();
  });

  test('a restart after a crash between the answer and the checkpoint re-sends nothing twice', async () => {
    const dir = tempDir();
    const log = new EventLog(dir);
    await writeEvents(log, 30);
    await log.close();
    const state = new MemoryState();
    const target = new FakeTarget(state);
    // What a crash leaves: the rows reached the target, the checkpoint still says "in flight from 0".
    target.rows.push(...parseEventLines(readFileSync(join(dir, segmentName(1)), 'utf8').trim().split('\n')));
    state.cp = { segment: 1, offset: 0, shipped: 0, inflight: { segment: 1, offset: 0 } };
    const shipper = ship(dir, target);
    await shipper.waitFor(log.position, 5000);
    expect(target.rows).toHaveLength(30);
  });

  test('one shipper per log: a second process only follows the shared checkpoint', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'meta.db'));
    const log = new EventLog(join(dir, 'log'));
    await writeEvents(log, 40);
    const a = new FakeTarget(new ShipState(db));
    const b = new FakeTarget(new ShipState(openDatabase(join(dir, 'meta.db'))));
    const first = ship(join(dir, 'log'), a, { maxBatchRows: 7 });
    const second = ship(join(dir, 'log'), b, { maxBatchRows: 7 });
    await Promise.all([first.waitFor(log.position, 5000), second.waitFor(log.position, 5000)]);
    expect(a.rows.length + b.rows.length).toBe(40);
    expect([a.rows.length, b.rows.length].sort((x, y) => x - y)).toEqual([0, 40]);
    await log.close();
  });
});

describe('ship state', () => {
  test('a lease left by a dead process of this host is taken over at once; a live holder keeps it', () => {
    const db = openDatabase(':memory:');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    db.prepare('INSERT INTO scheduler_lease (name, owner, expires_at) VALUES (?, ?, ?)').run('event-shipper', `${hostname()}:${dead}:x`, Date.now() + 60_000);
    const mine = new ShipState(db);
    expect(mine.acquireLease(Date.now(), 60_000)).toBe(true);
    expect(new ShipState(db).acquireLease(Date.now(), 60_000)).toBe(false);
  });

  test('the first checkpoint starts where the SQLite loader stopped', () => {
    const db = openDatabase(':memory:');
    db.prepare('INSERT INTO ingest_checkpoint (id, segment, offset, loaded) VALUES (1, 3, 120, 9)').run();
    expect(new ShipState(db).readCheckpoint()).toEqual({ segment: 3, offset: 120, shipped: 0, inflight: null });
  });
});
