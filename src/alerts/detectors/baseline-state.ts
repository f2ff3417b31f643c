// Incremental expected-count model of one scope+metric: hour-of-week seasonality, recent level, dispersion.

/** Tuning of the baseline model. Durations are in buckets unless named otherwise. */
export interface BaselineConfig {
  /** Bucket width in ms; must divide one hour. Default 60 000 (one minute). */
  readonly bucketMs: number;
  /** Past weeks kept for the hour-of-week profile. Default 8. */
  readonly historyWeeks: number;
  /** Half-life, in buckets, of the recent level that corrects the seasonal profile. Default 30. */
  readonly recentHalfLife: number;
  /** Half-life, in buckets, of the long-run mean used before any seasonal history exists. Default 1440. */
  readonly levelHalfLife: number;
  /** Half-life, in buckets, of the dispersion estimate. Default 10 080 (a week of minutes). */
  readonly dispersionHalfLife: number;
  /** Most weight the seasonal profile gets against the recent level, 0..1. Default 0.7. */
  readonly seasonalWeightMax: number;
  /** The recent level ignores the last `testLag` buckets, so a surge under test cannot raise its own baseline. Default 3. */
  readonly testLag: number;
  /** Pseudo-count (events) shrinking the recent level towards the profile when data is sparse. Default 10. */
  readonly levelPrior: number;
}

export const DEFAULT_BASELINE_CONFIG: BaselineConfig = Object.freeze({
  bucketMs: 60_000,
  historyWeeks: 8,
  recentHalfLife: 30,
  levelHalfLife: 1440,
  dispersionHalfLife: 10_080,
  seasonalWeightMax: 0.7,
  testLag: 3,
  levelPrior: 10,
});

/** Buckets of recent history kept for tests and evidence (a power of two). */
export const RING_SIZE = 64;
const RING_MASK = RING_SIZE - 1;
const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;
const MAX_DISPERSION = 4;

/** How the seasonal part is currently estimated: same hour of past weeks, of past days, or none yet. */
export type SeasonalMode = 'weekly' | 'daily' | 'flat';

/**
 * Everything the detectors need about one series, in O(weeks × 168) numbers (~6 KB), updated per bucket
 * by {@link observeBucket}. It is an accumulator owned by the caller and mutated in place.
 */
export interface BaselineState {
  readonly config: BaselineConfig;
  readonly bucketsPerHour: number;
  /** Per-bucket decay factors of the recent level, the long-run mean and the dispersion estimate. */
  readonly decays: { readonly recent: number; readonly level: number; readonly dispersion: number };
  /** Absolute bucket number (start / bucketMs) of the latest observed bucket; -1 before any. */
  lastBucket: number;
  observedBuckets: number;
  /** Absolute hour number of the first hour observed from its start. */
  firstFullHour: number;
  currentHour: number;
  mode: SeasonalMode;
  /** Seasonal weight α of the current hour: expected = seasonal × (α + (1 − α) × recent ratio). */
  seasonalWeight: number;
  /** Expected count per bucket for the previous, current and next hour (NaN when unknown). */
  readonly hourRates: Float64Array;
  /** Count per absolute hour, a ring of (historyWeeks + 1) weeks. */
  readonly hourSums: Float32Array;
  readonly ringCounts: Float32Array;
  readonly ringSeasonal: Float32Array;
  /** The level factor (α + (1 − α) × ratio) in force when each bucket was observed. */
  readonly ringLevel: Float32Array;
  recentCount: number;
  recentSeasonal: number;
  levelSum: number;
  levelWeight: number;
  dispersionNum: number;
  dispersionDen: number;
}

