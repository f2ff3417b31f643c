// One workspace's detection state in memory: a baseline per watched series, alert states per rule, known platforms.
import type { RuleScope } from './alert-types.js';
import {
  countAt, createBaseline, detectCommunitySurge, detectNewPlatforms, evaluateDrop, evaluateSurge, UNANNOUNCED_PLATFORMS,
  type BaselineConfig, type BaselineState, type CommunityCounts, type DetectorAlert, type DetectorState, observeBucket,
} from './detectors/index.js';
import { MINUTE_MS, parseSeriesKey, seriesKey, type MinuteCounts } from './minute-counts.js';
import { comparesCommunity, coversOwner, needsSeries, watchesSeries, type WatchRule } from './rule-watch.js';

/** Buckets handed to the share-of-total tests (community surge, ratio): the last hour. */
const RECENT_BUCKETS = 60;

/** An alert event for one rule: `key` identifies the alert (rule, series, subject) so an open one is updated. */
export interface Detection {
  rule: WatchRule;
  key: string;
  event: 'opened' | 'updated' | 'closed';
  alert: DetectorAlert;
  /** What the alert is about (may differ from the rule's scope: a community of a workspace rule). */
  scope: RuleScope;
  target: string | null;
}

/** Decayed count (half-life of the baseline's long-run level, a day of minutes) excluding the last `recent` buckets. */
function historicalCount(b: BaselineState | undefined, recent: number): number {
  if (!b) return 0;
  let sum = b.levelSum;
  let weight = 1;
  for (let ago = 0; ago < recent; ago++) {
    sum -= weight * countAt(b, ago);
    weight *= b.decays.level;
  }
  return Math.max(0, sum);
}

function recentCounts(b: BaselineState | undefined, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  if (b) for (let ago = 0; ago < n; ago++) out[n - 1 - ago] = countAt(b, ago);
  return out;
}

/** Feeds minutes to the detectors; owned by the scheduler, one per workspace. Not thread-safe, no I/O. */
export class WorkspaceDetectors {
  readonly baselines = new Map<string, BaselineState>();
  private readonly states = new Map<string, DetectorState>();
  private readonly groupStates = new Map<string, Record<string, DetectorState>>();
  private known = new Map<string, Set<string>>();
  /** Start (ms) of the last minute fed; NaN before any. */
  lastMinute = Number.NaN;

  constructor(private readonly baselineConfig: Partial<BaselineConfig> = {}) {}

  /** Sets the platforms each link or site was shared into so far (from the stored history). */
  seedKnownPlatforms(known: Map<string, Set<string>>): void {
    this.known = known;
  }

  /** Keys of the alerts open in detector state (to reconcile with the stored ones after a warm-up). */
  openKeys(): Set<string> {
    const keys = new Set<string>();
    for (const [key, s] of this.states) if (s.openAlert) keys.add(key);
    for (const [ruleId, group] of this.groupStates) {
      for (const [subject, s] of Object.entries(group)) if (s.openAlert) keys.add(`${ruleId}|${subject}`);
    }
    return keys;
  }

  /**
   * Adds the minute starting at `minute` (ms, after the last one) to every watched series and, when `evaluate`,
   * runs each rule's detector and tracks new platforms (a replay without `evaluate` leaves platforms to
   * {@link seedKnownPlatforms}). Series start being watched at their first event that some rule needs.
   */
  step(minute: number, counts: MinuteCounts, rules: readonly WatchRule[], evaluate: boolean): Detection[] {
    for (const [key, n] of counts.series) {
      if (n <= 0 || this.baselines.has(key)) continue;
      const { scope, target, metric } = parseSeriesKey(key);
      if (needsSeries(rules, scope, target, metric)) this.baselines.set(key, createBaseline(this.baselineConfig));
    }
    for (const [key, baseline] of this.baselines) observeBucket(baseline, minute, counts.series.get(key) ?? 0);
    this.lastMinute = minute;
    if (!evaluate) return [];
    const platformAlerts = this.detectPlatforms(minute, counts);
    const out: Detection[] = [];
    const now = minute + MINUTE_MS;
    for (const rule of rules) {
      if (rule.kind === 'new_platform') {
        for (const { owner, alert } of platformAlerts) {
          if (!coversOwner(rule, owner, counts.communityOf.get(owner))) continue;
          const [type, id] = owner.split(':');
          out.push({ rule, key: `${rule.id}|${owner}|${alert.subject}`, event: 'opened', alert, scope: type as RuleScope, target: id });
        }
      } else if (rule.kind === 'community_surge') out.push(...this.detectCommunities(rule, minute, now));
      else if (rule.metric === 'ratio') out.push(...this.detectRatios(rule, minute, now));
      else out.push(...this.detectLevels(rule, now));
    }
    return out;
  }

