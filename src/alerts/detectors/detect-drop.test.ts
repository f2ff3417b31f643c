import { describe, expect, it } from 'vitest';
import { simulateSeries } from '../simulate-series.js';
import { replaySeries } from './replay-series.js';

const WEEK = 10_080;
const DAY = 1440;

describe('drop detector', () => {
  it('flags workspace traffic falling to a fifth for an hour, once, within half an hour, and closes on recovery', () => {
    const at = 3 * WEEK + DAY + 14 * 60 + 7;
    const series = simulateSeries({ seed: 12, ratePerMinute: 10, minutes: at + 180, drop: { at, minutes: 60, factor: 0.2 } });
    const { events } = replaySeries(series, { scope: 'workspace-1', metric: 'visits', detector: 'drop', from: at - 120 });
    const opened = events.filter((e) => e.event === 'opened');
    const closed = events.filter((e) => e.event === 'closed');
    expect(opened).toHaveLength(1);
    expect(opened[0].index).toBeGreaterThanOrEqual(at);
    expect(opened[0].index).toBeLessThan(at + 30);
    expect(opened[0].alert.kind).toBe('drop');
    expect(opened[0].alert.observed).toBeLessThan(0.5 * opened[0].alert.expected);
    expect(closed).toHaveLength(1);
    expect(closed[0].index).toBeGreaterThan(at + 60);
    expect(closed[0].index).toBeLessThan(at + 90);
  });

  it('stays quiet on a normal week of traffic, nights and weekends included', () => {
    for (const seed of [13, 14]) {
      const series = simulateSeries({ seed, ratePerMinute: 10, minutes: 4 * WEEK });
      const { events } = replaySeries(series, { scope: 'workspace-1', metric: 'visits', detector: 'drop', from: 2 * WEEK });
      expect(events, `seed ${seed}`).toHaveLength(0);
    }
  });

  it('does not fire on a scope too small for silence to mean anything', () => {
    const at = 3 * WEEK + DAY + 3 * 60;
    const series = simulateSeries({ seed: 15, ratePerMinute: 0.5, minutes: at + 120, drop: { at, minutes: 90, factor: 0 } });
    const { events } = replaySeries(series, { scope: 'page', metric: 'visits', detector: 'drop', from: at - 60 });
    expect(events).toHaveLength(0);
  });
});
