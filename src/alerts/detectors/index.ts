// The early-warning detectors' public API: surge, drop, community surge and new platform, all pure.
export * from './types.js';
export { advanceAlert, DEFAULT_CLOSE_AFTER_BUCKETS, DEFAULT_COOLDOWN_MS } from './alert-lifecycle.js';
export {
  createBaseline,
  cloneBaseline,
  observeBucket,
  dispersionOf,
  DEFAULT_BASELINE_CONFIG,
  type BaselineConfig,
  type BaselineState,
  type SeasonalMode,
} from './baseline-state.js';
export { countAt, expectedAt, levelFactorAt, latestBucketStart, recentEvidence } from './read-baseline.js';
export { evaluateSurge, detectSurge, type CountSeries, type SurgeOptions } from './detect-surge.js';
export { detectBatch, type WatchedScope, type BatchEvent, type BatchOptions } from './detect-batch.js';
export { evaluateDrop, type DropOptions } from './detect-drop.js';
export { detectCommunitySurge, type CommunityCounts, type CommunitySurgeInput } from './detect-community-surge.js';
export { detectNewPlatforms, UNANNOUNCED_PLATFORMS, type NewPlatformInput } from './detect-new-platform.js';
export {
  poissonUpperTail,
  poissonLowerTail,
  logPoissonUpperTail,
  logPoissonLowerTail,
  logNegBinUpperTail,
  logNegBinLowerTail,
  logBinomialUpperTail,
} from './count-tails.js';
export { replaySeries, type ReplayOptions, type ReplayedEvent } from './replay-series.js';
