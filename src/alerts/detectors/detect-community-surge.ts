// Community surge: does one community bring a far larger share of the workspace's visits than it usually does?
import { advanceAlert } from './alert-lifecycle.js';
import { logBinomialUpperTail } from './count-tails.js';
import {
  PROBABILITY_THRESHOLDS,
  type AlertLifecycleOptions,
  type DetectorOutcome,
  type DetectorState,
  type Sensitivity,
} from './types.js';

/** One community's counts in the recent buckets and over the reference history. */
export interface CommunityCounts {
  readonly community: string;
  /** Events per bucket, aligned with {@link CommunitySurgeInput.totals}, oldest first. */
  readonly counts: readonly number[];
  /** Events over the reference history (e.g. the last four weeks, excluding the recent buckets). */
  readonly historicalCount: number;
}

export interface CommunitySurgeInput extends AlertLifecycleOptions {
  /** The workspace (or site) whose traffic is split by community. */
  readonly scope: string;
  readonly metric: string;
  /** Evaluation time, ms since the epoch. */
  readonly now: number;
  /** Start (ms) of the first bucket of `totals`, and the bucket width (ms). */
  readonly start: number;
  readonly bucketMs: number;
  /** The workspace's events per bucket, oldest first (about 60 buckets, for evidence). */
  readonly totals: readonly number[];
  /** The workspace's events over the reference history. */
  readonly historicalTotal: number;
  readonly communities: readonly CommunityCounts[];
  /** Each community's detector state, by community id. */
  readonly states?: Readonly<Record<string, DetectorState>>;
  /** Default `medium`; see {@link PROBABILITY_THRESHOLDS}. */
  readonly sensitivity?: Sensitivity;
  /** Buckets summed for the test. Default 15. */
  readonly windowBuckets?: number;
  /** Fewest events of the community in the window that can fire. Default 5. */
  readonly minCount?: number;
  /** Its share of the window must be at least this multiple of its usual share. Default 2. */
  readonly minShareRatio?: number;
  /** Least reference history (events) for a usual share to mean anything. Default 200. */
  readonly minHistoricalTotal?: number;
  /** A bucket counts as back to normal when the tail probability is at least this. Default 0.01. */
  readonly closeProbability?: number;
}

/**
 * Tests each community's count over the last `windowBuckets` against Binomial(workspace total, usual
 * share), where the usual share is (historicalCount + ½) / (historicalTotal + 1). Returns every
 * community's next state and the outcomes that did something. Throws RangeError when a community's
 * counts are not aligned with `totals`.
 */
export function detectCommunitySurge(input: CommunitySurgeInput): {
  states: Record<string, DetectorState>;
  outcomes: (DetectorOutcome & { community: string })[];
} {
  const states: Record<string, DetectorState> = { ...input.states };
  const outcomes: (DetectorOutcome & { community: string })[] = [];
  const window = Math.min(input.windowBuckets ?? 15, input.totals.length);
  const last = input.totals.length - 1;
  const bucketStart = input.start + last * input.bucketMs;
  let total = 0;
  for (let i = last - window + 1; i <= last; i++) total += input.totals[i];
  const logThreshold = Math.log(PROBABILITY_THRESHOLDS[input.sensitivity ?? 'medium']);
  const meaningful = input.historicalTotal >= (input.minHistoricalTotal ?? 200) && window > 0;

  for (const community of input.communities) {
    if (community.counts.length !== input.totals.length) {
      throw new RangeError(`community ${community.community} has ${community.counts.length} buckets, totals have ${input.totals.length}`);
    }
    const usualShare = (community.historicalCount + 0.5) / (input.historicalTotal + 1);
    let observed = 0;
    for (let i = last - window + 1; i <= last; i++) observed += community.counts[i];
    const logProbability = logBinomialUpperTail(observed, total, usualShare);
    const fired = meaningful
      && observed >= (input.minCount ?? 5)
      && observed >= (input.minShareRatio ?? 2) * usualShare * total
      && logProbability < logThreshold;
    const outcome = advanceAlert(
      states[community.community] ?? {},
      {
        fired,
        quiet: logProbability >= Math.log(input.closeProbability ?? 0.01),
        startedAt: bucketStart - (window - 1) * input.bucketMs,
        peakValue: total > 0 ? observed / total : 0,
        peakAt: bucketStart,
        direction: 'up',
        probability: Math.exp(logProbability),
        levelFactor: usualShare,
        bucketStart,
        bucketMs: input.bucketMs,
      },
      input.now,
      () => ({
        kind: 'community_surge',
        scope: input.scope,
        metric: input.metric,
        subject: community.community,
        observed,
        expected: Math.round(usualShare * total * 1000) / 1000,
        probability: Math.exp(logProbability),
        window,
        seriesStart: input.start,
        bucketMs: input.bucketMs,
        series: [...community.counts],
        baseline: input.totals.map((t) => Math.round(t * usualShare * 1000) / 1000),
      }),
      input,
    );
    states[community.community] = outcome.state;
    if (outcome.event !== 'none') outcomes.push({ ...outcome, community: community.community });
  }
  return { states, outcomes };
}
