// Checkpoints the SQLite write-ahead log from a thread of its own: a checkpoint copies pages and fsyncs, which on
// the main thread stalled every request for 70–170 ms under load. PASSIVE never blocks the main thread's writers.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointWorkerData { file: string; intervalMs: number }

const port = parentPort!;
const { file, intervalMs } = workerData as CheckpointWorkerData;
const db = new Database(file);
db.pragma('busy_timeout = 1000');

const walBytes = () => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

const timer = setInterval(() => {
  try {
    if (walBytes() > 0) db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    port.postMessage({ type: 'failed', message: String(err) });
  }
}, intervalMs);

port.on('message', () => {
  clearInterval(timer);
  db.close();
  port.postMessage({ type: 'closed' });
  port.close();
});
