// Every minute: count the last minute per watched series, feed the detectors, record alerts (one node at a time).
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { randomBase62 } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import type { EventReader } from '../store/types.js';
import type { AlertRecorder } from './alert-recorder.js';
import type { AlertRule, RuleScope } from './alert-types.js';
import { aggregateMinute, countStoredEvents, groupByMinute, MINUTE_MS, readKnownPlatforms, readMinuteRows } from './minute-counts.js';
import type { RuleService } from './rule-service.js';
import { SchedulerLease } from './scheduler-lease.js';
import { needsOf } from './rule-watch.js';
import { WorkspaceDetectors } from './workspace-detectors.js';

const DAY_MS = 86_400_000;
/** Warm-up reads and replays history in slices this long, yielding between them, so the server stays responsive. */
const SLICE_MS = 6 * 3_600_000;

export interface SchedulerOptions {
  /** Time between runs, ms. Default 60 000. */
  intervalMs: number;
  /** A minute is evaluated once it ended this long ago, so in-flight events land first, ms. Default 5000. */
  lagMs: number;
  /** Most history replayed into the baselines at start-up, days. Default 56 (the baselines' 8 weeks). */
  warmupDays: number;
  /** Most baseline steps (series × minutes) a warm-up may cost; fewer days are replayed beyond it. Default 20 million (≈ 6 s). */
  warmupStepBudget: number;
  /** Most stored events a warm-up reads; fewer days are replayed beyond it. Default 2 million (≈ 7 s). */
  warmupEventBudget: number;
  /** The last minutes of the warm-up also run the detectors, to rebuild open alerts and cooldowns. Default 120. */
  warmupEvaluateMinutes: number;
  /** After a longer pause (minutes), the state is rebuilt from history rather than caught up minute by minute. Default 120. */
  maxCatchUpMinutes: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: Readonly<SchedulerOptions> = Object.freeze({
  intervalMs: 60_000, lagMs: 5000, warmupDays: 56, warmupStepBudget: 20_000_000, warmupEventBudget: 2_000_000, warmupEvaluateMinutes: 120, maxCatchUpMinutes: 120,
});

/** What one run did. */
export interface RunSummary {
  /** False when another node holds the lease (nothing was done). */
  leader: boolean;
  /** Minutes evaluated live, summed over workspaces. */
  minutes: number;
  detections: number;
  /** Workspaces whose baselines were (re)built from history in this run, with the days replayed. */
  warmed: { workspaceId: string; days: number; ms: number }[];
}

export interface SchedulerDeps {
  meta: MetaStore;
  events: EventReader;
  rules: RuleService;
  recorder: AlertRecorder;
  log: FastifyBaseLogger;
  now: () => number;
}

/** Runs the detectors over every workspace; `runOnce(now)` is the whole job, the timer only calls it. */
export class AlertScheduler {
  readonly lease: SchedulerLease;
  options: SchedulerOptions;
  private readonly detectors = new Map<string, WorkspaceDetectors>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RunSummary> | null = null;
  private held = false;

  constructor(private readonly deps: SchedulerDeps, options: Partial<SchedulerOptions> = {}) {
    this.options = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
    this.lease = new SchedulerLease(deps.meta.sql, 'alerts', `${hostname()}:${process.pid}:${randomBase62(6)}`);
  }

