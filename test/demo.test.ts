// `lantern demo` end to end: real stores on a temporary data dir, then the stats a dashboard user would see.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOrCreateWorkspace } from '../src/auth/workspaces.js';
import { loadConfig } from '../src/config.js';
import { runDemo } from '../src/demo/run-demo.js';
import { createServices, type Services } from '../src/services.js';
import { getBreakdown } from '../src/stats/get-breakdown.js';
import { getSummary } from '../src/stats/get-summary.js';
import { parseStatsQuery } from '../src/stats/stats-query.js';
import { createStores, type Stores } from '../src/store/index.js';
import type { Workspace } from '../src/store/types.js';

const noop = () => undefined;
const silentLog = { info: noop, warn: noop, error: noop, debug: noop, trace: noop, fatal: noop, child: () => silentLog, level: 'silent' } as unknown as FastifyBaseLogger;

describe('lantern demo', () => {
  let dir: string;
  let stores: Stores;
  let s: Services;
  let ws: Workspace;
  const lines: string[] = [];
  let result: { events: number; links: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantern-demo-'));
    const config = loadConfig({}, { dataDir: dir, secret: 'x'.repeat(32) });
    stores = await createStores({ dataDir: dir, databaseUrl: null, clickhouseUrl: null });
    s = await createServices(config, stores, silentLog);
    ws = await getOrCreateWorkspace(stores.meta, 'default', s.now());
    result = await runDemo(s, ws, (line) => lines.push(line), 42);
  });

  afterAll(async () => {
    await s?.close();
    await stores?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records tens of thousands of events and a dozen real links, printing progress and a summary', () => {
    expect(result.events).toBeGreaterThan(20_000);
    expect(result.links).toBeGreaterThanOrEqual(10);
    const progress = lines.filter((l) => /^demo: [\d,]+ \/ [\d,]+ events$/.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(8);
    expect(progress.at(-1)).toContain(`${result.events.toLocaleString('en-US')} / ${result.events.toLocaleString('en-US')}`);
    expect(lines.some((l) => l.includes('/app/'))).toBe(true);
  });

  it('shows visits, shares, joins and conversions for the last 30 days, mostly dark social', async () => {
    const summary = await getSummary(stores.events, parseStatsQuery(ws.id, {}, s.now()));
    expect(summary.visits).toBeGreaterThan(10_000);
    expect(summary.visitors).toBeGreaterThan(1_000);
    expect(summary.shares).toBeGreaterThan(500);
    expect(summary.joins).toBeGreaterThan(0);
    expect(summary.conversions).toBeGreaterThan(0);
    expect(summary.revenue).toBeGreaterThan(0);
    expect(summary.darkSocialShare).toBeGreaterThan(0.5);
    expect(summary.sharesByPlatform.discord).toBeGreaterThan(0);
  });

  it('breaks visits down by platform (WhatsApp and Discord among them) and by named community', async () => {
    const q = parseStatsQuery(ws.id, {}, s.now());
    const platforms = await getBreakdown(stores.events, q, 'platform', 30);
    const keys = platforms.rows.map((r) => r.key);
    expect(keys).toContain('whatsapp');
    expect(keys).toContain('discord');
    expect(platforms.rows.find((r) => r.key === 'whatsapp')!.visits).toBeGreaterThan(100);
    const communities = await getBreakdown(stores.events, q, 'community', 10, async (ids) => stores.meta.communities.names(ws.id, ids));
    expect(communities.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['VIP WhatsApp group', 'Discord launch server', 'Weekly newsletter']));
    // Every community row is a real community of the workspace, never another resource's id.
    expect(communities.rows.filter((r) => r.key !== null).every((r) => r.name !== undefined)).toBe(true);
    const ambassadors = await getBreakdown(stores.events, q, 'ambassador', 10, async (ids) => stores.meta.ambassadors.names(ws.id, ids));
    const named = ambassadors.rows.filter((r) => r.key !== null);
    expect(named.map((r) => r.name)).toContain('Camille Martin');
    // Lucas and Maya have no link: they show up through orders with their promo codes only (which of them gets
    // orders in a given month depends on the simulated dates).
    const promoOnly = named.filter((r) => r.name === 'Lucas Ferreira' || r.name === 'Maya Collins');
    expect(promoOnly.length).toBeGreaterThan(0);
    for (const row of promoOnly) expect(row).toMatchObject({ visits: 0, conversions: expect.any(Number) });
    expect(promoOnly.reduce((n, r) => n + (r as unknown as { conversions: number }).conversions, 0)).toBeGreaterThan(0);
  });

  it('creates the communities, ambassadors and links as real resources with short links that resolve', async () => {
    expect((await stores.meta.communities.list(ws.id, 50, null)).items).toHaveLength(5);
    expect((await stores.meta.ambassadors.list(ws.id, 50, null)).items).toHaveLength(5);
    const resolved = await s.links.resolve('vip-drop', s.now());
    expect(resolved?.link.workspaceId).toBe(ws.id);
    expect(resolved?.link.communityId).not.toBeNull();
    const invite = await s.links.resolve('join-discord', s.now());
    expect(invite?.link.kind).toBe('invite');
  });

  it('skips a second run on the same workspace and says so', async () => {
    const again: string[] = [];
    const second = await runDemo(s, ws, (line) => again.push(line), 42);
    expect(second).toEqual({ events: 0, links: 0 });
    expect(again.join('\n')).toMatch(/already has the demo data.*skipping/);
    const summary = await getSummary(stores.events, parseStatsQuery(ws.id, {}, s.now()));
    expect(summary.visits + summary.shares).toBeLessThan(result.events);
  });
});
