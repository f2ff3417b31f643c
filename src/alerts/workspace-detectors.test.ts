import { describe, expect, it } from 'vitest';
import { simulateSeries } from './simulate-series.js';
import { aggregateMinute, type MinuteRow } from './minute-counts.js';
import type { WatchRule } from './rule-watch.js';
import { WorkspaceDetectors, type Detection } from './workspace-detectors.js';

const DAY = 1440;
const MIN = 60_000;
const rule = (id: string, fields: Partial<WatchRule>): WatchRule => ({ id, scope: 'workspace', target: null, metric: 'shares', kind: 'surge', sensitivity: 'medium', ...fields });
const row = (minute: number, fields: Partial<MinuteRow>): MinuteRow => ({ minute, linkId: null, siteId: null, communityId: null, platform: 'whatsapp', shares: 0, visits: 0, ...fields });

/** Feeds `minutes` minutes built by `rowsAt` and returns every detection with its minute index. */
function feed(det: WorkspaceDetectors, rules: WatchRule[], start: number, minutes: number, rowsAt: (m: number, t: number) => MinuteRow[]) {
  const out: (Detection & { m: number })[] = [];
  for (let m = 0; m < minutes; m++) {
    const t = start + m * MIN;
    for (const d of det.step(t, aggregateMinute(rowsAt(m, t)), rules, true)) out.push({ ...d, m });
  }
  return out;
}

describe('WorkspaceDetectors', () => {
  it('a 5× surge of one link raises one alert for that link, updated while it lasts, then closed', () => {
    const surgeAt = 3 * DAY;
    const sim = simulateSeries({ seed: 7, ratePerMinute: 2, minutes: 3 * DAY + 90, surge: { at: surgeAt, minutes: 20, factor: 5 } });
    const other = simulateSeries({ seed: 8, ratePerMinute: 2, minutes: 3 * DAY + 90 });
    const rules = [rule('r-link', { scope: 'link' }), rule('r-drop', { kind: 'drop', metric: 'shares' })];
    const det = new WorkspaceDetectors();
    const events = feed(det, rules, sim.start, sim.counts.length, (m, t) => [
      row(t, { linkId: 'lnk_hot', shares: sim.counts[m] }), row(t, { linkId: 'lnk_calm', shares: other.counts[m] }),
    ]);
    const opened = events.filter((e) => e.event === 'opened');
    expect(opened.map((e) => [e.rule.id, e.target])).toEqual([['r-link', 'lnk_hot']]);
    expect(opened[0].m).toBeGreaterThanOrEqual(surgeAt);
    expect(opened[0].m).toBeLessThan(surgeAt + 5);
    expect(opened[0].alert).toMatchObject({ kind: 'surge', scope: 'lnk_hot', metric: 'shares', status: 'open' });
    expect(opened[0].alert.series).toHaveLength(60);
    expect(opened[0].alert.observed).toBeGreaterThan(3 * opened[0].alert.expected);
    const sameKey = events.filter((e) => e.key === opened[0].key);
    expect(sameKey.at(-1)?.event).toBe('closed');
    expect(sameKey.slice(1, -1).every((e) => e.event === 'updated')).toBe(true);
  });

  it('the first platform a link reaches is its home; a later one is announced once', () => {
    const det = new WorkspaceDetectors();
    const rules = [rule('r-np', { kind: 'new_platform', scope: 'link' })];
    const t0 = Date.UTC(2026, 0, 7, 12);
    const events = feed(det, rules, t0, 10, (m, t) => [
      ...(m === 1 ? [row(t, { linkId: 'lnk_a', platform: 'whatsapp', shares: 2 })] : []),
      ...(m === 5 || m === 7 ? [row(t, { linkId: 'lnk_a', platform: 'telegram', shares: 1 })] : []),
      ...(m === 6 ? [row(t, { linkId: 'lnk_b', platform: 'telegram', shares: 1 })] : []),
    ]);
    expect(events.map((e) => [e.m, e.target, e.alert.subject, e.alert.status])).toEqual([[5, 'lnk_a', 'telegram', 'closed']]);
  });

  it('a community bringing far more of the visits than usual raises a community surge naming it', () => {
    const minutes = 2 * DAY + 60;
    const big = simulateSeries({ seed: 11, ratePerMinute: 6, minutes });
    const small = simulateSeries({ seed: 12, ratePerMinute: 1, minutes, surge: { at: 2 * DAY + 20, minutes: 30, factor: 8 } });
    const det = new WorkspaceDetectors();
    const rules = [rule('r-com', { kind: 'community_surge', metric: 'visits' })];
    const events = feed(det, rules, big.start, minutes, (m, t) => [
      row(t, { communityId: 'com_big', visits: big.counts[m] }), row(t, { communityId: 'com_small', visits: small.counts[m] }),
    ]);
    const opened = events.filter((e) => e.event === 'opened');
    expect(opened.map((e) => [e.scope, e.target, e.alert.subject])).toEqual([['community', 'com_small', 'com_small']]);
    expect(opened[0].m).toBeGreaterThanOrEqual(2 * DAY + 20);
  });

  it('a ratio rule fires when shares jump while visits stay flat', () => {
    const minutes = 2 * DAY + 60;
    const shares = simulateSeries({ seed: 21, ratePerMinute: 1, minutes, surge: { at: 2 * DAY + 10, minutes: 40, factor: 6 } });
    const visits = simulateSeries({ seed: 22, ratePerMinute: 4, minutes });
    const det = new WorkspaceDetectors();
    const events = feed(det, [rule('r-ratio', { scope: 'link', metric: 'ratio' })], shares.start, minutes, (m, t) => [
      row(t, { linkId: 'lnk_r', shares: shares.counts[m], visits: visits.counts[m] }),
    ]);
    const opened = events.filter((e) => e.event === 'opened');
    expect(opened.map((e) => [e.target, e.alert.kind, e.alert.metric])).toEqual([['lnk_r', 'surge', 'ratio']]);
    expect(opened[0].m).toBeGreaterThanOrEqual(2 * DAY + 10);
  });

  it('watches only the series some rule needs', () => {
    const det = new WorkspaceDetectors();
    det.step(0, aggregateMinute([row(0, { linkId: 'lnk_1', siteId: null, communityId: 'com_1', shares: 3, visits: 2 })]), [rule('r', {})], true);
    expect([...det.baselines.keys()]).toEqual(['workspace::shares']);
  });
});