  /** Runs every `intervalMs`, first just after the next minute ends; the timer does not keep the process alive. */
  start(): void {
    this.stop();
    const tick = () => {
      if (this.running) return;
      void this.runOnce(this.deps.now()).catch((err) => this.deps.log.error({ err }, 'alert scheduler run failed'));
    };
    const now = this.deps.now();
    const first = Math.min(this.options.intervalMs, MINUTE_MS - (now % MINUTE_MS) + this.options.lagMs);
    this.timer = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, this.options.intervalMs);
      this.timer.unref();
    }, first);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Changes options (tests); restarts the timer if it was running. */
  configure(options: Partial<SchedulerOptions>): void {
    this.options = { ...this.options, ...options };
    if (this.timer) this.start();
  }

  /**
   * Evaluates every minute that ended by `now − lagMs` (ms) and has not been evaluated yet, in every workspace, if this
   * node holds (or takes) the lease. Runs one at a time: a call while one runs waits for it, then runs.
   */
  async runOnce(now: number): Promise<RunSummary> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.run(now);
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  private async run(now: number): Promise<RunSummary> {
    const summary: RunSummary = { leader: false, minutes: 0, detections: 0, warmed: [] };
    if (!(await this.lease.acquire(now, Math.max(3 * this.options.intervalMs, 3 * MINUTE_MS)))) {
      // Another node runs the detectors; if we led before, our state is stale by the time we lead again.
      this.held = false;
      this.detectors.clear();
      return summary;
    }
    if (!this.held) this.detectors.clear();
    this.held = true;
    summary.leader = true;
    await this.deps.events.catchUp();
    const last = Math.floor((now - this.options.lagMs) / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
    for (const id of await this.deps.meta.listWorkspaceIds()) {
      try {
        await this.runWorkspace(id, last, now, summary);
      } catch (err) {
        this.deps.log.error({ err, workspaceId: id }, 'alert detection failed for a workspace');
      }
    }
    return summary;
  }

  private async runWorkspace(workspaceId: string, last: number, now: number, summary: RunSummary): Promise<void> {
    const rules = await this.deps.rules.enabled(workspaceId);
    const byId = new Map(rules.map((r) => [r.id, r]));
    let det = this.detectors.get(workspaceId);
    if (!det || last - det.lastMinute > this.options.maxCatchUpMinutes * MINUTE_MS) {
      const started = performance.now();
      const { detectors, days } = await this.warm(workspaceId, rules, last);
      det = detectors;
      this.detectors.set(workspaceId, det);
      summary.warmed.push({ workspaceId, days, ms: Math.round(performance.now() - started) });
      this.deps.log.info({ workspaceId, days, series: det.baselines.size }, 'alert baselines warmed from history');
    }
    for (let minute = det.lastMinute + MINUTE_MS; minute <= last; minute += MINUTE_MS) {
      const rows = await readMinuteRows(this.deps.events, workspaceId, minute, minute + MINUTE_MS);
      const detections = det.step(minute, aggregateMinute(rows, needsOf(rules, true)), rules, true);
      await this.deps.recorder.record(workspaceId, detections, byId, now);
      summary.minutes++;
      summary.detections += detections.length;
    }
    const open = new Set([...det.openKeys()].filter((key) => byId.has(key.split('|')[0])));
    await this.deps.recorder.closeOrphans(workspaceId, open, now);
  }

  /**
   * Rebuilds a workspace's baselines by replaying stored minute counts up to `last`: at most `warmupDays`, fewer
   * when the replay would exceed `warmupStepBudget` (many watched series) or `warmupEventBudget` (busy workspaces).
   * Reads six hours per query and yields between slices. Only the last `warmupEvaluateMinutes` run the detectors,
   * and nothing is announced. Known platforms come from all of the stored history.
   */
  private async warm(workspaceId: string, rules: readonly AlertRule[], last: number): Promise<{ detectors: WorkspaceDetectors; days: number }> {
    const det = new WorkspaceDetectors();
    const series = Math.max(1, await this.estimateSeries(workspaceId, rules));
    const end = last + MINUTE_MS;
    let days = Math.max(1, Math.min(this.options.warmupDays, Math.floor(this.options.warmupStepBudget / (series * 1440))));
    const stored = await countStoredEvents(this.deps.events, workspaceId, end - days * DAY_MS, end);
    if (stored > this.options.warmupEventBudget) days = Math.max(1, Math.floor((days * this.options.warmupEventBudget) / stored));
    const evaluateFrom = end - this.options.warmupEvaluateMinutes * MINUTE_MS;
    const replayNeeds = needsOf(rules, false);
    for (let from = end - days * DAY_MS; from < end; from += SLICE_MS) {
      const to = Math.min(end, from + SLICE_MS);
      const byMinute = groupByMinute(await readMinuteRows(this.deps.events, workspaceId, from, to));
      for (let minute = from; minute < to; minute += MINUTE_MS) {
        const rows = byMinute.get(minute);
        // Before the evaluated tail, empty minutes need no call: the next observation fills the gap with zeros.
        if (minute < evaluateFrom && !rows) continue;
        det.step(minute, aggregateMinute(rows ?? [], replayNeeds), rules, minute >= evaluateFrom);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    det.seedKnownPlatforms(await readKnownPlatforms(this.deps.events, workspaceId, end));
    det.lastMinute = last;
    return { detectors: det, days };
  }

  /** Upper bound of the series the rules watch: links, sites and communities from metadata, 30 platforms. */
  private async estimateSeries(workspaceId: string, rules: readonly AlertRule[]): Promise<number> {
    const tables = { link: 'links', site: 'sites', community: 'communities' } as const;
    const sizeOf = async (scope: RuleScope) =>
      scope === 'workspace' ? 1 : scope === 'platform' ? 30 : this.deps.meta.countInWorkspace(tables[scope], workspaceId);
    let total = 0;
    for (const r of rules) {
      if (r.kind === 'new_platform') continue;
      const perMetric = r.target !== null ? 1 : r.kind === 'community_surge' ? (await sizeOf('community')) + 1 : await sizeOf(r.scope);
      total += perMetric * (r.metric === 'ratio' ? 2 : 1);
    }
    return total;
  }

  /** Stops the timer, waits for a run in progress and gives the lease up. */
  async close(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
    if (this.held) await this.lease.release();
  }
}
