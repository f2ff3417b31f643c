// The simulated month: deterministic, realistic in volume and shape, with deep cascades and a visible Discord spike.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../vocabulary.js';
import { Rng } from './random.js';
import { simulateMonth, type DemoEvent } from './simulate.js';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 25, 15, 30);
const START = END - 30 * 24 * HOUR;
const month = simulateMonth({ seed: 42, start: START, end: END });
const clickTokens = new Set(month.events.filter((e) => e.type === 'click').map((e) => e.token!));

function countBy(events: readonly DemoEvent[], key: (e: DemoEvent) => string | null): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const e of events) out.set(key(e), (out.get(key(e)) ?? 0) + 1);
  return out;
}

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Rng(7), b = new Rng(7), c = new Rng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws Poisson counts around their mean', () => {
    const rng = new Rng(1);
    const draws = Array.from({ length: 20_000 }, () => rng.poisson(2.5));
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(2.5, 1);
  });
});

describe('simulateMonth', () => {
  it('gives the same month for the same seed and another month for another seed', () => {
    const again = simulateMonth({ seed: 42, start: START, end: END });
    expect(again.events).toEqual(month.events);
    const other = simulateMonth({ seed: 43, start: START, end: END });
    expect(other.events.length).not.toBe(month.events.length);
    expect(other.events.slice(0, 50)).not.toEqual(month.events.slice(0, 50));
  });

  it('produces 20-40 thousand events at scale 1, sorted in time inside the month, and scales linearly', () => {
    expect(month.events.length).toBeGreaterThan(20_000);
    expect(month.events.length).toBeLessThan(40_000);
    expect(month.events.every((e, i) => e.ts >= START && e.ts < END && (i === 0 || month.events[i - 1].ts <= e.ts))).toBe(true);
    const small = simulateMonth({ seed: 42, start: START, end: END, scale: 0.25 });
    expect(small.events.length / month.events.length).toBeGreaterThan(0.15);
    expect(small.events.length / month.events.length).toBeLessThan(0.35);
  });

  it('describes the brand: communities on five platforms, about five ambassadors, a dozen links with an invite per community', () => {
    expect(new Set(month.communities.map((c) => c.platform))).toEqual(new Set(['whatsapp', 'discord', 'signal', 'telegram', 'email']));
    expect(month.ambassadors).toHaveLength(5);
    expect(month.links.length).toBeGreaterThanOrEqual(10);
    expect(month.links.length).toBeLessThanOrEqual(15);
    const invited = month.links.filter((l) => l.kind === 'invite').map((l) => l.community);
    expect(invited.sort()).toEqual(month.communities.map((c) => c.key).sort());
    const keys = new Set([...month.communities, ...month.ambassadors, ...month.campaigns, ...month.links, month.site].map((x) => x.key));
    const unknown = month.events.flatMap((e) => [e.linkId, e.siteId, e.communityId, e.ambassadorId, e.campaignId]).filter((r) => r !== null && !keys.has(r));
    expect(unknown).toEqual([]);
  });

  it('contains every event type the dashboard shows', () => {
    const types = countBy(month.events, (e) => e.type);
    for (const type of EVENT_TYPES.filter((t) => t !== 'goal')) expect(types.get(type) ?? 0, type).toBeGreaterThan(0);
    // Visits dominate; previews are a minority; bots a few percent.
    expect((types.get('click')! + types.get('pageview')!) / month.events.length).toBeGreaterThan(0.7);
    expect(types.get('bot')! / month.events.length).toBeLessThan(0.05);
  });

  it('builds share cascades at least three shares deep', () => {
    const depth = new Map<string, number>();
    let maxShareHops = 0;
    for (const e of month.events) {
      if (e.type !== 'click' && e.type !== 'join' && e.type !== 'pageview') continue;
      // A landing page view continues its click; a click or a pasted page under another visit's token is one share further.
      const parentDepth = e.parent !== null ? depth.get(e.parent) : undefined;
      const hops = parentDepth === undefined ? 0 : parentDepth + (e.type === 'pageview' && e.linkId === null && clickTokens.has(e.parent!) ? 0 : 1);
      depth.set(e.token!, hops);
      maxShareHops = Math.max(maxShareHops, hops);
    }
    expect(maxShareHops).toBeGreaterThanOrEqual(3);
    // Every share of a visit's token names a visit that came before it.
    const previews = month.events.filter((e) => e.type === 'preview' && e.token !== null);
    expect(previews.length).toBeGreaterThan(100);
    expect(previews.every((p) => depth.has(p.token!))).toBe(true);
  });

  it('shows the bad-buzz spike on the Discord community: hourly events far above its usual level', () => {
    const { spike } = month;
    expect(spike.to - spike.from).toBeLessThanOrEqual(6 * HOUR);
    expect(END - spike.from).toBeGreaterThan(36 * HOUR);
    expect(END - spike.from).toBeLessThan(60 * HOUR);
    const hourly = countBy(month.events.filter((e) => e.communityId === spike.community && e.type !== 'bot'), (e) => String(Math.floor(e.ts / HOUR)));
    const inSpike = [...hourly].filter(([h]) => Number(h) * HOUR >= spike.from && Number(h) * HOUR < spike.to).map(([, n]) => n);
    const before = [...hourly].filter(([h]) => Number(h) * HOUR < spike.from - 24 * HOUR).map(([, n]) => n);
    const baselineMean = before.reduce((s, n) => s + n, 0) / ((spike.from - 24 * HOUR - START) / HOUR);
    expect(Math.max(...inSpike)).toBeGreaterThan(20 * baselineMean);
    expect(Math.max(...inSpike)).toBeGreaterThan(2 * Math.max(...before));
    const spikePreviews = month.events.filter((e) => e.type === 'preview' && e.platform === 'discord' && e.ts >= spike.from && e.ts < spike.to);
    expect(spikePreviews.length).toBeGreaterThan(50);
  });

  it('spreads visits over platforms, channels and countries, with joins on invites and EUR orders', () => {
    const visits = month.events.filter((e) => e.type === 'click' || e.type === 'pageview');
    const platforms = countBy(visits, (e) => e.platform);
    for (const p of ['whatsapp', 'discord', 'telegram', 'signal', 'email']) expect(platforms.get(p) ?? 0, p).toBeGreaterThan(100);
    const channels = countBy(visits, (e) => e.channel);
    expect(channels.get('dark_social')! / visits.length).toBeGreaterThan(0.5);
    for (const c of ['social', 'search', 'direct', 'email', 'referral']) expect(channels.get(c) ?? 0, c).toBeGreaterThan(50);
    expect(countBy(visits, (e) => e.country).size).toBeGreaterThanOrEqual(8);
    expect(visits.every((e) => e.visitor !== null && e.device !== null)).toBe(true);
    const joins = month.events.filter((e) => e.type === 'join');
    expect(joins.every((j) => month.links.find((l) => l.key === j.linkId)?.kind === 'invite')).toBe(true);
    const orders = month.events.filter((e) => e.type === 'conversion');
    expect(orders.every((o) => o.currency === 'EUR' && o.value! > 0 && typeof o.data?.orderId === 'string')).toBe(true);
    expect(orders.filter((o) => o.data?.promoCode).length).toBeGreaterThan(20);
    expect(orders.filter((o) => o.ambassadorId !== null).length).toBeGreaterThan(10);
  });

  it('keeps weekly and daily rhythms: nights are quiet', () => {
    const byLocalHour = countBy(month.events.filter((e) => e.type === 'pageview'), (e) => String(new Date(e.ts + HOUR).getUTCHours()));
    expect(byLocalHour.get('20')!).toBeGreaterThan(4 * byLocalHour.get('4')!);
  });

  it('never carries an IP address or a user agent', () => {
    const ip = /^\d{1,3}(\.\d{1,3}){3}$|^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;
    const leaks = month.events.filter((e) => 'ip' in e || Object.values(e).some((v) => typeof v === 'string' && (ip.test(v) || v.includes('Mozilla/'))));
    expect(leaks).toEqual([]);
  });
});
