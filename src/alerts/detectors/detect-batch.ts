// Advances and evaluates many scopes' surge detectors for one new bucket (10k scopes well within a second).
import { observeBucket, type BaselineState } from './baseline-state.js';
import { evaluateSurge, type SurgeOptions } from './detect-surge.js';
import type { AlertEvent, DetectorAlert, DetectorState } from './types.js';

/** One watched series: its baseline (mutated by {@link detectBatch}) and its alert state. */
export interface WatchedScope {
  readonly scope: string;
  readonly metric: string;
  readonly baseline: BaselineState;
  readonly state: DetectorState;
}

/** An evaluation that did something: `index` points into the `scopes` passed to {@link detectBatch}. */
export interface BatchEvent {
  readonly index: number;
  readonly event: Exclude<AlertEvent, 'none'>;
  readonly alert: DetectorAlert;
}

export type BatchOptions = Omit<SurgeOptions, 'scope' | 'metric'> & {
  /** Per-scope sensitivity, when it differs from `sensitivity`. */
  readonly sensitivityOf?: (index: number) => SurgeOptions['sensitivity'];
};

/**
 * Adds `counts[i]` (events in the bucket starting at `bucketStart`, ms) to `scopes[i].baseline` in place,
 * evaluates every scope's surge test, and returns the next alert states (same order) and the events.
 * Throws RangeError when `counts` and `scopes` differ in length or a bucket is out of order.
 */
export function detectBatch(
  scopes: readonly WatchedScope[],
  bucketStart: number,
  counts: ArrayLike<number>,
  options: BatchOptions,
): { states: DetectorState[]; events: BatchEvent[] } {
  if (counts.length !== scopes.length) {
    throw new RangeError(`expected ${scopes.length} counts, got ${counts.length}`);
  }
  const states: DetectorState[] = new Array(scopes.length);
  const events: BatchEvent[] = [];
  const perScope = { ...options, scope: '', metric: '' };
  for (let i = 0; i < scopes.length; i++) {
    const watched = scopes[i];
    observeBucket(watched.baseline, bucketStart, counts[i]);
    perScope.scope = watched.scope;
    perScope.metric = watched.metric;
    if (options.sensitivityOf) perScope.sensitivity = options.sensitivityOf(i);
    const outcome = evaluateSurge(watched.baseline, watched.state, perScope);
    states[i] = outcome.state;
    if (outcome.event !== 'none' && outcome.alert) events.push({ index: i, event: outcome.event, alert: outcome.alert });
  }
  return { states, events };
}
