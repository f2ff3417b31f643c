// Redirect benchmark: Lantern's durable redirect against a bare node:http 302 server, same machine, same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, runLoad, spawnServer, type LoadResult } from './load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function measure(url: string, runs: number, seconds: number): Promise<LoadResult[]> {
  await runLoad(url, 3, 50, { 'user-agent': UA }); // warm-up
  const results: LoadResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await runLoad(url, seconds, 50, { 'user-agent': UA }));
  return results;
}

/** Runs both servers in turn and returns printable lines. */
export async function benchRedirect(runs = 3, seconds = 10): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-'));
  const lines: string[] = [];
  try {
    const bare = spawnServer(process.execPath, [join(ROOT, 'bench', 'bare-server.mjs'), '18301'], 'ready');
    await bare.ready;
    const bareRuns = await measure('http://127.0.0.1:18301/bench', runs, seconds);
    await bare.stop();

    execFileSync(process.execPath, [join(ROOT, 'bin', 'lantern.js'), 'links', 'create', 'https://shop.example/landing?ref=bench', '--slug', 'bench', '--data-dir', dataDir], { stdio: 'ignore' });
    const lantern = spawnServer(process.execPath, [join(ROOT, 'bin', 'lantern.js'), 'start', '--port', '18302', '--data-dir', dataDir], 'Lantern is running', { LANTERN_LOG_LEVEL: 'warn' });
    await lantern.ready;
    const lanternRuns = await measure('http://127.0.0.1:18302/bench', runs, seconds);
    await lantern.stop();

    const b = median(bareRuns.map((r) => r.rps));
    const l = median(lanternRuns.map((r) => r.rps));
    const fmt = (name: string, rs: LoadResult[]) =>
      `${name.padEnd(38)} ${median(rs.map((r) => r.rps)).toFixed(0).padStart(7)} req/s   p50 ${median(rs.map((r) => r.p50)).toFixed(2)} ms   p99 ${median(rs.map((r) => r.p99)).toFixed(2)} ms`;
    lines.push(`redirect (${bareRuns[0].tool}, 50 connections, median of ${runs} × ${seconds} s)`);
    lines.push(fmt('  bare node:http 302 from a Map', bareRuns));
    lines.push(fmt('  Lantern GET /:slug, durable click', lanternRuns));
    lines.push(`  ratio to bare: ${(l / b).toFixed(2)}× (goal ≥ 0.85×, p99 ≤ 5 ms)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