/** A fresh baseline. Throws RangeError when `bucketMs` does not divide an hour. */
export function createBaseline(config: Partial<BaselineConfig> = {}): BaselineState {
  const full: BaselineConfig = { ...DEFAULT_BASELINE_CONFIG, ...config };
  const bucketsPerHour = HOUR_MS / full.bucketMs;
  if (!Number.isInteger(bucketsPerHour) || bucketsPerHour < 1) {
    throw new RangeError(`bucketMs must divide one hour, got ${full.bucketMs}`);
  }
  return {
    config: full,
    bucketsPerHour,
    decays: {
      recent: Math.pow(0.5, 1 / full.recentHalfLife),
      level: Math.pow(0.5, 1 / full.levelHalfLife),
      dispersion: Math.pow(0.5, 1 / full.dispersionHalfLife),
    },
    lastBucket: -1,
    observedBuckets: 0,
    firstFullHour: 0,
    currentHour: -1,
    mode: 'flat',
    seasonalWeight: 0,
    hourRates: new Float64Array([NaN, NaN, NaN]),
    hourSums: new Float32Array((full.historyWeeks + 1) * HOURS_PER_WEEK),
    ringCounts: new Float32Array(RING_SIZE),
    ringSeasonal: new Float32Array(RING_SIZE),
    ringLevel: new Float32Array(RING_SIZE),
    recentCount: 0,
    recentSeasonal: 0,
    levelSum: 0,
    levelWeight: 0,
    dispersionNum: 0,
    dispersionDen: 0,
  };
}

/**
 * Adds the count of the bucket starting at `bucketStart` (ms, bucket-aligned). Missing buckets since the
 * last call count as zero; a gap longer than the kept history starts afresh. Mutates `state`.
 * Throws RangeError for an unaligned or out-of-order bucket, or a negative count.
 */
export function observeBucket(state: BaselineState, bucketStart: number, count: number): void {
  const bucket = bucketStart / state.config.bucketMs;
  if (!Number.isInteger(bucket)) throw new RangeError(`bucketStart ${bucketStart} is not aligned to ${state.config.bucketMs} ms`);
  if (!(count >= 0)) throw new RangeError(`count must be ≥ 0, got ${count}`);
  if (state.observedBuckets > 0 && bucket <= state.lastBucket) {
    throw new RangeError(`bucket ${bucketStart} is not after the last observed bucket ${state.lastBucket * state.config.bucketMs}`);
  }
  const gap = state.observedBuckets === 0 ? 0 : bucket - state.lastBucket - 1;
  if (gap > state.hourSums.length * state.bucketsPerHour) resetBaseline(state);
  if (state.observedBuckets === 0) {
    const hour = Math.floor(bucket / state.bucketsPerHour);
    state.firstFullHour = bucket % state.bucketsPerHour === 0 ? hour : hour + 1;
  } else {
    for (let b = state.lastBucket + 1; b < bucket; b++) stepBucket(state, b, 0);
  }
  stepBucket(state, bucket, count);
}

/** An independent copy of `state` (e.g. to snapshot it, or to evaluate what-ifs without touching it). */
export function cloneBaseline(state: BaselineState): BaselineState {
  return {
    ...state,
    hourRates: state.hourRates.slice(),
    hourSums: state.hourSums.slice(),
    ringCounts: state.ringCounts.slice(),
    ringSeasonal: state.ringSeasonal.slice(),
    ringLevel: state.ringLevel.slice(),
  };
}

function resetBaseline(state: BaselineState): void {
  Object.assign(state, createBaseline(state.config));
}

function stepBucket(state: BaselineState, bucket: number, count: number): void {
  const cfg = state.config;
  const hour = Math.floor(bucket / state.bucketsPerHour);
  if (hour !== state.currentHour) startHour(state, hour);
  if (state.observedBuckets >= cfg.testLag) {
    const lagged = (bucket - cfg.testLag) & RING_MASK;
    const decay = state.decays.recent;
    state.recentCount = decay * state.recentCount + state.ringCounts[lagged];
    state.recentSeasonal = decay * state.recentSeasonal + state.ringSeasonal[lagged];
  }
  const seasonal = seasonalAt(state, bucket - hour * state.bucketsPerHour);
  const ratio = (state.recentCount + cfg.levelPrior) / (state.recentSeasonal + cfg.levelPrior);
  const level = state.seasonalWeight + (1 - state.seasonalWeight) * ratio;
  const expected = seasonal * level;
  if (state.observedBuckets >= state.bucketsPerHour && expected > 0) updateDispersion(state, count, expected);
  const slot = bucket & RING_MASK;
  state.ringCounts[slot] = count;
  state.ringSeasonal[slot] = seasonal;
  state.ringLevel[slot] = level;
  state.hourSums[hour % state.hourSums.length] += count;
  const levelDecay = state.decays.level;
  state.levelSum = levelDecay * state.levelSum + count;
  state.levelWeight = levelDecay * state.levelWeight + 1;
  state.observedBuckets++;
  state.lastBucket = bucket;
}

