// Shapes shared by the early-warning detectors: alerts with their evidence, detector state, sensitivity.

export const ALERT_KINDS = ['surge', 'new_platform', 'community_surge', 'drop'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SENSITIVITIES = ['low', 'medium', 'high'] as const;
/** How eager a detector is: a higher sensitivity fires on weaker evidence (and more often by chance). */
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * Tail probability below which a reading fires, per sensitivity. A scope is tested about twice a minute,
 * so `medium` gives ≈ 0.1 chance alerts per scope per week and `high` ≈ 1 (measured on simulated
 * seasonal series from 0.05 to 200 events a minute; see detect-surge-false-alerts.test.ts).
 */
export const PROBABILITY_THRESHOLDS: Readonly<Record<Sensitivity, number>> = Object.freeze({
  low: 1e-6,
  medium: 1e-5,
  high: 1e-4,
});

/** One alert as the API and webhooks show it. Times are ms since the epoch; counts are per bucket or window. */
export interface DetectorAlert {
  readonly kind: AlertKind;
  /** What is watched, e.g. a link id, a site page or a workspace id. */
  readonly scope: string;
  /** The counted metric, e.g. `shares` or `visits`. */
  readonly metric: string;
  /** The platform (new_platform) or community id (community_surge) the alert is about. */
  readonly subject?: string;
  readonly status: 'open' | 'closed';
  /** Start of the first anomalous bucket. */
  readonly startedAt: number;
  /** The `now` of the evaluation that produced this reading. */
  readonly updatedAt: number;
  /** Once closed: start of the first bucket of the quiet run that closed it (surges: of its test window). */
  readonly endedAt?: number;
  /** Count over the tested window (`window` buckets ending with the latest). */
  readonly observed: number;
  /** Expected count over the same window. */
  readonly expected: number;
  /** Chance of a reading at least this extreme under the baseline; null for rule-based alerts. */
  readonly probability: number | null;
  /** Buckets summed in `observed` and `expected`. */
  readonly window: number;
  /**
   * Most extreme reading since the alert opened: highest bucket count (surge), lowest window count (drop),
   * highest share of the window, 0..1 (community_surge), the first count (new_platform).
   */
  readonly peak: number;
  readonly peakAt: number;
  /** Smallest probability seen since the alert opened. */
  readonly minProbability: number | null;
  /** Evidence: start (ms) and width (ms) of `series[0]`'s bucket. */
  readonly seriesStart: number;
  readonly bucketMs: number;
  /** Evidence: the last buckets' counts (about 60), oldest first. */
  readonly series: readonly number[];
  /** Evidence: the expected count of each bucket in `series`. */
  readonly baseline: readonly number[];
}

/** The alert a detector keeps open for one scope, so one anomaly is one alert that gets updated. */
export interface OpenAlert {
  readonly startedAt: number;
  readonly firedAt: number;
  readonly peak: number;
  readonly peakAt: number;
  readonly minProbability: number;
  /** The baseline level frozen when the alert opened, so the anomaly does not become its own baseline. */
  readonly levelFactor: number;
  /** Consecutive evaluations back at baseline. */
  readonly quietBuckets: number;
}

/** Per-scope detector state, passed in and returned: no detector keeps hidden state. Times in ms. */
export interface DetectorState {
  readonly openAlert?: OpenAlert;
  readonly lastFiredAt?: number;
  readonly lastClosedAt?: number;
}

export type AlertEvent = 'opened' | 'updated' | 'closed' | 'none';

/** What one evaluation did: the state to keep, and the alert reading when one is open or just closed. */
export interface DetectorOutcome {
  readonly state: DetectorState;
  readonly event: AlertEvent;
  readonly alert?: DetectorAlert;
}

/** Settings every stateful detector shares. */
export interface AlertLifecycleOptions {
  /** A new alert cannot open within this many ms of the last one opening or closing. Default 30 min. */
  readonly cooldownMs?: number;
  /** Consecutive quiet evaluations that close an open alert. Default 10. */
  readonly closeAfterBuckets?: number;
}
