// API views of rules, alerts, webhooks and deliveries: ISO times, reference ids without the `Id` suffix, no secrets.
import type { AlertRule, Delivery, StoredAlert, Webhook } from './alert-types.js';
import { webhookFormatOf } from './webhook-formats.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export type RuleView = ReturnType<typeof ruleView>;
export type AlertView = ReturnType<typeof alertView>;
export type WebhookView = ReturnType<typeof webhookView>;
export type DeliveryView = ReturnType<typeof deliveryView>;

/** A rule as the API shows it; quiet hours as one object or null. */
export function ruleView(r: AlertRule) {
  return {
    id: r.id, scope: r.scope, target: r.target, metric: r.metric, kind: r.kind, sensitivity: r.sensitivity,
    quietHours: r.quietStart && r.quietEnd && r.quietTz ? { start: r.quietStart, end: r.quietEnd, tz: r.quietTz } : null,
    channels: r.channels, enabled: r.enabled, isDefault: r.isDefault, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!,
  };
}

/** An alert with its evidence: the recent per-bucket counts and the baseline's expected count for each. */
export function alertView(a: StoredAlert) {
  return {
    id: a.id, rule: a.ruleId, kind: a.kind, scope: a.scope, target: a.target, label: a.label, metric: a.metric, subject: a.subject,
    status: a.status, startedAt: iso(a.startedAt)!, updatedAt: iso(a.updatedAt)!, endedAt: iso(a.endedAt),
    observed: a.observed, expected: a.expected, probability: a.probability, minProbability: a.minProbability, window: a.windowBuckets,
    peak: a.peak, peakAt: iso(a.peakAt)!, suppressed: a.suppressed,
    evidence: { seriesStart: iso(a.seriesStart)!, bucketMs: a.bucketMs, series: a.series, baseline: a.baseline },
    createdAt: iso(a.createdAt)!,
  };
}

/** A webhook without its secret (shown once, at creation or rotation). */
export function webhookView(w: Webhook) {
  return {
    id: w.id, url: w.url, format: webhookFormatOf(w.url), events: w.events, allowPrivate: w.allowPrivate, enabled: w.enabled,
    createdAt: iso(w.createdAt)!, updatedAt: iso(w.updatedAt)!,
  };
}

/** A delivery with every attempt's status code and latency; not its body. */
export function deliveryView(d: Delivery) {
  return {
    id: d.id, webhook: d.webhookId, event: d.event, alert: d.alertId, status: d.status, attempts: d.attempts,
    nextAttemptAt: iso(d.nextAttemptAt), lastStatusCode: d.lastStatusCode, lastLatencyMs: d.lastLatencyMs, lastError: d.lastError,
    responseExcerpt: d.responseExcerpt,
    attemptLog: d.attemptLog.map((x) => ({ at: iso(x.at)!, statusCode: x.statusCode, latencyMs: x.latencyMs, error: x.error })),
    createdAt: iso(d.createdAt)!, updatedAt: iso(d.updatedAt)!, deliveredAt: iso(d.deliveredAt),
  };
}
