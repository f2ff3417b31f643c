// `lantern import-logs FILE...`: replays nginx/Apache combined access logs as clicks, previews, joins, bots and page views.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { getOrCreateWorkspace } from '../auth/workspaces.js';
import { classifyAgent, classifyRequest } from '../classify/index.js';
import { AppError } from '../errors.js';
import { buildEvent } from '../ingest/build-event.js';
import { lookupCountry } from '../ingest/lookup-country.js';
import { mintShareToken, parseShareToken } from '../links/share-token.js';
import type { Services } from '../services.js';
import type { Link, Site, StoredEvent } from '../store/types.js';
import { EVENT_TYPES } from '../vocabulary.js';
import { parseAccessLogLine, type AccessLogEntry } from './parse-access-log.js';

export interface ImportLogsOptions {
  /** Workspace slug whose links (and site) the lines are matched against. */
  workspace: string;
  /** Site id: successful GETs of its pages become page views. Without it only short-link requests are imported. */
  site?: string;
}

/** Why a line was not imported: a closed list, each counted in the summary. */
export type SkipReason = 'malformed' | 'method' | 'not_a_link' | 'asset' | 'not_a_page' | 'error_status' | 'redirect' | 'bot';
const SKIP_REASONS: readonly SkipReason[] = ['malformed', 'method', 'not_a_link', 'asset', 'not_a_page', 'error_status', 'redirect', 'bot'];

interface ImportTally {
  lines: number;
  imported: Partial<Record<StoredEvent['type'], number>>;
  previewsByPlatform: Record<string, number>;
  skipped: Record<SkipReason, number>;
}
type Outcome = { event: StoredEvent } | { skip: SkipReason };
interface ImportContext { workspaceId: string; site: Site | null }

