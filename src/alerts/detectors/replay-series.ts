// Replays a count series bucket by bucket through a fresh baseline and the surge and drop detectors.
import { createBaseline, observeBucket, type BaselineConfig } from './baseline-state.js';
import { evaluateDrop, type DropOptions } from './detect-drop.js';
import { evaluateSurge, type CountSeries, type SurgeOptions } from './detect-surge.js';
import type { AlertEvent, DetectorAlert, DetectorState } from './types.js';

/** An alert event seen during a replay, at bucket `index` of the series. */
export interface ReplayedEvent {
  readonly index: number;
  readonly event: Exclude<AlertEvent, 'none'>;
  readonly alert: DetectorAlert;
}

export interface ReplayOptions {
  readonly scope: string;
  readonly metric: string;
  /** First bucket index evaluated (earlier buckets only train the baseline). Default 0. */
  readonly from?: number;
  /** Which detector to run. Default `surge`. */
  readonly detector?: 'surge' | 'drop';
  readonly surge?: Omit<SurgeOptions, 'scope' | 'metric' | 'now'>;
  readonly drop?: Omit<DropOptions, 'scope' | 'metric' | 'now'>;
  readonly baseline?: Partial<BaselineConfig>;
  /** Keep `updated` events too (one per bucket while an alert is open). Default false. */
  readonly includeUpdates?: boolean;
}

/**
 * Feeds every bucket of `series` to a new baseline and evaluates each one from `from` on, with `now` at
 * the end of the bucket, as a live deployment would. Returns the events and the final detector state.
 * For demos, backfills and tests; O(buckets).
 */
export function replaySeries(series: CountSeries, options: ReplayOptions): { events: ReplayedEvent[]; state: DetectorState } {
  const baseline = createBaseline({ ...options.baseline, bucketMs: series.bucketMs });
  const from = options.from ?? 0;
  const events: ReplayedEvent[] = [];
  let state: DetectorState = {};
  for (let i = 0; i < series.counts.length; i++) {
    const bucketStart = series.start + i * series.bucketMs;
    observeBucket(baseline, bucketStart, series.counts[i]);
    if (i < from) continue;
    const common = { scope: options.scope, metric: options.metric, now: bucketStart + series.bucketMs };
    const outcome = options.detector === 'drop'
      ? evaluateDrop(baseline, state, { ...options.drop, ...common })
      : evaluateSurge(baseline, state, { ...options.surge, ...common });
    state = outcome.state;
    if (outcome.event === 'none' || !outcome.alert) continue;
    if (outcome.event === 'updated' && !options.includeUpdates) continue;
    events.push({ index: i, event: outcome.event, alert: outcome.alert });
  }
  return { events, state };
}
