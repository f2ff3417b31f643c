// Read-only views of a baseline: recent counts, their expected values, and evidence for alerts.
import { RING_SIZE, type BaselineState } from './baseline-state.js';

const RING_MASK = RING_SIZE - 1;

/** Count of the bucket `ago` buckets before the latest (0 = latest); `ago` < {@link RING_SIZE}. */
export function countAt(state: BaselineState, ago: number): number {
  return ago < state.observedBuckets ? state.ringCounts[(state.lastBucket - ago) & RING_MASK] : 0;
}

/**
 * Expected count of the bucket `ago` buckets before the latest. `levelFactor` replaces the recent level
 * in force then (e.g. one frozen when an alert opened, so the anomaly cannot become its own baseline).
 */
export function expectedAt(state: BaselineState, ago: number, levelFactor?: number): number {
  if (ago >= state.observedBuckets) return 0;
  const slot = (state.lastBucket - ago) & RING_MASK;
  return state.ringSeasonal[slot] * (levelFactor ?? state.ringLevel[slot]);
}

/** The level factor that was in force `ago` buckets before the latest. */
export function levelFactorAt(state: BaselineState, ago: number): number {
  return ago < state.observedBuckets ? state.ringLevel[(state.lastBucket - ago) & RING_MASK] : 1;
}

/** Start (ms) of the latest observed bucket; NaN before any. */
export function latestBucketStart(state: BaselineState): number {
  return state.observedBuckets === 0 ? NaN : state.lastBucket * state.config.bucketMs;
}

/** The last `length` (≤ {@link RING_SIZE}) counts and their expected values, oldest first, for evidence. */
export function recentEvidence(
  state: BaselineState,
  length: number,
  levelFactor?: number,
): { start: number; series: number[]; baseline: number[] } {
  const n = Math.min(length, RING_SIZE, state.observedBuckets);
  const series: number[] = [];
  const baseline: number[] = [];
  for (let ago = n - 1; ago >= 0; ago--) {
    series.push(countAt(state, ago));
    baseline.push(round3(expectedAt(state, ago, levelFactor)));
  }
  return { start: (state.lastBucket - n + 1) * state.config.bucketMs, series, baseline };
}

/** Rounds to three decimals, for evidence shown in the API. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
