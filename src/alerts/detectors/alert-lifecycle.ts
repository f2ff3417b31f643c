// Opens, updates and closes one alert per scope from successive readings, with a cooldown between alerts.
import type {
  AlertLifecycleOptions,
  DetectorAlert,
  DetectorOutcome,
  DetectorState,
  OpenAlert,
} from './types.js';

export const DEFAULT_COOLDOWN_MS = 30 * 60_000;
export const DEFAULT_CLOSE_AFTER_BUCKETS = 10;

/** One evaluation's verdict, as a detector computes it. */
export interface Reading {
  /** The evidence is strong enough to open an alert. */
  readonly fired: boolean;
  /** The level is back at baseline (one step towards closing an open alert). */
  readonly quiet: boolean;
  /** Start (ms) of the first anomalous bucket, used when an alert opens. */
  readonly startedAt: number;
  /** The value tracked as the peak, and the time (ms) it belongs to. */
  readonly peakValue: number;
  readonly peakAt: number;
  /** Whether a higher (`up`) or lower (`down`) peak value is more extreme. */
  readonly direction: 'up' | 'down';
  readonly probability: number;
  /** Level factor to freeze when an alert opens. */
  readonly levelFactor: number;
  /** Start (ms) of the latest bucket and the bucket width, to date the end of an alert. */
  readonly bucketStart: number;
  readonly bucketMs: number;
}

/** Fields of a {@link DetectorAlert} that the lifecycle does not decide. */
export type AlertBody = Omit<DetectorAlert, 'status' | 'startedAt' | 'updatedAt' | 'endedAt' | 'peak' | 'peakAt' | 'minProbability'>;

/**
 * Advances `state` by one reading taken at `now` (ms). `describe` builds the alert body (evidence) and
 * is only called when an alert is open or closing, which keeps idle scopes cheap. Pure: returns a new state.
 */
export function advanceAlert(
  state: DetectorState,
  reading: Reading,
  now: number,
  describe: (levelFactor: number) => AlertBody,
  options: AlertLifecycleOptions = {},
): DetectorOutcome {
  const cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
  const closeAfter = options.closeAfterBuckets ?? DEFAULT_CLOSE_AFTER_BUCKETS;
  const open = state.openAlert;

  if (open === undefined) {
    const lastAt = Math.max(state.lastFiredAt ?? -Infinity, state.lastClosedAt ?? -Infinity);
    if (!reading.fired || now - lastAt < cooldownMs) return { state, event: 'none' };
    const opened: OpenAlert = {
      startedAt: reading.startedAt,
      firedAt: now,
      peak: reading.peakValue,
      peakAt: reading.peakAt,
      minProbability: reading.probability,
      levelFactor: reading.levelFactor,
      quietBuckets: 0,
    };
    return {
      state: { ...state, openAlert: opened, lastFiredAt: now },
      event: 'opened',
      alert: toAlert(opened, 'open', now, describe(opened.levelFactor)),
    };
  }

  const morePeak = reading.direction === 'up' ? reading.peakValue > open.peak : reading.peakValue < open.peak;
  const updated: OpenAlert = {
    ...open,
    peak: morePeak ? reading.peakValue : open.peak,
    peakAt: morePeak ? reading.peakAt : open.peakAt,
    minProbability: Math.min(open.minProbability, reading.probability),
    quietBuckets: reading.quiet ? open.quietBuckets + 1 : 0,
  };
  const body = describe(open.levelFactor);
  if (updated.quietBuckets < closeAfter) {
    return { state: { ...state, openAlert: updated }, event: 'updated', alert: toAlert(updated, 'open', now, body) };
  }
  const endedAt = reading.bucketStart - (closeAfter - 1) * reading.bucketMs;
  const { openAlert: _closed, ...rest } = state;
  return {
    state: { ...rest, lastClosedAt: now },
    event: 'closed',
    alert: { ...toAlert(updated, 'closed', now, body), endedAt },
  };
}

function toAlert(open: OpenAlert, status: 'open' | 'closed', now: number, body: AlertBody): DetectorAlert {
  return {
    ...body,
    status,
    startedAt: open.startedAt,
    updatedAt: now,
    peak: open.peak,
    peakAt: open.peakAt,
    minProbability: open.minProbability,
  };
}