// Method of moments on prediction residuals: E[(x − λ)² − λ] = φλ², so φ ≈ Σ((x−λ)² − λ) / Σλ².
// Residuals are clipped at 4 σ so a surge barely moves the estimate.
function updateDispersion(state: BaselineState, count: number, expected: number): void {
  const decay = state.decays.dispersion;
  const limit = 4 * Math.sqrt(expected * (1 + dispersionOf(state) * expected));
  const residual = Math.max(-limit, Math.min(limit, count - expected));
  state.dispersionNum = decay * state.dispersionNum + residual * residual - expected;
  state.dispersionDen = decay * state.dispersionDen + expected * expected;
}

function startHour(state: BaselineState, hour: number): void {
  const cfg = state.config;
  state.currentHour = hour;
  state.hourSums[hour % state.hourSums.length] = 0;
  const age = hour - state.firstFullHour;
  const weeks = Math.min(cfg.historyWeeks, Math.floor(age / HOURS_PER_WEEK));
  const days = Math.min(7, Math.floor(age / 24));
  let period = 0;
  let periods = 0;
  if (weeks >= 2) {
    state.mode = 'weekly';
    period = HOURS_PER_WEEK;
    periods = weeks;
    state.seasonalWeight = Math.min(cfg.seasonalWeightMax, weeks / (weeks + 2));
  } else if (days >= 2) {
    // Same hour of past days ignores the weekday, so the recent level gets more say.
    state.mode = 'daily';
    period = 24;
    periods = days;
    state.seasonalWeight = Math.min(cfg.seasonalWeightMax, (0.5 * days) / (days + 2));
  } else {
    state.mode = 'flat';
    state.seasonalWeight = 0;
  }
  for (let d = -1; d <= 1; d++) {
    state.hourRates[d + 1] = period === 0 ? NaN : robustHourMean(state, hour + d, period, periods) / state.bucketsPerHour;
  }
}

const scratch = new Float64Array(16);

/** Trimmed mean of the counts of the same hour one, two, … `periods` periods ago (complete hours only). */
function robustHourMean(state: BaselineState, hour: number, period: number, periods: number): number {
  let n = 0;
  for (let k = 1; k <= periods; k++) {
    const past = hour - k * period;
    if (past < state.firstFullHour) break;
    const v = state.hourSums[past % state.hourSums.length];
    let i = n++;
    while (i > 0 && scratch[i - 1] > v) {
      scratch[i] = scratch[i - 1];
      i--;
    }
    scratch[i] = v;
  }
  if (n === 0) return NaN;
  if (n === 3) return scratch[1];
  const trim = n >= 4 ? 1 : 0;
  let sum = 0;
  for (let i = trim; i < n - trim; i++) sum += scratch[i];
  return sum / (n - 2 * trim);
}

/** Seasonal expected count for bucket `offset` of the current hour, interpolated between hour centres. */
function seasonalAt(state: BaselineState, offset: number): number {
  const current = state.hourRates[1];
  if (state.mode === 'flat' || Number.isNaN(current)) {
    return state.levelWeight > 0 ? state.levelSum / state.levelWeight : 0;
  }
  const u = (offset + 0.5) / state.bucketsPerHour - 0.5;
  const neighbour = state.hourRates[u < 0 ? 0 : 2];
  if (Number.isNaN(neighbour)) return current;
  const w = Math.abs(u);
  return current * (1 - w) + neighbour * w;
}

/** Overdispersion φ (variance = λ + φλ²) of counts around the model, from its past prediction errors. */
export function dispersionOf(state: BaselineState): number {
  if (state.dispersionDen <= 0) return 0;
  return Math.max(0, Math.min(MAX_DISPERSION, state.dispersionNum / state.dispersionDen));
}
