import { describe, expect, it } from 'vitest';
import { createRandom, samplePoisson, simulateSeries } from './simulate-series.js';

const WEEK = 10_080;

describe('simulateSeries', () => {
  it('the same seed gives the same series, another seed another one', () => {
    const a = simulateSeries({ seed: 7, minutes: 2000, ratePerMinute: 3 });
    const b = simulateSeries({ seed: 7, minutes: 2000, ratePerMinute: 3 });
    const c = simulateSeries({ seed: 8, minutes: 2000, ratePerMinute: 3 });
    expect(b.counts).toEqual(a.counts);
    expect(c.counts).not.toEqual(a.counts);
  });

  it('averages the requested rate over a week, busier in the afternoon and on weekdays', () => {
    const { counts, rates } = simulateSeries({ seed: 1, minutes: WEEK, ratePerMinute: 10 });
    const mean = counts.reduce((s, x) => s + x, 0) / WEEK;
    expect(mean).toBeGreaterThan(9.8);
    expect(mean).toBeLessThan(10.2);
    const monday3am = rates[3 * 60];
    const monday3pm = rates[15 * 60];
    const saturday3pm = rates[5 * 1440 + 15 * 60];
    expect(monday3pm).toBeGreaterThan(3 * monday3am);
    expect(saturday3pm).toBeCloseTo(0.7 * monday3pm, 1);
  });

  it('a step surge multiplies the rate over its span only; a ramp grows to the factor', () => {
    const flat = { seed: 2, minutes: 600, ratePerMinute: 4, dailyAmplitude: 0, weekendFactor: 1 };
    const step = simulateSeries({ ...flat, surge: { at: 100, minutes: 50, factor: 5 } });
    expect(step.rates[99]).toBeCloseTo(4, 9);
    expect(step.rates[100]).toBeCloseTo(20, 9);
    expect(step.rates[150]).toBeCloseTo(4, 9);
    const ramp = simulateSeries({ ...flat, surge: { at: 100, minutes: 50, factor: 5, rampMinutes: 10 } });
    expect(ramp.rates[100]).toBeCloseTo(5.6, 9);
    expect(ramp.rates[109]).toBeCloseTo(20, 9);
    const drop = simulateSeries({ ...flat, drop: { at: 200, minutes: 30, factor: 0.1 } });
    expect(drop.rates[210]).toBeCloseTo(0.4, 9);
  });

  it('overdispersed noise has a larger variance than Poisson noise', () => {
    const base = { minutes: 20_000, ratePerMinute: 20, dailyAmplitude: 0, weekendFactor: 1 };
    const variance = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
    };
    const poisson = variance(simulateSeries({ ...base, seed: 3 }).counts);
    const negBin = variance(simulateSeries({ ...base, seed: 3, dispersion: 0.1 }).counts);
    expect(poisson).toBeGreaterThan(18);
    expect(poisson).toBeLessThan(22);
    expect(negBin).toBeGreaterThan(50); // λ + φλ² = 60
    expect(negBin).toBeLessThan(70);
  });

  it('samples Poisson counts with the right mean and variance on both sides of the method switch', () => {
    const random = createRandom(11);
    for (const lambda of [3, 10, 250]) {
      let sum = 0;
      let sumSq = 0;
      const n = 40_000;
      for (let i = 0; i < n; i++) {
        const x = samplePoisson(random, lambda);
        sum += x;
        sumSq += x * x;
      }
      const mean = sum / n;
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(sumSq / n - mean * mean).toBeGreaterThan(0.95 * lambda);
      expect(sumSq / n - mean * mean).toBeLessThan(1.05 * lambda);
    }
  });

  it('rejects an unaligned start', () => {
    expect(() => simulateSeries({ seed: 1, minutes: 10, ratePerMinute: 1, start: 1234 })).toThrow(/1234/);
  });
});
