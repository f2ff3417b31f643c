// Stored shapes of alert rules, alerts, webhooks and deliveries, and their closed vocabularies.
import type { AlertKind, Sensitivity } from './detectors/index.js';

export const RULE_SCOPES = ['workspace', 'link', 'site', 'community', 'platform'] as const;
/** What a rule watches: the whole workspace, or each (or one) link, site, community or platform. */
export type RuleScope = (typeof RULE_SCOPES)[number];

export const RULE_METRICS = ['shares', 'visits', 'ratio'] as const;
/** shares = preview + share events; visits = click + pageview; ratio = shares / (shares + visits). */
export type RuleMetric = (typeof RULE_METRICS)[number];

export const WEBHOOK_EVENTS = ['alert.opened', 'alert.updated', 'alert.closed', 'test'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Events a webhook receives when it names none: updates are opt-in (they can come every few minutes). */
export const DEFAULT_WEBHOOK_EVENTS: readonly WebhookEvent[] = ['alert.opened', 'alert.closed', 'test'];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Local-time window (HH:MM, in `tz`) during which alerts are recorded but not delivered; may wrap midnight. */
export interface QuietHours { start: string; end: string; tz: string }

export interface AlertRule {
  id: string; workspaceId: string; scope: RuleScope;
  /** Link, site or community id, or platform name; null = every one of the scope (or the workspace itself). */
  target: string | null;
  metric: RuleMetric; kind: AlertKind; sensitivity: Sensitivity;
  quietStart: string | null; quietEnd: string | null; quietTz: string | null;
  /** Webhook ids; empty = every webhook of the workspace. */
  channels: string[];
  enabled: boolean; isDefault: boolean; createdAt: number; updatedAt: number;
}

/** One alert as stored: the detector's reading plus where it came from. Times in ms. */
export interface StoredAlert {
  id: string; workspaceId: string; ruleId: string | null;
  /** Rule + watched series (+ subject): the one open alert of that key is updated rather than duplicated. */
  detectorKey: string;
  kind: AlertKind; scope: RuleScope; target: string | null;
  /** Human name of what is watched, e.g. `link launch`. */
  label: string;
  metric: string; subject: string | null; status: 'open' | 'closed';
  startedAt: number; updatedAt: number; endedAt: number | null;
  observed: number; expected: number; probability: number | null; minProbability: number | null;
  windowBuckets: number; peak: number; peakAt: number;
  seriesStart: number; bucketMs: number; series: number[]; baseline: number[];
  /** Recorded during the rule's quiet hours: not delivered. */
  suppressed: boolean;
  /** Peak last announced to webhooks (for throttled `alert.updated`). */
  notifiedPeak: number | null;
  createdAt: number;
}

export interface Webhook {
  id: string; workspaceId: string; url: string;
  /** The signing secret, sealed with the server secret (see sign-payload.ts). */
  secret: string;
  events: WebhookEvent[]; allowPrivate: boolean; enabled: boolean; createdAt: number; updatedAt: number;
}

/** One attempt of a delivery, as kept in its log. */
export interface DeliveryAttempt { at: number; statusCode: number | null; latencyMs: number; error: string | null }

export interface Delivery {
  id: string; workspaceId: string; webhookId: string; event: WebhookEvent; alertId: string | null;
  /** The exact bytes sent (and signed) on every attempt. */
  body: string;
  status: DeliveryStatus; attempts: number; nextAttemptAt: number | null;
  claimedBy: string | null; claimedUntil: number | null;
  lastStatusCode: number | null; lastLatencyMs: number | null; lastError: string | null;
  /** First 1 KB of the last response body. */
  responseExcerpt: string | null;
  attemptLog: DeliveryAttempt[];
  createdAt: number; updatedAt: number; deliveredAt: number | null;
}
