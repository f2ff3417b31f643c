import { describe, expect, it } from 'vitest';
import { simulateSeries } from '../simulate-series.js';
import { createBaseline, dispersionOf, observeBucket } from './baseline-state.js';
import { countAt, expectedAt, recentEvidence } from './read-baseline.js';

const WEEK = 10_080;
const DAY = 1440;

function feed(counts: readonly number[], start: number) {
  const baseline = createBaseline();
  for (let i = 0; i < counts.length; i++) observeBucket(baseline, start + i * 60_000, counts[i]);
  return baseline;
}

describe('baseline state', () => {
  it('learns from the recent level, then the same hour of past days, then of past weeks', () => {
    const series = simulateSeries({ seed: 1, ratePerMinute: 5, minutes: 3 * WEEK });
    const baseline = createBaseline();
    const modes = new Map<number, string>();
    for (let i = 0; i < series.counts.length; i++) {
      observeBucket(baseline, series.start + i * 60_000, series.counts[i]);
      if (i === DAY || i === 3 * DAY || i === 2 * WEEK + 60) modes.set(i, baseline.mode);
    }
    expect([...modes.values()]).toEqual(['flat', 'daily', 'weekly']);
  });

  it('expects close to the true rate through a whole day once it has weeks of history', () => {
    const series = simulateSeries({ seed: 2, ratePerMinute: 50, minutes: 4 * WEEK });
    const baseline = createBaseline();
    let worstHour = 0;
    let hourExpected = 0;
    let hourTrue = 0;
    for (let i = 0; i < series.counts.length; i++) {
      observeBucket(baseline, series.start + i * 60_000, series.counts[i]);
      if (i < 3 * WEEK) continue;
      hourExpected += expectedAt(baseline, 0);
      hourTrue += series.rates[i];
      if (i % 60 === 59) {
        worstHour = Math.max(worstHour, Math.abs(hourExpected / hourTrue - 1));
        hourExpected = 0;
        hourTrue = 0;
      }
    }
    expect(worstHour).toBeLessThan(0.05);
  });

  it('estimates the overdispersion of negative-binomial counts', () => {
    const series = simulateSeries({ seed: 3, ratePerMinute: 20, minutes: 3 * WEEK, dispersion: 0.05 });
    const phi = dispersionOf(feed(series.counts, series.start));
    expect(phi).toBeGreaterThan(0.035);
    expect(phi).toBeLessThan(0.065);
    const poisson = simulateSeries({ seed: 3, ratePerMinute: 20, minutes: 3 * WEEK });
    expect(dispersionOf(feed(poisson.counts, poisson.start))).toBeLessThan(0.01);
  });

  it('counts missing buckets as zero and keeps evidence in order', () => {
    const start = Date.UTC(2026, 0, 5, 8);
    const baseline = createBaseline();
    observeBucket(baseline, start, 4);
    observeBucket(baseline, start + 3 * 60_000, 7);
    expect([countAt(baseline, 0), countAt(baseline, 1), countAt(baseline, 2), countAt(baseline, 3)]).toEqual([7, 0, 0, 4]);
    const evidence = recentEvidence(baseline, 60);
    expect(evidence.start).toBe(start);
    expect(evidence.series).toEqual([4, 0, 0, 7]);
  });

  it('rejects unaligned, repeated and negative buckets, naming the bad value', () => {
    const start = Date.UTC(2026, 0, 5, 8);
    const baseline = createBaseline();
    observeBucket(baseline, start, 1);
    expect(() => observeBucket(baseline, start + 30_000, 1)).toThrow(/30000/);
    expect(() => observeBucket(baseline, start, 1)).toThrow(String(start));
    expect(() => observeBucket(baseline, start + 60_000, -2)).toThrow(/-2/);
    expect(() => createBaseline({ bucketMs: 7 * 60_000 })).toThrow(/420000/);
  });
});
