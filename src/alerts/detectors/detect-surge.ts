// Surge detector: is the latest bucket (or the last three) far above the seasonal baseline of its scope?
import { advanceAlert } from './alert-lifecycle.js';
import {
  createBaseline,
  dispersionOf,
  observeBucket,
  RING_SIZE,
  type BaselineConfig,
  type BaselineState,
} from './baseline-state.js';
import { countAt, expectedAt, latestBucketStart, levelFactorAt, recentEvidence, round3 } from './read-baseline.js';
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
  /**
   * Windows tested, in buckets ending with the latest: 1 catches steps, 3 ramps, 15 slow surges on sparse
   * scopes. Each is at most {@link RING_SIZE}. Default [1, 3, 15].
   */
  readonly windows?: readonly number[];
  /** Window (buckets) of the back-to-baseline test. Default 3. */
  readonly closeWindow?: number;
  /** A bucket counts as back at baseline when the close window's tail probability is at least this. Default 0.01. */
  readonly closeProbability?: number;
  /** Buckets of evidence attached to alerts. Default 60. */
  readonly evidenceBuckets?: number;
}

const DEFAULT_WINDOWS: readonly number[] = [1, 3, 15];
// Cumulative sums over the last buckets (index = window length), reused across calls: evaluation is synchronous.
const windowCounts = new Float64Array(RING_SIZE + 1);
const windowExpected = new Float64Array(RING_SIZE + 1);

/**
 * Tests the latest bucket of `baseline` alone and summed with the buckets before it (`windows`: ramps,
 * slow surges) against a negative-binomial upper tail, flooring the expected count at `minRate` per bucket,
 * and opens, updates or closes the scope's surge alert. Only reads `baseline`; returns the next `state`.
 */
export function evaluateSurge(baseline: BaselineState, state: DetectorState, options: SurgeOptions): DetectorOutcome {
  if (baseline.observedBuckets < (options.minHistoryBuckets ?? 60)) return { state, event: 'none' };
  const minRate = options.minRate ?? 0.2;
  const minCount = options.minCount ?? 5;
  const logThreshold = Math.log(PROBABILITY_THRESHOLDS[options.sensitivity ?? 'medium']);
  const windows = options.windows ?? DEFAULT_WINDOWS;
  const closeWindow = options.closeWindow ?? 3;
  const frozen = state.openAlert?.levelFactor;
  const longest = Math.min(RING_SIZE, Math.max(closeWindow, ...windows));
  const counts = windowCounts;
  const expected = windowExpected;
  for (let ago = 0; ago < longest; ago++) {
    counts[ago + 1] = counts[ago] + countAt(baseline, ago);
    expected[ago + 1] = expected[ago] + Math.max(expectedAt(baseline, ago, frozen), minRate);
  }

  // Errors of the baseline persist from bucket to bucket, so summed windows keep the same dispersion.
  const dispersion = dispersionOf(baseline);
  let window = windows[0];
  let logProbability = Infinity;
  let fired = false;
  for (const w of windows) {
    // Fast path: a window that cannot fire only matters as evidence for an open alert.
    if (state.openAlert === undefined && (counts[w] < minCount || counts[w] <= expected[w])) continue;
    const logP = logNegBinUpperTail(counts[w], expected[w], dispersion);
    const fires = counts[w] >= minCount && logP < logThreshold;
    if ((fires && !fired) || (fires === fired && logP < logProbability)) {
      window = w;
      logProbability = logP;
      fired = fires;
    }
  }
  if (state.openAlert === undefined && !fired) return { state, event: 'none' };
  const logClose = state.openAlert === undefined ? 0 : logNegBinUpperTail(counts[closeWindow], expected[closeWindow], dispersion);
  const bucketMs = baseline.config.bucketMs;
  const bucketStart = latestBucketStart(baseline);
  const latest = counts[1];

  return advanceAlert(
    state,
    {
      fired,
      quiet: logClose >= Math.log(options.closeProbability ?? 0.01),
      startedAt: firstExcessBucket(baseline, window, minRate),
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
        observed: counts[window],
        expected: round3(expected[window]),
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
}

/** Start (ms) of the oldest bucket of the window that is above its expected count. */
function firstExcessBucket(baseline: BaselineState, window: number, minRate: number): number {
  let first = 0;
  for (let ago = window - 1; ago >= 0; ago--) {
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

