// New platform: a link or page is shared into a platform it has never reached before.
import type { DetectorAlert } from './types.js';

/** Platforms that say nothing about where a link travelled, so never announced. */
export const UNANNOUNCED_PLATFORMS: readonly string[] = ['unknown', 'other'];

export interface NewPlatformInput {
  /** The link id or site page the shares belong to. */
  readonly scope: string;
  /** Default `shares`. */
  readonly metric?: string;
  /** Evaluation time, ms since the epoch. */
  readonly now: number;
  /** Start (ms) of the bucket(s) in `latest`, and their width (ms). */
  readonly bucketStart: number;
  readonly bucketMs: number;
  /** Platforms the scope has been shared into before `bucketStart`. */
  readonly knownPlatforms: Iterable<string>;
  /** Shares per platform in the latest bucket(s). */
  readonly latest: Readonly<Record<string, number>>;
  /** Platforms never announced. Default {@link UNANNOUNCED_PLATFORMS}. */
  readonly ignore?: readonly string[];
}

/**
 * One alert per platform that has shares in `latest` but is not in `knownPlatforms`, and the known set
 * to keep for next time (every platform with shares is added, announced or not). Pure: the input set is
 * not modified. Alerts are born closed: there is nothing to follow up.
 */
export function detectNewPlatforms(input: NewPlatformInput): { knownPlatforms: Set<string>; alerts: DetectorAlert[] } {
  const knownPlatforms = new Set(input.knownPlatforms);
  const ignore = new Set(input.ignore ?? UNANNOUNCED_PLATFORMS);
  const alerts: DetectorAlert[] = [];
  for (const platform of Object.keys(input.latest).sort()) {
    const count = input.latest[platform];
    if (!(count > 0) || knownPlatforms.has(platform)) continue;
    knownPlatforms.add(platform);
    if (ignore.has(platform)) continue;
    alerts.push({
      kind: 'new_platform',
      scope: input.scope,
      metric: input.metric ?? 'shares',
      subject: platform,
      status: 'closed',
      startedAt: input.bucketStart,
      updatedAt: input.now,
      endedAt: input.bucketStart,
      observed: count,
      expected: 0,
      probability: null,
      window: 1,
      peak: count,
      peakAt: input.bucketStart,
      minProbability: null,
      seriesStart: input.bucketStart,
      bucketMs: input.bucketMs,
      series: [count],
      baseline: [0],
    });
  }
  return { knownPlatforms, alerts };
}
