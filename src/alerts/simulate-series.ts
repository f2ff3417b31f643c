// Seeded simulator of per-minute counts with daily and weekly seasonality, count noise, surges and drops.
import { logGamma } from './detectors/count-tails.js';

/** A uniform random source on [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG; the same `seed` always gives the same sequence. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function sampleNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, scale 1) draw (Marsaglia–Tsang). */
export function sampleGamma(random: Random, shape: number): number {
  if (shape < 1) return sampleGamma(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Poisson(lambda) draw: multiplication for small means, Hörmann's PTRS (exact) from 10 up. */
export function samplePoisson(random: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = random();
    while (p > limit) {
      k++;
      p *= random();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) return k;
  }
}

/** A change of level over a span of minutes. */
export interface Episode {
  /** Index of the first affected minute. */
  readonly at: number;
  readonly minutes: number;
  /** Multiplier of the rate once fully developed (5 = five times the usual rate; 0.2 for a drop). */
  readonly factor: number;
  /** Minutes to grow linearly from ×1 to ×factor (a ramp); 0 or absent for a step. */
  readonly rampMinutes?: number;
}

export interface SimulationOptions {
  readonly seed: number;
  /** Start of the first minute, ms since the epoch (minute-aligned). Default 2026-01-05T00:00Z, a Monday. */
  readonly start?: number;
  readonly minutes: number;
  /** Mean events per minute over a whole week. */
  readonly ratePerMinute: number;
  /** Relative swing of the daily cycle, 0..1. Default 0.6 (night at 0.4×, afternoon at 1.6× the mean day). */
  readonly dailyAmplitude?: number;
  /** UTC hour of the daily peak. Default 15. */
  readonly peakHour?: number;
  /** Weekend level relative to weekdays. Default 0.7. */
  readonly weekendFactor?: number;
  /** Overdispersion φ: counts are negative binomial with variance λ + φλ². Default 0 (Poisson). */
  readonly dispersion?: number;
  readonly surge?: Episode;
  readonly drop?: Episode;
}

/** Simulated counts, with the true rate of every minute. */
export interface SimulatedSeries {
  readonly start: number;
  readonly bucketMs: 60_000;
  readonly counts: number[];
  /** The rate each count was drawn from (events per minute), episodes included. */
  readonly rates: number[];
}

export const DEFAULT_SIMULATION_START = Date.UTC(2026, 0, 5);
const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;

/** Seasonal shape at a time (ms): daily cosine × weekend dip that eases in and out over six hours. */
function seasonalShape(t: number, amplitude: number, peakHour: number, weekendFactor: number): number {
  const dayFraction = (((t / MINUTE_MS) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES / DAY_MINUTES;
  const daily = 1 + amplitude * Math.cos(2 * Math.PI * (dayFraction - peakHour / 24));
  // Days since Monday 00:00 UTC (1970-01-01 was a Thursday).
  const weekDay = ((t / 86_400_000 + 3) % 7 + 7) % 7;
  const weekend = smoothStep(weekDay - 4.875) - smoothStep(weekDay - 6.875);
  return daily * (1 - (1 - weekendFactor) * weekend);
}

/** 0 before −0, 1 after +0.25 days, smooth in between. */
function smoothStep(x: number): number {
  const u = Math.max(0, Math.min(1, x / 0.25));
  return u * u * (3 - 2 * u);
}

function episodeFactor(episode: Episode | undefined, minute: number): number {
  if (episode === undefined || minute < episode.at || minute >= episode.at + episode.minutes) return 1;
  const ramp = episode.rampMinutes ?? 0;
  const grown = ramp > 0 ? Math.min(1, (minute - episode.at + 1) / ramp) : 1;
  return 1 + (episode.factor - 1) * grown;
}

/**
 * Generates `minutes` per-minute counts. Deterministic for a given `seed` and options.
 * Throws RangeError for a negative rate, a non-integer minute count or an unaligned start.
 */
export function simulateSeries(options: SimulationOptions): SimulatedSeries {
  const start = options.start ?? DEFAULT_SIMULATION_START;
  if (!(options.ratePerMinute >= 0)) throw new RangeError(`ratePerMinute must be ≥ 0, got ${options.ratePerMinute}`);
  if (!Number.isInteger(options.minutes) || options.minutes < 0) throw new RangeError(`minutes must be a whole number ≥ 0, got ${options.minutes}`);
  if (start % MINUTE_MS !== 0) throw new RangeError(`start must be minute-aligned, got ${start}`);
  const amplitude = options.dailyAmplitude ?? 0.6;
  const peakHour = options.peakHour ?? 15;
  const weekendFactor = options.weekendFactor ?? 0.7;
  const dispersion = options.dispersion ?? 0;
  const random = createRandom(options.seed);

  let weekTotal = 0;
  for (let m = 0; m < WEEK_MINUTES; m++) weekTotal += seasonalShape(start + m * MINUTE_MS, amplitude, peakHour, weekendFactor);
  const scale = options.ratePerMinute / (weekTotal / WEEK_MINUTES);

  const counts: number[] = new Array(options.minutes);
  const rates: number[] = new Array(options.minutes);
  for (let m = 0; m < options.minutes; m++) {
    const rate = scale * seasonalShape(start + (m + 0.5) * MINUTE_MS, amplitude, peakHour, weekendFactor)
      * episodeFactor(options.surge, m) * episodeFactor(options.drop, m);
    rates[m] = rate;
    const mean = dispersion > 0 ? rate * sampleGamma(random, 1 / dispersion) * dispersion : rate;
    counts[m] = samplePoisson(random, mean);
  }
  return { start, bucketMs: MINUTE_MS, counts, rates };
}
