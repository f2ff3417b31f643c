// Nothing answered is lost: kill -9 the server under load, restart, and every answered click is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createServices } from '../src/services.js';
import { createStores } from '../src/store/index.js';
import { UA } from './fixtures/user-agents.js';
import { ensureBuilt, runCli, startServer } from './helpers/cli-process.js';

let dataDir: string;
beforeAll(() => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-kill-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const quietLog = { error: () => undefined, warn: () => undefined, info: () => undefined } as never;

test('kill -9 under load, restart: every event whose response was sent is there', async () => {
  runCli(['links', 'create', 'https://shop.example/drop', '--slug', 'drop', '--data-dir', dataDir]);
  const server = await startServer(dataDir);
  const answered = new Set<string>();
  let stop = false;
  const worker = async () => {
    while (!stop) {
      try {
        const res = await fetch(`${server.origin}/drop`, { redirect: 'manual', headers: { 'user-agent': UA.chromeDesktop } });
        const token = new URL(res.headers.get('location')!).searchParams.get('ls');
        if (res.status === 302 && token) answered.add(token);
      } catch {
        return; // the server died mid-request: that response was never sent
      }
    }
  };
  const workers = Array.from({ length: 32 }, worker);
  await new Promise((r) => setTimeout(r, 1500));
  server.child.kill('SIGKILL');
  stop = true;
  await Promise.all(workers);
  await server.stop();
  expect(answered.size).toBeGreaterThan(100);

  // Restart on the same data: the log replays into the store.
  const config = loadConfig({}, { dataDir });
  const stores = await createStores(config);
  const services = await createServices(config, stores, quietLog);
  await services.ingest.catchUp();
  const stored = new Set((stores.events.db.prepare("SELECT token FROM events WHERE type = 'click'").all() as { token: string }[]).map((r) => r.token));
  const counts = stores.events.db.prepare("SELECT count(*) AS n, count(DISTINCT token) AS d FROM events WHERE type = 'click'").get() as { n: number; d: number };
  await services.close();
  await stores.close();
  const missing = [...answered].filter((tok) => !stored.has(tok));
  expect(missing).toEqual([]);
  // And nothing was stored twice.
  expect(counts.n).toBe(counts.d);
}, 60_000);
