import { describe, expect, it } from 'vitest';
import { simulateSeries } from '../simulate-series.js';
import { createBaseline, observeBucket } from './baseline-state.js';
import { detectBatch, type WatchedScope } from './detect-batch.js';
import { evaluateSurge } from './detect-surge.js';

const DAY = 1440;

describe('detectBatch', () => {
  it('evaluates every scope like the single-scope detector and reports only the scopes that changed', () => {
    const rates = [0.05, 1, 5, 20, 80];
    const series = rates.map((ratePerMinute, i) => simulateSeries({
      seed: 100 + i,
      ratePerMinute,
      minutes: 3 * DAY,
      surge: i === 3 ? { at: 3 * DAY - 2, minutes: 2, factor: 6 } : undefined,
    }));
    const start = series[0].start;
    const warm = 3 * DAY - 1;
    const scopes: WatchedScope[] = series.map((s, i) => {
      const baseline = createBaseline();
      for (let m = 0; m < warm; m++) observeBucket(baseline, start + m * 60_000, s.counts[m]);
      return { scope: `link-${i}`, metric: 'shares', baseline, state: {} };
    });
    const twins = series.map((s) => {
      const baseline = createBaseline();
      for (let m = 0; m <= warm; m++) observeBucket(baseline, start + m * 60_000, s.counts[m]);
      return baseline;
    });
    const now = start + (warm + 1) * 60_000;
    const { states, events } = detectBatch(scopes, start + warm * 60_000, series.map((s) => s.counts[warm]), { now });
    for (let i = 0; i < scopes.length; i++) {
      const single = evaluateSurge(twins[i], {}, { scope: `link-${i}`, metric: 'shares', now });
      expect(states[i]).toEqual(single.state);
    }
    expect(events.map((e) => [e.index, e.event, e.alert.scope])).toEqual([[3, 'opened', 'link-3']]);
  });

  it('rejects counts that do not line up with the scopes', () => {
    expect(() => detectBatch([], 0, [1], { now: 60_000 })).toThrow(/expected 0 counts, got 1/);
  });
});
