// The minute scheduler end to end: simulated shares in the events table → one surge alert with evidence, delivered
// (signed) to a local receiver and pushed on the live feed; quiet hours record without delivering; new platforms; the lease.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AlertService } from '../src/alerts/alert-service.js';
import type { RunSummary } from '../src/alerts/alert-scheduler.js';
import { verifySignature } from '../src/alerts/sign-payload.js';
import { simulateSeries } from '../src/alerts/simulate-series.js';
import { buildEvent } from '../src/ingest/build-event.js';
import type { Platform } from '../src/vocabulary.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { startReceiver, type Receiver } from './webhooks-receiver.js';

const MIN = 60_000;
// Three and a half days of history (a Monday 00:00 UTC start), then a 5× surge on Thursday at 14:00 UTC (15:00 in Paris).
const SURGE_AT = 3 * 1440 + 14 * 60;
const series = simulateSeries({ seed: 42, ratePerMinute: 2, minutes: SURGE_AT + 60, surge: { at: SURGE_AT, minutes: 20, factor: 5 } });
const minuteStart = (m: number) => series.start + m * MIN;
/** The scheduler's `now` that evaluates minute m: just after it ended, past the default 5 s lag. */
const evaluating = (m: number) => minuteStart(m + 1) + 6000;

let t: TestApp;
let receiver: Receiver;
let hook: { id: string; secret: string };
let hot: { id: string; slug: string };
let ruleLoud: string;
let ruleQuiet: string;
let warmup: RunSummary;
const runs: RunSummary[] = [];

async function preview(linkId: string, ts: number, platform: Platform) {
  await t.app.services.ingest.recordAsync(buildEvent({ ts, workspaceId: t.workspace.id, type: 'preview', linkId, platform, channel: 'dark_social' }));
}
const api = (url: string) => t.app.inject({ method: 'GET', url, headers: t.auth() }).then((r) => r.json());
const create = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: t.auth(), payload }).then((r) => r.json());

