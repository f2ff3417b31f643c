// Drop detector: has traffic stayed far below its baseline for a sustained window (a broken tag, a dead link)?
import { advanceAlert } from './alert-lifecycle.js';
import { dispersionOf, type BaselineState } from './baseline-state.js';
import { countAt, expectedAt, latestBucketStart, levelFactorAt, recentEvidence, round3 } from './read-baseline.js';
import { logNegBinLowerTail } from './count-tails.js';
import {
  PROBABILITY_THRESHOLDS,
  type AlertLifecycleOptions,
  type DetectorOutcome,
  type DetectorState,
  type Sensitivity,
} from './types.js';

export interface DropOptions extends AlertLifecycleOptions {
  readonly scope: string;
  readonly metric: string;
  /** Evaluation time, ms since the epoch. */
  readonly now: number;
  /** Default `medium`; see {@link PROBABILITY_THRESHOLDS}. */
  readonly sensitivity?: Sensitivity;
  /** Buckets that must be low together. Default 30 (half an hour of minutes). */
  readonly windowBuckets?: number;
  /** Least expected count over the window for a drop to mean anything. Default 60. */
  readonly minExpected?: number;
  /** The window must hold at most this fraction of its expected count. Default 0.5. */
  readonly maxRatio?: number;
  /** Buckets of history required before firing. Default 120. */
  readonly minHistoryBuckets?: number;
  /** Buckets in the recovery test. Default 5. */
  readonly recoveryBuckets?: number;
  /** A bucket counts as recovered when the recovery window's lower-tail probability is at least this. Default 0.01. */
  readonly closeProbability?: number;
  /** Buckets of evidence attached to alerts. Default 60. */
  readonly evidenceBuckets?: number;
}

/**
 * Compares the count of the last `windowBuckets` buckets of `baseline` with what was expected, using the
 * level in force before the window began (so the drop cannot lower its own baseline), with a
 * negative-binomial lower tail. Opens, updates or closes the scope's drop alert; returns the next state.
 */
export function evaluateDrop(baseline: BaselineState, state: DetectorState, options: DropOptions): DetectorOutcome {
  const window = Math.min(options.windowBuckets ?? 30, 63);
  if (baseline.observedBuckets < Math.max(options.minHistoryBuckets ?? 120, window + 1)) return { state, event: 'none' };
  const levelFactor = state.openAlert?.levelFactor ?? levelFactorAt(baseline, window - 1);
  const dispersion = dispersionOf(baseline);

  let observed = 0;
  let expected = 0;
  for (let ago = 0; ago < window; ago++) {
    observed += countAt(baseline, ago);
    expected += expectedAt(baseline, ago, levelFactor);
  }
  const logProbability = logNegBinLowerTail(observed, expected, dispersion);
  const fired = expected >= (options.minExpected ?? 60)
    && observed <= (options.maxRatio ?? 0.5) * expected
    && logProbability < Math.log(PROBABILITY_THRESHOLDS[options.sensitivity ?? 'medium']);

  const recovery = Math.min(options.recoveryBuckets ?? 5, window);
  let recentObserved = 0;
  let recentExpected = 0;
  for (let ago = 0; ago < recovery; ago++) {
    recentObserved += countAt(baseline, ago);
    recentExpected += expectedAt(baseline, ago, levelFactor);
  }
  const quiet = logNegBinLowerTail(recentObserved, recentExpected, dispersion) >= Math.log(options.closeProbability ?? 0.01);

  const bucketMs = baseline.config.bucketMs;
  const bucketStart = latestBucketStart(baseline);
  return advanceAlert(
    state,
    {
      fired,
      quiet,
      startedAt: bucketStart - (window - 1) * bucketMs,
      peakValue: observed,
      peakAt: bucketStart,
      direction: 'down',
      probability: Math.exp(logProbability),
      levelFactor,
      bucketStart,
      bucketMs,
    },
    options.now,
    (frozen) => {
      const evidence = recentEvidence(baseline, options.evidenceBuckets ?? 60, frozen);
      return {
        kind: 'drop',
        scope: options.scope,
        metric: options.metric,
        observed,
        expected: round3(expected),
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
