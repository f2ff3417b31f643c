// The checkpoint thread copies the write-ahead log into the database file while the main thread keeps writing.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openDatabase } from '../store/sqlite/open-database.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('checkpoints from its own thread (automatic checkpoints are off), and closes cleanly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-wal-'));
  dirs.push(dir);
  const file = join(dir, 'lantern.db');
  const db = openDatabase(file);
  const problems: string[] = [];
  const checkpointer = new WalCheckpointer(file, (m) => problems.push(m), (err) => problems.push(err.message), 50);
  const before = statSync(file).size;
  db.exec('CREATE TABLE filler (x TEXT)');
  const insert = db.prepare('INSERT INTO filler (x) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(500));
  })();
  // Nothing has reached the database file yet: the rows are in the WAL.
  expect(statSync(file).size).toBe(before);
  const deadline = Date.now() + 5_000;
  while (statSync(file).size <= before + 500_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(statSync(file).size).toBeGreaterThan(before + 500_000);
  await checkpointer.close();
  expect(problems).toEqual([]);
  db.close();
});
