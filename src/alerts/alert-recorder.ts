// Turns detections into stored alerts (one per anomaly, updated while it lasts), live-feed messages and queued webhooks.
import type { FastifyBaseLogger } from 'fastify';
import { newId } from '../ids.js';
import type { LiveFeed } from '../live/live-feed.js';
import type { MetaStore } from '../store/index.js';
import type { AlertTables } from './alert-tables.js';
import type { AlertRule, RuleScope, StoredAlert, WebhookEvent } from './alert-types.js';
import { alertView } from './alert-views.js';
import { isQuietAt } from './quiet-hours.js';
import type { WebhookService } from './webhook-service.js';
import type { Detection } from './workspace-detectors.js';

/** An open surge is announced again (`alert.updated`) only once its peak has grown by this factor since the last announcement. */
export const UPDATE_GROWTH = 1.5;

function quietHoursOf(rule: AlertRule | undefined) {
  return rule?.quietStart && rule.quietEnd && rule.quietTz ? { start: rule.quietStart, end: rule.quietEnd, tz: rule.quietTz } : null;
}

/** Persists, publishes and queues what the detectors found, respecting each rule's quiet hours and channels. */
export class AlertRecorder {
  constructor(
    private readonly tables: AlertTables,
    private readonly webhooks: WebhookService,
    private readonly live: LiveFeed,
    private readonly meta: MetaStore,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Records one run's detections at `now` (ms); rules by id give quiet hours and channels. */
  async record(workspaceId: string, detections: readonly Detection[], rules: ReadonlyMap<string, AlertRule>, now: number): Promise<void> {
    for (const d of detections) {
      try {
        await this.recordOne(workspaceId, d, rules.get(d.rule.id), now);
      } catch (err) {
        this.log.error({ err, workspaceId, key: d.key }, 'recording an alert failed');
      }
    }
  }

  /**
   * Closes stored open alerts that no detector holds open any more (after a restart, or when their rule was deleted
   * or disabled), without announcing them. Resolves to how many were closed.
   */
  async closeOrphans(workspaceId: string, openKeys: ReadonlySet<string>, now: number): Promise<number> {
    let closed = 0;
    const open = await this.tables.sql.all<{ id: string; key: string }>(`SELECT id, detector_key AS key FROM alerts WHERE workspace_id = ? AND status = 'open'`, [workspaceId]);
    for (const row of open) {
      if (openKeys.has(row.key)) continue;
      await this.tables.alerts.update(workspaceId, row.id, { status: 'closed', endedAt: now, updatedAt: now });
      closed++;
    }
    return closed;
  }

  private async recordOne(workspaceId: string, d: Detection, rule: AlertRule | undefined, now: number): Promise<void> {
    const quiet = isQuietAt(quietHoursOf(rule), now);
    const existing = d.alert.status === 'closed' && d.event === 'opened' ? null : await this.findOpen(workspaceId, d.key);
    const a = d.alert;
    const reading = {
      status: a.status, updatedAt: a.updatedAt, endedAt: a.endedAt ?? null, observed: a.observed, expected: a.expected,
      probability: a.probability, minProbability: a.minProbability, windowBuckets: a.window, peak: a.peak, peakAt: a.peakAt,
      seriesStart: a.seriesStart, bucketMs: a.bucketMs, series: [...a.series], baseline: [...a.baseline],
    };
    if (!existing) {
      if (d.event === 'closed') return; // never recorded (e.g. opened before a restart and already forgotten): nothing to close
      const stored = await this.tables.alerts.insert({
        ...reading, id: newId('alr'), workspaceId, ruleId: d.rule.id, detectorKey: d.key, kind: a.kind, scope: d.scope, target: d.target,
        label: await this.labelOf(workspaceId, a.kind === 'community_surge' ? 'community' : d.scope, a.kind === 'community_surge' ? a.subject ?? null : d.target),
        metric: a.metric, subject: a.subject ?? null, startedAt: a.startedAt, suppressed: quiet, notifiedPeak: quiet ? null : a.peak, createdAt: now,
      });
      await this.announce(stored, 'alert.opened', quiet ? null : rule);
      return;
    }
    const growth = existing.notifiedPeak !== null && existing.notifiedPeak > 0 && a.kind !== 'drop' && a.peak >= UPDATE_GROWTH * existing.notifiedPeak;
    const deliver = !existing.suppressed && !quiet && (d.event === 'closed' || growth);
    const stored = await this.tables.alerts.update(workspaceId, existing.id, { ...reading, ...(deliver && d.event !== 'closed' && { notifiedPeak: a.peak }) });
    if (stored) await this.announce(stored, d.event === 'closed' ? 'alert.closed' : 'alert.updated', deliver ? rule : null);
  }

  /** Publishes on the live feed always; queues webhooks only when `rule` is given (not suppressed). */
  private async announce(alert: StoredAlert, event: WebhookEvent, rule: AlertRule | null | undefined): Promise<void> {
    const view = alertView(alert);
    this.live.publish(alert.workspaceId, 'alert', { event, alert: view });
    if (!rule) return;
    const hooks = await this.webhooks.subscribers(alert.workspaceId, event, rule.channels);
    await this.webhooks.enqueue(alert.workspaceId, hooks, event, view);
    this.log.info({ workspaceId: alert.workspaceId, alert: alert.id, event, webhooks: hooks.length }, 'alert announced');
  }

  private async findOpen(workspaceId: string, key: string): Promise<StoredAlert | null> {
    const row = await this.tables.sql.get(`SELECT * FROM alerts WHERE workspace_id = ? AND detector_key = ? AND status = 'open'
      ORDER BY created_at DESC, id DESC LIMIT 1`, [workspaceId, key]);
    return row ? this.tables.alerts.fromRow(row) : null;
  }

  /** A short human name: `the workspace`, `link /launch`, `site shop.example`, `community VIP group`, `platform whatsapp`. */
  private async labelOf(workspaceId: string, scope: RuleScope, target: string | null): Promise<string> {
    if (scope === 'workspace' || target === null) return scope === 'workspace' ? 'the workspace' : `every ${scope}`;
    if (scope === 'link') return `link /${(await this.meta.links.get(workspaceId, target))?.slug ?? target}`;
    if (scope === 'site') return `site ${(await this.meta.sites.get(workspaceId, target))?.domain ?? target}`;
    if (scope === 'community') return `community ${(await this.meta.communities.get(workspaceId, target))?.name ?? target}`;
    return `platform ${target}`;
  }
}