/** Acknowledgements awaited together: big enough to keep the log's group writes full, small enough to bound memory. */
const BATCH = 5_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** Checks every file before reading any, so a typo fails fast instead of after a long import. */
function checkFiles(files: string[]): Map<string, number> {
  if (files.length === 0) throw new AppError('validation_failed', 'no log file given');
  const sizes = new Map<string, number>();
  for (const file of files) {
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new AppError('validation_failed', `${JSON.stringify(file)} is not a file`, { details: { file } });
      size = st.size;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('not_found', `cannot read ${JSON.stringify(file)}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, { details: { file }, cause: err });
    }
    sizes.set(file, size);
  }
  return sizes;
}

/** gzip by its magic bytes (1f 8b), whatever the name: logrotate's `access.log.2.gz` and renamed copies alike. */
function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Progress on stderr about every second, or every 5 % of the file: bytes read of its size, and lines per second. */
function progressReporter(file: string, size: number, started: number) {
  const tty = process.stderr.isTTY === true;
  let lastAt = 0;
  let lastFraction = 0;
  return (bytes: number, lines: number, final = false) => {
    const now = performance.now();
    const fraction = size === 0 ? 1 : bytes / size;
    if (!final && now - lastAt < 1_000 && fraction - lastFraction < 0.05) return;
    lastAt = now;
    lastFraction = fraction;
    const rate = lines / Math.max((now - started) / 1_000, 0.001);
    const text = `import-logs: ${basename(file)} ${(fraction * 100).toFixed(0).padStart(3)} % (${mb(bytes)} / ${mb(size)} MB), ${fmt(lines)} lines, ${fmt(rate)} lines/s`;
    process.stderr.write(tty ? `\r${text}\x1b[K${final ? '\n' : ''}` : `${text}\n`);
  };
}

const DAY_MS = 86_400_000;
const LINK_PATH = /^\/(i\/)?([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/?$/;
/** What the redirect answers when it records something: 302 for people and bots, 200 for preview cards (older servers: 301, 307…). */
const LINK_STATUSES = new Set([200, 301, 302, 303, 307, 308]);
/** The server's own endpoints, when the log is Lantern's or shares its host: never a page of the site. */
const NOT_PAGES = /^\/(?:api|app|assets|healthz|readyz|metrics)(?:\/|$)/;

/** A page (no extension, or .html/.htm) rather than a script, image, stylesheet, feed… */
function isPagePath(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') || /\.html?$/i.test(last);
}

/**
 * The visitor hash. The hasher holds today's salt only: hashing with the line's own time would make it load that
 * day's salt, and the salt store keeps a single day, so today's live salt would be deleted. Lines are therefore hashed
 * with today's salt, which is acceptable for history; the line's day is mixed in so that a person is one visitor per
 * logged day and a different one on each other day, as live counting would have it. The IP is used here and dropped.
 */
function visitorOf(s: Services, entry: AccessLogEntry, workspaceId: string): string {
  const now = s.now();
  const day = Math.floor(entry.ts / DAY_MS);
  return s.hasher.hash(now, workspaceId, entry.ip, day === Math.floor(now / DAY_MS) ? entry.userAgent : `${entry.userAgent}\0${day}`);
}

// Logs repeat addresses (a visitor's pages, a fetcher's many requests): a bounded memo saves most database lookups.
const countries = new Map<string, string | null>();
function countryOf(ip: string): string | null {
  let country = countries.get(ip);
  if (country === undefined) {
    if (countries.size >= 50_000) countries.clear();
    countries.set(ip, (country = lookupCountry(ip)));
  }
  return country;
}

function shareTokenOf(entry: AccessLogEntry): string | null {
  return entry.query.includes('ls=') ? parseShareToken(new URLSearchParams(entry.query).get('ls')) : null;
}

/** The event the live redirect records for this request (see links/visit-link.ts), at the logged time. */
function linkEvent(s: Services, link: Link, entry: AccessLogEntry): StoredEvent {
  const agent = classifyAgent(entry.userAgent);
  const parent = shareTokenOf(entry);
  const base = {
    ts: entry.ts, workspaceId: link.workspaceId, linkId: link.id, communityId: link.communityId, ambassadorId: link.ambassadorId,
    campaignId: link.campaignId, device: agent.device, browser: agent.browser, os: agent.os, country: countryOf(entry.ip),
  };
  if (agent.kind === 'preview') return buildEvent({ ...base, type: 'preview', platform: agent.platform, channel: 'dark_social', token: parent });
  const c = classifyRequest({ userAgent: entry.userAgent, referrer: entry.referrer, trackedLink: true });
  const bot = agent.kind === 'bot';
  return buildEvent({
    ...base, type: bot ? 'bot' : link.kind === 'invite' ? 'join' : 'click', platform: c.platform, channel: c.channel, inApp: c.inApp,
    referrerHost: c.referrerHost, parent, token: bot ? null : mintShareToken(), visitor: bot ? null : visitorOf(s, entry, link.workspaceId),
  });
}

/** A page view as the tracker would report it (bots dropped as the collector drops them); a preview fetch of a page is a share. */
function pageEvent(s: Services, site: Site, entry: AccessLogEntry): Outcome {
  const c = classifyRequest({
    userAgent: entry.userAgent, referrer: entry.referrer, url: entry.query ? `${entry.path}?${entry.query}` : entry.path, ownHosts: [site.domain],
  });
  if (c.kind === 'bot') return { skip: 'bot' };
  const base = {
    ts: entry.ts, workspaceId: site.workspaceId, siteId: site.id, path: entry.path, country: countryOf(entry.ip), device: c.device,
    browser: c.browser, os: c.os,
  };
  if (c.kind === 'preview') return { event: buildEvent({ ...base, type: 'preview', platform: c.platform, channel: 'dark_social', token: shareTokenOf(entry) }) };
  return {
    event: buildEvent({
      ...base, type: 'pageview', platform: c.platform, channel: c.channel, inApp: c.inApp, referrerHost: c.referrerHost,
      token: mintShareToken(), parent: shareTokenOf(entry), visitor: visitorOf(s, entry, site.workspaceId),
    }),
  };
}

function pageOutcome(s: Services, entry: AccessLogEntry, ctx: ImportContext): Outcome {
  if (!ctx.site) return { skip: 'not_a_link' };
  if (!isPagePath(entry.path)) return { skip: 'asset' };
  if (NOT_PAGES.test(entry.path)) return { skip: 'not_a_page' };
  if (entry.status >= 400) return { skip: 'error_status' };
  if (entry.status >= 300 && entry.status !== 304) return { skip: 'redirect' };
  return pageEvent(s, ctx.site, entry);
}

/** What one parsed line becomes; synchronous unless the slug is not in the link cache yet. */
function outcomeOf(s: Services, entry: AccessLogEntry, ctx: ImportContext): Outcome | Promise<Outcome> {
  if (entry.method !== 'GET') return { skip: 'method' };
  const m = LINK_PATH.exec(entry.path);
  if (!m) return pageOutcome(s, entry, ctx);
  const decide = (link: Link | undefined): Outcome => {
    if (!link || link.workspaceId !== ctx.workspaceId || (link.kind === 'invite') !== (m[1] !== undefined)) return pageOutcome(s, entry, ctx);
    return LINK_STATUSES.has(entry.status) ? { event: linkEvent(s, link, entry) } : { skip: 'error_status' };
  };
  const now = s.now();
  const cached = s.links.resolveCached(m[2], now);
  return cached !== undefined ? decide(cached?.link) : s.links.resolve(m[2], now).then((r) => decide(r?.link));
}

async function importFile(s: Services, file: string, size: number, ctx: ImportContext, tally: ImportTally): Promise<void> {
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  raw.on('data', (chunk) => (bytes += chunk.length));
  const input = isGzip(file) ? raw.pipe(createGunzip()) : raw;
  // A corrupt gzip member or a read error ends the import with a clear message rather than a stack trace.
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: Error) => reject(new AppError('validation_failed', `cannot read ${JSON.stringify(file)}: ${err.message}`, { details: { file }, cause: err }));
    raw.once('error', fail);
    if (input !== raw) input.once('error', fail);
  });
  failed.catch(() => undefined);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const report = progressReporter(file, size, performance.now());
  let pending: Promise<void>[] = [];
  let fileLines = 0;
  const read = (async () => {
    for await (const line of lines) {
      fileLines++;
      tally.lines++;
      const entry = parseAccessLogLine(line);
      let outcome = entry === null ? ({ skip: 'malformed' } as const) : outcomeOf(s, entry, ctx);
      if (outcome instanceof Promise) outcome = await outcome;
      if ('skip' in outcome) tally.skipped[outcome.skip]++;
      else {
        countImported(tally, outcome.event);
        pending.push(s.ingest.recordAsync(outcome.event));
        if (pending.length >= BATCH) {
          await Promise.all(pending);
          pending = [];
        }
      }
      if ((fileLines & 1023) === 0) report(bytes, fileLines);
    }
    await Promise.all(pending);
  })();
  await Promise.race([read, failed]);
  report(bytes, fileLines, true);
}

function countImported(tally: ImportTally, event: StoredEvent): void {
  tally.imported[event.type] = (tally.imported[event.type] ?? 0) + 1;
  if (event.type === 'preview') tally.previewsByPlatform[event.platform] = (tally.previewsByPlatform[event.platform] ?? 0) + 1;
}

const SKIP_LABELS: Record<SkipReason, string> = {
  malformed: 'malformed', method: 'not GET', not_a_link: 'not a link', asset: 'asset', not_a_page: 'not a page (API, dashboard)',
  error_status: 'error status', redirect: 'redirect', bot: 'bot on a page',
};

function printSummary(files: string[], tally: ImportTally, seconds: number): void {
  const byType = EVENT_TYPES.filter((t) => tally.imported[t]).map((t) => `${t} ${fmt(tally.imported[t]!)}`);
  const previews = Object.entries(tally.previewsByPlatform).sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${fmt(n)}`);
  const skipped = SKIP_REASONS.filter((r) => tally.skipped[r] > 0).map((r) => `${SKIP_LABELS[r]} ${fmt(tally.skipped[r])}`);
  const total = Object.values(tally.imported).reduce((a, b) => a + b, 0);
  console.log(`Read ${fmt(tally.lines)} lines from ${files.length} file${files.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${fmt(tally.lines / Math.max(seconds, 0.001))} lines/s).`);
  console.log(`  imported ${fmt(total)} events${byType.length ? `: ${byType.join(', ')}` : ''}`);
  if (previews.length) console.log(`  previews by platform: ${previews.join(', ')}`);
  console.log(`  skipped: ${skipped.length ? skipped.join(', ') : 'none'}`);
}

/**
 * Imports access logs into a workspace. Requests for its short links (`/slug`, `/i/slug`) become the click, join,
 * preview or bot events the live redirect would have recorded, at the logged time; with `site`, successful GETs of that
 * site's pages become page views (assets, error statuses, bots and other methods are skipped and counted). Reads plain
 * or gzip files as streams, prints progress on stderr and a summary on stdout. Never stores an IP address.
 * @throws AppError not_found for a missing file, workspace or site; validation_failed for a directory or unreadable gzip.
 */
export async function importLogs(s: Services, files: string[], o: ImportLogsOptions): Promise<void> {
  const sizes = checkFiles(files);
  const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
  const site = o.site ? await s.stores.meta.sites.get(ws.id, o.site) : null;
  if (o.site && !site) throw new AppError('not_found', `site ${JSON.stringify(o.site)} not found in workspace ${ws.slug}`, { details: { site: o.site } });
  const started = performance.now();
  const tally: ImportTally = { lines: 0, imported: {}, previewsByPlatform: {}, skipped: Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number> };
  for (const file of files) await importFile(s, file, sizes.get(file)!, { workspaceId: ws.id, site }, tally);
  await s.ingest.catchUp();
  printSummary(files, tally, (performance.now() - started) / 1_000);
}
