// Starts a worker thread from TypeScript sources (tests run src/ directly): registers tsx, then imports the entry
// named in workerData. Built code (dist/) starts its workers from the compiled .js and never uses this file.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
