// `lantern import-logs` as a user runs it: the real CLI process on a data dir, then the stats the dashboard would show.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOrCreateWorkspace } from '../src/auth/workspaces.js';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/ids.js';
import { LinkService } from '../src/links/link-service.js';
import { getBreakdown } from '../src/stats/get-breakdown.js';
import { getSummary } from '../src/stats/get-summary.js';
import { parseStatsQuery } from '../src/stats/stats-query.js';
import { createStores } from '../src/store/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sampleLog = join(root, 'test/fixtures/access-logs/sample.log');
const dirs: string[] = [];

interface CliResult { code: number; stdout: string; stderr: string }

function runCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/lantern.js'), ...args], { cwd: root, env: { ...process.env, LANTERN_SECRET: 'x'.repeat(32) } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });
}

/** Builds dist/ when it is missing or older than the CLI sources this test exercises. */
function ensureBuilt(): void {
  const sources = ['src/cli/import-logs.ts', 'src/cli/parse-access-log.ts', 'src/cli/main.ts'];
  const built = join(root, 'dist/cli/import-logs.js');
  const stale = !existsSync(built) || sources.some((f) => statSync(join(root, f)).mtimeMs > statSync(built).mtimeMs);
  if (!stale) return;
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree do not stop tsc from emitting; the check below is what matters.
  }
  if (!existsSync(built)) throw new Error('dist/cli/import-logs.js was not built');
}

/** A data dir with the default workspace, the tracked link and invite the sample log requests, and the shop's site. */
async function prepareDataDir(): Promise<{ dir: string; siteId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-import-'));
  dirs.push(dir);
  const stores = await createStores(loadConfig({}, { dataDir: dir, secret: 'x'.repeat(32) }));
  const now = Date.now();
  const ws = await getOrCreateWorkspace(stores.meta, 'default', now);
  const links = new LinkService(stores.meta, 'http://lnt.test');
  await links.create(ws.id, { url: 'https://shop.example/drops/autumn', slug: 'autumn-drop' }, now);
  await links.create(ws.id, { url: 'https://chat.whatsapp.com/Gq7DemoVipLumiere01', slug: 'join-vip', kind: 'invite' }, now);
  const site = await stores.meta.sites.insert({ id: newId('site'), workspaceId: ws.id, domain: 'shop.example', name: 'Shop', createdAt: now, updatedAt: now });
  await stores.close();
  return { dir, siteId: site.id };
}

async function readStats(dir: string) {
  const stores = await createStores({ dataDir: dir, databaseUrl: null, clickhouseUrl: null });
  try {
    const ws = (await stores.meta.getWorkspaceBySlug('default'))!;
    const q = parseStatsQuery(ws.id, { from: '2026-11-20', to: '2026-11-30' }, Date.now());
    const rows = await stores.events.all<Record<string, unknown>>({ sqlite: 'SELECT * FROM events WHERE workspace_id = :ws' }, { ws: ws.id });
    return { summary: await getSummary(stores.events, q), platforms: await getBreakdown(stores.events, q, 'platform', 30), rows };
  } finally {
    await stores.close();
  }
}

beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('lantern import-logs', () => {
  let run: CliResult;
  let stats: Awaited<ReturnType<typeof readStats>>;

  beforeAll(async () => {
    const { dir, siteId } = await prepareDataDir();
    run = await runCli(['import-logs', sampleLog, '--data-dir', dir, '--site', siteId]);
    stats = await readStats(dir);
  }, 120_000);

  it('exits 0 with a summary of what was imported and skipped, and progress on stderr', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Read 31 lines from 1 file in [\d.]+ s \([\d,]+ lines\/s\)/);
    expect(run.stdout).toContain('imported 16 events: click 5, preview 5, pageview 4, join 1, bot 1');
    expect(run.stdout).toContain('skipped: malformed 7, not GET 2, asset 3, error status 2, bot on a page 1');
    expect(run.stdout).toContain('previews by platform: whatsapp 1, telegram 1, discord 1, slack 1, facebook 1');
    expect(run.stderr).toMatch(/import-logs: sample\.log 100 % \([\d.]+ \/ [\d.]+ MB\), 31 lines/);
  });

  it('counts clicks and landing page views as visits, preview fetches as shares by platform, and keeps bots apart', () => {
    expect(stats.summary).toMatchObject({ visits: 9, shares: 5, joins: 1, bots: 1 });
    expect(stats.summary.sharesByPlatform).toEqual({ whatsapp: 1, telegram: 1, discord: 1, slack: 1, facebook: 1 });
    const platforms = new Map(stats.platforms.rows.map((r) => [r.key, r]));
    expect(platforms.get('instagram')?.visits).toBe(1);
    expect(platforms.get('whatsapp')).toMatchObject({ visits: 1, shares: 1 });
    expect(stats.summary.darkSocialShare).toBeGreaterThan(0.5);
  });

  it('keeps the logged times, the share-token parents and countries, and never stores an IP address', () => {
    const click = stats.rows.find((r) => r.type === 'click' && r.parent === 'Qm9vW2hkL3xZ')!;
    expect(click.ts).toBe(Date.UTC(2026, 10, 24, 17, 9, 54));
    expect(click.token).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const preview = stats.rows.find((r) => r.type === 'preview' && r.platform === 'telegram')!;
    expect(preview.token).toBe('Qm9vW2hkL3xZ');
    const googlebot = stats.rows.find((r) => r.type === 'bot')!;
    expect(googlebot.country).toBe('US');
    expect(googlebot.visitor).toBeNull();
    const text = JSON.stringify(stats.rows);
    for (const ip of ['203.0.113.24', '198.51.100.7', '2001:db8:85a3', '66.249.66.1']) expect(text).not.toContain(ip);
  });

  it('fails with one clear line and a non-zero exit for a missing file', async () => {
    const { dir } = await prepareDataDir();
    const missing = await runCli(['import-logs', join(dir, 'nope.log'), '--data-dir', dir]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^lantern: cannot read ".*nope\.log": no such file/);
  });
});

describe('lantern import-logs on a gzipped log', () => {
  it('streams a rotated .gz file and imports short-link requests only, without --site', async () => {
    const { dir } = await prepareDataDir();
    const lines = readFileSync(sampleLog, 'utf8').split('\n').filter((l) => l.includes('"GET /autumn-drop HTTP/1.1" 302'));
    const body = Array.from({ length: 5_000 }, (_, i) => lines[i % lines.length]).join('\n') + '\n';
    const gz = join(dir, 'access.log.2.gz');
    writeFileSync(gz, gzipSync(body));
    const run = await runCli(['import-logs', gz, '--data-dir', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Read 5,000 lines from 1 file');
    const stats = await readStats(dir);
    const perCycle = lines.filter((l) => !l.includes('Googlebot')).length;
    expect(stats.summary.visits).toBe(Math.round((5_000 / lines.length) * perCycle));
    expect(stats.summary.bots).toBe(5_000 - stats.summary.visits);
  }, 120_000);
});
