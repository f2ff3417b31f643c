import { describe, expect, it } from 'vitest';
import { simulateSeries, type Episode } from '../simulate-series.js';
import { detectSurge } from './detect-surge.js';
import { replaySeries } from './replay-series.js';

const WEEK = 10_080;
const DAY = 1440;

/** Three weeks of history, then a surge on a Wednesday at `hour`:07 UTC; evaluation starts an hour before it. */
function runSurge(seed: number, ratePerMinute: number, hour: number, surge: Omit<Episode, 'at'>, extra = 120) {
  const at = 3 * WEEK + 2 * DAY + hour * 60 + 7;
  const series = simulateSeries({ seed, ratePerMinute, minutes: at + surge.minutes + extra, surge: { ...surge, at } });
  const replay = replaySeries(series, { scope: 'link-1', metric: 'shares', from: at - 60, includeUpdates: true });
  return { at, series, ...replay };
}

describe('surge detector', () => {
  for (const rate of [2, 10, 50]) {
    it(`flags a 5× step within 3 buckets of its start at ${rate}/min, night and day, on several seeds`, () => {
      for (const seed of [1, 2, 3]) {
        for (const hour of [3, 15]) {
          const { at, events } = runSurge(seed, rate, hour, { minutes: 30, factor: 5 });
          const opened = events.filter((e) => e.event === 'opened');
          expect(opened.length, `seed ${seed}, ${hour}h`).toBeGreaterThanOrEqual(1);
          expect(opened[0].index - at, `seed ${seed}, ${hour}h`).toBeGreaterThanOrEqual(0);
          expect(opened[0].index - at, `seed ${seed}, ${hour}h`).toBeLessThanOrEqual(2);
        }
      }
    });
  }

  it('flags a ramp to 5× over 10 minutes before it peaks', () => {
    const cases: [rate: number, hours: number[]][] = [[2, [11, 15]], [10, [3, 15]], [50, [3, 15]]];
    for (const [rate, hours] of cases) {
      for (const seed of [1, 2, 3]) {
        for (const hour of hours) {
          const { at, events } = runSurge(seed, rate, hour, { minutes: 30, factor: 5, rampMinutes: 10 });
          const opened = events.find((e) => e.event === 'opened');
          // The rate reaches 5× in bucket at + 9.
          expect(opened?.index, `${rate}/min, seed ${seed}, ${hour}h`).toBeGreaterThanOrEqual(at);
          expect(opened?.index, `${rate}/min, seed ${seed}, ${hour}h`).toBeLessThan(at + 9);
        }
      }
    }
  });

  it('flags a sparse scope (0.5/min) that quintuples for half an hour through the 15-minute window', () => {
    for (const seed of [1, 2, 3]) {
      for (const hour of [3, 15]) {
        const { at, events } = runSurge(seed, 0.5, hour, { minutes: 30, factor: 5 });
        const opened = events.find((e) => e.event === 'opened');
        expect(opened?.index, `seed ${seed}, ${hour}h`).toBeGreaterThanOrEqual(at);
        expect(opened?.index, `seed ${seed}, ${hour}h`).toBeLessThanOrEqual(at + 25);
      }
    }
  });

  it('one surge raises one alert that is updated while it lasts and closes once the level is back', () => {
    const { at, series, events } = runSurge(4, 10, 14, { minutes: 60, factor: 5 });
    const kinds = events.map((e) => e.event);
    expect(kinds.filter((k) => k === 'opened')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'closed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'updated').length).toBeGreaterThan(55);
    const opened = events.find((e) => e.event === 'opened')!;
    const closed = events.find((e) => e.event === 'closed')!;
    expect(closed.index).toBeGreaterThan(at + 60);
    expect(closed.index).toBeLessThan(at + 60 + 20);
    expect(closed.alert.status).toBe('closed');
    expect(closed.alert.startedAt).toBe(opened.alert.startedAt);
    expect(closed.alert.endedAt).toBeGreaterThanOrEqual(series.start + (at + 60) * 60_000);
    // The peak is a surge bucket, and the evidence shows the surge against a baseline that ignored it.
    expect(closed.alert.peak).toBeGreaterThan(3 * series.rates[at - 1]);
    const during = events.find((e) => e.event === 'updated' && e.index === at + 50)!;
    expect(during.alert.series).toHaveLength(60);
    expect(during.alert.baseline).toHaveLength(60);
    const lastBaseline = during.alert.baseline[59];
    expect(lastBaseline).toBeGreaterThan(0.7 * series.rates[at - 1]);
    expect(lastBaseline).toBeLessThan(1.5 * series.rates[at - 1]);
    expect(during.alert.probability).toBeLessThan(1e-10);
  });

  it('a six-hour surge on a quiet scope stays one alert: the baseline does not learn the surge', () => {
    const { at, events } = runSurge(5, 2, 10, { minutes: 360, factor: 5 }, 60);
    const opened = events.filter((e) => e.event === 'opened');
    const closed = events.filter((e) => e.event === 'closed');
    expect(opened).toHaveLength(1);
    expect(closed).toHaveLength(1);
    expect(closed[0].index).toBeGreaterThan(at + 360);
  });

  it('a second burst soon after the first is part of the cooldown; three hours later is a new alert', () => {
    const at = 3 * WEEK + 2 * DAY + 14 * 60;
    const run = (gap: number) => {
      const first = simulateSeries({ seed: 6, ratePerMinute: 10, minutes: at + 200 + gap, surge: { at, minutes: 15, factor: 5 } });
      const second = simulateSeries({ seed: 6, ratePerMinute: 10, minutes: at + 200 + gap, surge: { at: at + 15 + gap, minutes: 15, factor: 5 } });
      const counts = first.counts.map((c, i) => (i >= at + 15 + gap ? second.counts[i] : c));
      return replaySeries({ ...first, counts }, { scope: 's', metric: 'visits', from: at - 60 }).events.filter((e) => e.event === 'opened');
    };
    expect(run(15)).toHaveLength(1);
    expect(run(180)).toHaveLength(2);
  });

  it('a near-silent scope needs a real burst: 3 shares in a minute stay quiet, 6 fire', () => {
    const base = simulateSeries({ seed: 9, ratePerMinute: 0.05, minutes: 2 * WEEK });
    const withBurst = (n: number) => {
      const counts = [...base.counts];
      counts[counts.length - 1] = n;
      return detectSurge({ ...base, counts }, {}, { scope: 'page', metric: 'visits', now: base.start + counts.length * 60_000 });
    };
    expect(withBurst(3).event).toBe('none');
    const fired = withBurst(6);
    expect(fired.event).toBe('opened');
    expect(fired.alert?.observed).toBe(6);
  });

  it('detectSurge only evaluates buckets that have ended by `now`', () => {
    const base = simulateSeries({ seed: 10, ratePerMinute: 5, minutes: WEEK });
    const counts = [...base.counts, 200];
    const end = base.start + counts.length * 60_000;
    const options = { scope: 'link', metric: 'shares' };
    expect(detectSurge({ ...base, counts }, {}, { ...options, now: end - 1 }).event).toBe('none');
    expect(detectSurge({ ...base, counts }, {}, { ...options, now: end }).event).toBe('opened');
  });
});
