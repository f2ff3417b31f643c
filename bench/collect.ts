// Collector ingestion benchmark: events/s acknowledged after the durable write, against the bare 302 server's req/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { createStores } from '../src/store/index.js';
import { median, runLoad, spawnServer } from './load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Measures POST /api/collect with autocannon (wrk needs a script for bodies) and reports the tracker's size. */
export async function benchCollect(runs = 3, seconds = 8): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-collect-'));
  const lines: string[] = [];
  try {
    const stores = createStores(loadConfig({}, { dataDir }));
    const ws = { id: 'ws_bench', slug: 'default', name: 'Default', createdAt: Date.now() };
    await stores.meta.createWorkspace(ws);
    stores.meta.sites.insert({ id: 'site_bench', workspaceId: ws.id, domain: 'shop.example', name: null, createdAt: Date.now(), updatedAt: Date.now() });
    await stores.close();
    const server = spawnServer(process.execPath, [join(ROOT, 'bin', 'lantern.js'), 'start', '--port', '18303', '--data-dir', dataDir], 'Lantern is running', { LANTERN_LOG_LEVEL: 'warn' });
    await server.ready;
    const body = JSON.stringify({ s: 'site_bench', e: 'pageview', u: 'https://shop.example/products/red-shoes', r: 'https://web.whatsapp.com/', k: 'benchToken01', p: 'parentTok001', w: 390 });
    const headers = { 'content-type': 'text/plain', origin: 'https://shop.example', 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' };
    await runLoad('http://127.0.0.1:18303/api/collect', 2, 50, headers, 'POST', body);
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await runLoad('http://127.0.0.1:18303/api/collect', seconds, 50, headers, 'POST', body));
    await server.stop();
    lines.push(`collector (autocannon, 50 connections, median of ${runs} × ${seconds} s)`);
    lines.push(`  POST /api/collect, 202 after durable write: ${median(results.map((r) => r.rps)).toFixed(0)} events/s   p50 ${median(results.map((r) => r.p50)).toFixed(2)} ms   p99 ${median(results.map((r) => r.p99)).toFixed(2)} ms   (goal ≥ 30,000/s)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const tracker = join(ROOT, 'dist', 'public', 'lantern.js');
  if (!existsSync(tracker)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-tracker.js')], { stdio: 'ignore' });
  const raw = readFileSync(tracker);
  const gz = gzipSync(raw, { level: 9 }).length;
  lines.push(`tracker lantern.js: ${raw.length} bytes, ${gz} bytes gzipped = ${(gz / 1200).toFixed(2)}× the 1,200-byte budget (Umami 2.2 KB, Plausible 2.5 KB)`);
  return lines;
}