  private detectLevels(rule: WatchRule, now: number): Detection[] {
    const out: Detection[] = [];
    for (const [seriesId, baseline] of this.baselines) {
      const { scope, target, metric } = parseSeriesKey(seriesId);
      if (!watchesSeries(rule, scope, target, metric)) continue;
      const key = `${rule.id}|${seriesId}`;
      const options = { scope: target ?? scope, metric, now, sensitivity: rule.sensitivity };
      const outcome = rule.kind === 'drop'
        ? evaluateDrop(baseline, this.states.get(key) ?? {}, options)
        : evaluateSurge(baseline, this.states.get(key) ?? {}, options);
      this.states.set(key, outcome.state);
      if (outcome.event !== 'none' && outcome.alert) out.push({ rule, key, event: outcome.event, alert: outcome.alert, scope, target });
    }
    return out;
  }

  /** Ratio surge: are shares a far larger part of (shares + visits) than usual? A binomial test, as for communities. */
  private detectRatios(rule: WatchRule, minute: number, now: number): Detection[] {
    const out: Detection[] = [];
    for (const [seriesId, shares] of this.baselines) {
      const { scope, target, metric } = parseSeriesKey(seriesId);
      if (metric !== 'shares' || !watchesSeries(rule, scope, target, metric)) continue;
      const visits = this.baselines.get(seriesKey(scope, target, 'visits'));
      const shareCounts = recentCounts(shares, RECENT_BUCKETS);
      const visitCounts = recentCounts(visits, RECENT_BUCKETS);
      const key = `${rule.id}|${seriesKey(scope, target, 'shares').replace(/shares$/, 'ratio')}`;
      const { states, outcomes } = detectCommunitySurge({
        scope: target ?? scope, metric: 'ratio', now, start: minute - (RECENT_BUCKETS - 1) * MINUTE_MS, bucketMs: MINUTE_MS,
        totals: shareCounts.map((n, i) => n + visitCounts[i]),
        historicalTotal: historicalCount(shares, RECENT_BUCKETS) + historicalCount(visits, RECENT_BUCKETS),
        communities: [{ community: 'shares', counts: shareCounts, historicalCount: historicalCount(shares, RECENT_BUCKETS) }],
        states: { shares: this.states.get(key) ?? {} }, sensitivity: rule.sensitivity,
      });
      this.states.set(key, states.shares);
      for (const o of outcomes) {
        if (o.event === 'none' || !o.alert) continue;
        const { subject: _subject, ...alert } = o.alert;
        out.push({ rule, key, event: o.event, alert: { ...alert, kind: 'surge' }, scope, target });
      }
    }
    return out;
  }

  private detectCommunities(rule: WatchRule, minute: number, now: number): Detection[] {
    const total = this.baselines.get(seriesKey('workspace', null, rule.metric as 'shares' | 'visits'));
    if (!total) return [];
    const communities: CommunityCounts[] = [];
    for (const [seriesId, baseline] of this.baselines) {
      const { scope, target, metric } = parseSeriesKey(seriesId);
      if (scope !== 'community' || !target || !comparesCommunity(rule, scope, target, metric)) continue;
      communities.push({ community: target, counts: recentCounts(baseline, RECENT_BUCKETS), historicalCount: historicalCount(baseline, RECENT_BUCKETS) });
    }
    if (communities.length === 0) return [];
    const { states, outcomes } = detectCommunitySurge({
      scope: 'workspace', metric: rule.metric, now, start: minute - (RECENT_BUCKETS - 1) * MINUTE_MS, bucketMs: MINUTE_MS,
      totals: recentCounts(total, RECENT_BUCKETS), historicalTotal: historicalCount(total, RECENT_BUCKETS), communities,
      states: this.groupStates.get(rule.id), sensitivity: rule.sensitivity,
    });
    this.groupStates.set(rule.id, states);
    return outcomes.filter((o) => o.event !== 'none' && o.alert).map((o) => ({
      rule, key: `${rule.id}|${o.community}`, event: o.event as Detection['event'], alert: o.alert!, scope: 'community' as const, target: o.community,
    }));
  }

  /**
   * New platforms of every link or site shared this minute. The first platform a link is ever shared into is its
   * home, not news: only later platforms are announced.
   */
  private detectPlatforms(minute: number, counts: MinuteCounts): { owner: string; alert: DetectorAlert }[] {
    const out: { owner: string; alert: DetectorAlert }[] = [];
    for (const [owner, latest] of counts.platformShares) {
      const known = this.known.get(owner) ?? new Set<string>();
      const hasHome = [...known].some((p) => !UNANNOUNCED_PLATFORMS.includes(p));
      const result = detectNewPlatforms({ scope: owner.split(':')[1], now: minute + MINUTE_MS, bucketStart: minute, bucketMs: MINUTE_MS, knownPlatforms: known, latest });
      this.known.set(owner, result.knownPlatforms);
      if (hasHome) for (const alert of result.alerts) out.push({ owner, alert });
    }
    return out;
  }
}
