// Surge detector: is the latest bucket (or the last three) far above the seasonal baseline of its scope?
import { advanceAlert } from './alert-lifecycle.js';
import {
  countAt,
  createBaseline,
  dispersionOf,
  expectedAt,
  latestBucketStart,
  levelFactorAt,
  observeBucket,
  recentEvidence,
  type BaselineConfig,
  type BaselineState,
} from './baseline-state.js';
import { logNegBinUpperTail } from './count-tails.js';
import {
  PROBABILITY_THRESHOLDS,
  type AlertLifecycleOptions,
  type DetectorOutcome,
  type DetectorState,
  type Sensitivity,
} from './types.js';

/** Counts of one scope+metric in consecutive buckets. */
export interface CountSeries {
  /** Start of `counts[0]`'s bucket, ms since the epoch, aligned to `bucketMs`. */
  readonly start: number;
  /** Bucket width in ms (60 000 for minutes). */
  readonly bucketMs: number;
  readonly counts: ArrayLike<number>;
}

export interface SurgeOptions extends AlertLifecycleOptions {
  readonly scope: string;
  readonly metric: string;
  /** Evaluation time, ms since the epoch. */
  readonly now: number;
  /** Default `medium`; see {@link PROBABILITY_THRESHOLDS}. */
  readonly sensitivity?: Sensitivity;
  /** Fewest events in the tested window that can fire. Default 5. */
  readonly minCount?: number;
  /** Floor of the expected count per bucket, so near-silent scopes don't fire on noise. Default 0.2. */
  readonly minRate?: number;
  /** Buckets of history required before firing. Default 60. */
  readonly minHistoryBuckets?: number;
  /** Buckets summed by the ramp test. Default 3. */
  readonly rampBuckets?: number;
  /** A bucket counts as back at baseline when the ramp window's tail probability is at least this. Default 0.01. */
  readonly closeProbability?: number;
  /** Buckets of evidence attached to alerts. Default 60. */
  readonly evidenceBuckets?: number;
}

/**
 * Tests the latest bucket of `baseline` alone and summed with the buckets before it (to catch ramps)
 * against a negative-binomial upper tail, and opens, updates or closes the scope's surge alert.
 * Pure apart from reading `baseline`: returns the next `state`.
 */
export function evaluateSurge(baseline: BaselineState, state: DetectorState, options: SurgeOptions): DetectorOutcome {
  if (baseline.observedBuckets < (options.minHistoryBuckets ?? 60)) return { state, event: 'none' };
  const minRate = options.minRate ?? 0.2;
  const minCount = options.minCount ?? 5;
  const logThreshold = Math.log(PROBABILITY_THRESHOLDS[options.sensitivity ?? 'medium']);
  const rampBuckets = options.rampBuckets ?? 3;
  const frozen = state.openAlert?.levelFactor;
  const dispersion = dispersionOf(baseline);

  const latest = countAt(baseline, 0);
  const latestExpected = Math.max(expectedAt(baseline, 0, frozen), minRate);
  let rampCount = 0;
  let rampExpected = 0;
  for (let ago = 0; ago < rampBuckets; ago++) {
    rampCount += countAt(baseline, ago);
    rampExpected += Math.max(expectedAt(baseline, ago, frozen), minRate);
  }
  // Fast path for the common case: nothing above expectation and no alert to update.
  if (state.openAlert === undefined && latest <= latestExpected && rampCount <= rampExpected) return { state, event: 'none' };
  const logSingle = logNegBinUpperTail(latest, latestExpected, dispersion);
  // Errors of the baseline persist from bucket to bucket, so the summed window keeps the same dispersion.
  const logRamp = logNegBinUpperTail(rampCount, rampExpected, dispersion);

  const singleFires = latest >= minCount && logSingle < logThreshold;
  const rampFires = rampCount >= minCount && logRamp < logThreshold;
  const useSingle = singleFires && (!rampFires || logSingle <= logRamp);
  const window = useSingle ? 1 : rampBuckets;
  const bucketMs = baseline.config.bucketMs;
  const bucketStart = latestBucketStart(baseline);
  const logProbability = useSingle ? logSingle : logRamp;

  const outcome = advanceAlert(
    state,
    {
      fired: singleFires || rampFires,
      quiet: logRamp >= Math.log(options.closeProbability ?? 0.01),
      startedAt: useSingle ? bucketStart : firstExcessBucket(baseline, rampBuckets, minRate),
      peakValue: latest,
      peakAt: bucketStart,
      direction: 'up',
      probability: Math.exp(logProbability),
      levelFactor: levelFactorAt(baseline, window - 1),
      bucketStart,
      bucketMs,
    },
    options.now,
    (levelFactor) => {
      const evidence = recentEvidence(baseline, options.evidenceBuckets ?? 60, levelFactor);
      return {
        kind: 'surge',
        scope: options.scope,
        metric: options.metric,
        observed: useSingle ? latest : rampCount,
        expected: round3(useSingle ? latestExpected : rampExpected),
        probability: Math.exp(logProbability),
        window,
        seriesStart: evidence.start,
        bucketMs,
        series: evidence.series,
        baseline: evidence.baseline,
      };
    },
    options,
  );
  return outcome;
}

/** Start (ms) of the oldest bucket of the ramp window that is above its expected count. */
function firstExcessBucket(baseline: BaselineState, rampBuckets: number, minRate: number): number {
  let first = 0;
  for (let ago = rampBuckets - 1; ago >= 0; ago--) {
    if (countAt(baseline, ago) > Math.max(expectedAt(baseline, ago), minRate)) {
      first = ago;
      break;
    }
  }
  return latestBucketStart(baseline) - first * baseline.config.bucketMs;
}

/**
 * Builds a baseline from `series` (every bucket that has ended by `options.now`) and evaluates its latest
 * bucket. Costs one pass over the series; for minute-by-minute use keep a {@link BaselineState} and call
 * {@link observeBucket} + {@link evaluateSurge}. Throws RangeError when the series is not aligned.
 */
export function detectSurge(
  series: CountSeries,
  state: DetectorState,
  options: SurgeOptions & { readonly baseline?: Partial<BaselineConfig> },
): DetectorOutcome {
  const baseline = createBaseline({ ...options.baseline, bucketMs: series.bucketMs });
  const complete = Math.min(series.counts.length, Math.floor((options.now - series.start) / series.bucketMs));
  for (let i = 0; i < complete; i++) observeBucket(baseline, series.start + i * series.bucketMs, series.counts[i]);
  return evaluateSurge(baseline, state, options);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
