import { describe, expect, it } from 'vitest';
import { simulateSeries } from '../simulate-series.js';
import { replaySeries } from './replay-series.js';

const WEEK = 10_080;

/**
 * Eight weeks of stationary traffic with daily and weekly seasonality and no surge: every alert is false.
 * The detector runs minute by minute over weeks 3–8 (cooldown included), as it would live.
 */
function falseAlertsPerWeek(seed: number, ratePerMinute: number, dispersion = 0): number {
  const series = simulateSeries({ seed, ratePerMinute, dispersion, minutes: 8 * WEEK });
  const { events } = replaySeries(series, { scope: 'scope', metric: 'visits', from: 2 * WEEK });
  return events.filter((e) => e.event === 'opened').length / 6;
}

describe('surge detector on traffic without surges', () => {
  for (const rate of [0.05, 2, 10, 50]) {
    it(`raises at most one false alert per week at ${rate}/min (Poisson noise, three seeds)`, () => {
      for (const seed of [21, 22, 23]) expect(falseAlertsPerWeek(seed, rate), `seed ${seed}`).toBeLessThanOrEqual(1);
    });
  }

  it('raises at most one false alert per week on overdispersed counts (negative binomial, φ = 0.05)', () => {
    for (const [seed, rate] of [[31, 2], [32, 10], [33, 50]]) {
      expect(falseAlertsPerWeek(seed, rate, 0.05), `seed ${seed}, ${rate}/min`).toBeLessThanOrEqual(1);
    }
  });

  it('stays quiet while it learns: the first two weeks of a new scope (no seasonal history yet)', () => {
    for (const [seed, rate] of [[41, 2], [42, 50]]) {
      const series = simulateSeries({ seed, ratePerMinute: rate, minutes: 2 * WEEK, start: Date.UTC(2026, 0, 8, 9, 17) });
      const opened = replaySeries(series, { scope: 'scope', metric: 'visits' }).events.filter((e) => e.event === 'opened');
      expect(opened.length, `seed ${seed}`).toBeLessThanOrEqual(2);
    }
  });
});
