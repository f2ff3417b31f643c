// Runs the WAL checkpoints of the SQLite file in a worker thread (checkpoint-worker.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData } from './checkpoint-worker.js';

/** The worker's entry: the compiled .js beside this file or, from TypeScript sources (tests), the .ts through tsx. */
function startWorker(data: CheckpointWorkerData): Worker {
  const compiled = new URL('./checkpoint-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData: data });
  const entry = new URL('./checkpoint-worker.ts', import.meta.url).href;
  return new Worker(new URL('../../scripts/ts-worker.mjs', import.meta.url), { workerData: { ...data, entry } });
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private closing = false;

  /** `onStop` hears that the worker stopped unasked: the caller checkpoints on its own thread from then on. */
  constructor(file: string, onError: (message: string) => void, onStop: (err: Error) => void, intervalMs = 250) {
    this.worker = startWorker({ file, intervalMs });
    this.worker.on('message', (m: { type: string; message?: string }) => {
      if (m.type === 'failed') onError(m.message ?? 'checkpoint failed');
    });
    const stopped = (err: Error) => {
      if (!this.closing) onStop(err);
      this.closing = true;
    };
    this.worker.on('error', stopped);
    this.worker.on('exit', (code) => stopped(new Error(`the checkpoint thread exited (${code})`)));
    this.worker.unref();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // Kept alive until it has closed its connection: an unreferenced worker would let the process end mid-close.
    this.worker.ref();
    this.worker.postMessage('close');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000).unref())]);
    await this.worker.terminate();
  }
}