beforeAll(async () => {
  t = await createTestApp();
  await t.app.ready();
  t.app.services.alerts.scheduler.stop();
  t.app.services.alerts.deliveries.configure({ pollMs: 25 });
  receiver = await startReceiver();
  hook = await create('/api/webhooks', { url: receiver.url, allowPrivate: true });
  hot = await create('/api/links', { url: 'https://shop.example/launch', slug: 'launch' });
  const spread = await create('/api/links', { url: 'https://shop.example/spread', slug: 'spread' });
  const fresh = await create('/api/links', { url: 'https://shop.example/fresh', slug: 'fresh' });
  ruleLoud = (await create('/api/alerts/rules', { kind: 'surge', scope: 'link', target: hot.id, metric: 'shares', channels: [hook.id] })).id;
  ruleQuiet = (await create('/api/alerts/rules', { kind: 'surge', scope: 'link', target: hot.id, metric: 'shares', channels: [hook.id], quietHours: { start: '13:00', end: '17:00', tz: 'Europe/Paris' } })).id;

  const writes: Promise<void>[] = [];
  series.counts.forEach((n, m) => {
    for (let i = 0; i < n; i++) writes.push(preview(hot.id, minuteStart(m) + Math.floor((i * MIN) / n), 'whatsapp'));
  });
  // `spread` lives on WhatsApp, then reaches Telegram during the surge (twice); `fresh` is first shared on Telegram.
  for (const m of [300, 1500, 2900]) writes.push(preview(spread.id, minuteStart(m) + 1000, 'whatsapp'));
  writes.push(preview(spread.id, minuteStart(SURGE_AT + 5) + 2000, 'telegram'), preview(spread.id, minuteStart(SURGE_AT + 8) + 2000, 'telegram'));
  writes.push(preview(fresh.id, minuteStart(SURGE_AT + 6) + 2000, 'telegram'));
  await Promise.all(writes);

  const scheduler = t.app.services.alerts.scheduler;
  warmup = await scheduler.runOnce(evaluating(SURGE_AT - 1));
  for (let m = SURGE_AT; m < SURGE_AT + 45; m++) runs.push(await scheduler.runOnce(evaluating(m)));
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

describe('surges', () => {
  test('the first run warms the baselines from the stored history, quickly, and finds nothing in it', () => {
    expect(warmup.leader).toBe(true);
    expect(warmup.warmed.map((w) => w.workspaceId).sort()).toEqual([t.workspace.id, t.other.workspace.id].sort());
    expect(warmup.warmed[0].days).toBe(56);
    expect(warmup.detections).toBe(0);
    expect(runs.every((r) => r.leader && r.minutes === 2 && r.warmed.length === 0)).toBe(true);
  });

  test('a 5× surge of shares on one link raises exactly one alert for that link, with its evidence', async () => {
    const alerts = (await api('/api/alerts?kind=surge')).items.filter((a: { rule: string }) => a.rule === ruleLoud);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'surge', scope: 'link', target: hot.id, label: 'link /launch', metric: 'shares', suppressed: false, status: 'closed' });
    // The alert starts at the first bucket above its baseline in the tested window: possibly a minute or two early.
    expect(Date.parse(alert.startedAt)).toBeGreaterThanOrEqual(minuteStart(SURGE_AT - 2));
    expect(Date.parse(alert.startedAt)).toBeLessThan(minuteStart(SURGE_AT + 5));
    expect(Date.parse(alert.endedAt)).toBeGreaterThanOrEqual(minuteStart(SURGE_AT + 15));
    expect(alert.minProbability).toBeLessThan(1e-5);
    expect(alert.peak).toBeGreaterThanOrEqual(7);
    expect(alert.evidence.series).toHaveLength(60);
    expect(alert.evidence.baseline).toHaveLength(60);
    expect(alert.evidence.bucketMs).toBe(MIN);
    expect(await api(`/api/alerts/${alert.id}`)).toEqual(alert);
    // The alert is visible to the workspace only.
    expect((await t.app.inject({ method: 'GET', url: `/api/alerts/${alert.id}`, headers: t.auth(t.other.key) })).statusCode).toBe(404);
  });

  test('while it lasted it was one open alert, updated minute by minute', () => {
    const live = t.app.services.live.since(t.workspace.id, 0).filter((m) => m.type === 'alert');
    const mine = live.filter((m) => (m.data.alert as { rule: string }).rule === ruleLoud);
    expect(mine[0].data.event).toBe('alert.opened');
    expect((mine[0].data.alert as { status: string }).status).toBe('open');
    expect(new Set(mine.map((m) => (m.data.alert as { id: string }).id)).size).toBe(1);
    expect(mine.slice(1, -1).every((m) => m.data.event === 'alert.updated')).toBe(true);
    expect(mine.at(-1)?.data.event).toBe('alert.closed');
  });

  test('it was delivered, signed, to the webhook when it opened and when it closed', async () => {
    const [alert] = (await api('/api/alerts?kind=surge')).items.filter((a: { rule: string }) => a.rule === ruleLoud);
    const deadline = Date.now() + 5000;
    const forAlert = () => receiver.received.filter((r) => (r.json.alert as { id?: string } | null)?.id === alert.id);
    while (forAlert().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const got = forAlert();
    expect(got.map((r) => r.headers['x-lantern-event'])).toEqual(['alert.opened', 'alert.closed']);
    for (const r of got) expect(verifySignature(r.raw, hook.secret, String(r.headers['x-lantern-signature']))).toBe(true);
    expect(got[0].json).toMatchObject({ event: 'alert.opened', workspace: { id: t.workspace.id, slug: 'default' }, alert: { id: alert.id, status: 'open', label: 'link /launch' } });
    expect((got[0].json.alert as { evidence: { series: number[] } }).evidence.series).toHaveLength(60);
  });

  test('a rule in quiet hours records the same surge but delivers nothing', async () => {
    const quiet = (await api('/api/alerts?kind=surge')).items.filter((a: { rule: string }) => a.rule === ruleQuiet);
    expect(quiet).toHaveLength(1);
    expect(quiet[0].suppressed).toBe(true);
    const deliveries = (await api(`/api/webhooks/${hook.id}/deliveries?limit=500`)).items;
    expect(deliveries.some((d: { alert: string }) => d.alert === quiet[0].id)).toBe(false);
    expect(receiver.received.some((r) => (r.json.alert as { id?: string } | null)?.id === quiet[0].id)).toBe(false);
    expect(t.app.services.live.since(t.workspace.id, 0).some((m) => (m.data.alert as { id?: string } | undefined)?.id === quiet[0].id)).toBe(true);
  });
});

describe('new platforms', () => {
  test('the first Telegram preview of a link that only had WhatsApp shares raises one new_platform alert', async () => {
    const alerts = (await api('/api/alerts?kind=new_platform')).items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'new_platform', scope: 'link', label: 'link /spread', subject: 'telegram', observed: 1, status: 'closed' });
    expect(alerts[0].startedAt).toBe(new Date(minuteStart(SURGE_AT + 5)).toISOString());
    const deadline = Date.now() + 5000;
    while (!receiver.received.some((r) => (r.json.alert as { id?: string } | null)?.id === alerts[0].id) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const delivered = receiver.received.find((r) => (r.json.alert as { id?: string } | null)?.id === alerts[0].id);
    expect(delivered?.headers['x-lantern-event']).toBe('alert.opened');
  });
});

describe('one scheduler per database', () => {
  test('a second node sharing the database is refused the lease until it expires, then takes over', async () => {
    const s = t.app.services;
    const node2 = new AlertService({ meta: s.meta, events: s.stores.events, live: s.live, log: t.app.log, now: s.now, serverSecret: t.config.secret });
    const lastRun = evaluating(SURGE_AT + 44);
    expect((await node2.scheduler.runOnce(lastRun + MIN)).leader).toBe(false);
    expect((await node2.scheduler.runOnce(lastRun + 2 * MIN)).leader).toBe(false);
    const takeover = await node2.scheduler.runOnce(lastRun + 4 * MIN);
    expect(takeover.leader).toBe(true);
    expect(takeover.warmed).toHaveLength(2);
    expect((await s.alerts.scheduler.runOnce(lastRun + 5 * MIN)).leader).toBe(false);
    await node2.close();
    expect((await s.alerts.scheduler.runOnce(lastRun + 6 * MIN)).leader).toBe(true);
  });
});
