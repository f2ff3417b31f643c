// Request and response schemas of /api/alerts, /api/alerts/rules and /api/webhooks.
import { Type, type TSchema } from 'typebox';
import { RULE_METRICS, RULE_SCOPES, WEBHOOK_EVENTS } from '../../alerts/alert-types.js';
import { ALERT_KINDS, SENSITIVITIES } from '../../alerts/detectors/index.js';
import { Nullable, PageQuery } from './common.js';

/** A string from a closed list, typed as that union (`enum` in the JSON schema). */
const OneOf = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local time' });
const Iso = Type.String({ format: 'date-time' });
const page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const QuietHoursBody = Type.Object({
  start: Time, end: Time, tz: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris' }),
}, { additionalProperties: false, description: 'Alerts are recorded but not delivered in this window; it may wrap midnight' });

export const RuleBody = Type.Object({
  kind: OneOf(ALERT_KINDS),
  scope: Type.Optional(OneOf(RULE_SCOPES)),
  target: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'Link, site or community id, or a platform; absent = every one' }))),
  metric: Type.Optional(OneOf(RULE_METRICS)),
  sensitivity: Type.Optional(OneOf(SENSITIVITIES)),
  quietHours: Type.Optional(Nullable(QuietHoursBody)),
  channels: Type.Optional(Type.Array(Id, { maxItems: 20, description: 'Webhook ids; empty = every webhook' })),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const RulePatch = Type.Partial(RuleBody, { additionalProperties: false });

export const RuleView = Type.Object({
  id: Type.String(), scope: Type.String(), target: Nullable(Type.String()), metric: Type.String(), kind: Type.String(),
  sensitivity: Type.String(), quietHours: Nullable(Type.Object({ start: Type.String(), end: Type.String(), tz: Type.String() })),
  channels: Type.Array(Type.String()), enabled: Type.Boolean(), isDefault: Type.Boolean(), createdAt: Iso, updatedAt: Iso,
});

export const AlertView = Type.Object({
  id: Type.String(), rule: Nullable(Type.String()), kind: Type.String(), scope: Type.String(), target: Nullable(Type.String()),
  label: Type.String(), metric: Type.String(), subject: Nullable(Type.String()), status: OneOf(['open', 'closed'] as const),
  startedAt: Iso, updatedAt: Iso, endedAt: Nullable(Type.String()), observed: Type.Number(), expected: Type.Number(),
  probability: Nullable(Type.Number()), minProbability: Nullable(Type.Number()), window: Type.Integer(), peak: Type.Number(),
  peakAt: Iso, suppressed: Type.Boolean(),
  evidence: Type.Object({
    seriesStart: Iso, bucketMs: Type.Integer(),
    series: Type.Array(Type.Number(), { description: 'Counts per bucket, oldest first' }),
    baseline: Type.Array(Type.Number(), { description: 'Expected count of each bucket' }),
  }),
  createdAt: Iso,
});

export const AlertsQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(OneOf(['open', 'closed'] as const)),
  kind: Type.Optional(OneOf(ALERT_KINDS)),
}, { additionalProperties: false });

export const WebhookBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048 }),
  secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, description: 'Generated when absent; shown only in this answer' })),
  events: Type.Optional(Type.Array(OneOf(WEBHOOK_EVENTS), { minItems: 1, maxItems: WEBHOOK_EVENTS.length })),
  allowPrivate: Type.Optional(Type.Boolean({ description: 'Allow loopback and private targets (workspace owners only)' })),
  enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const WebhookPatch = Type.Object({
  ...Type.Partial(WebhookBody).properties,
  rotateSecret: Type.Optional(Type.Boolean({ description: 'Generate a new secret, shown only in this answer' })),
}, { additionalProperties: false });

const webhookFields = {
  id: Type.String(), url: Type.String(), format: OneOf(['slack', 'discord', 'json'] as const), events: Type.Array(Type.String()),
  allowPrivate: Type.Boolean(), enabled: Type.Boolean(), createdAt: Iso, updatedAt: Iso,
};
export const WebhookView = Type.Object(webhookFields);
export const WebhookWithSecret = Type.Object({ ...webhookFields, secret: Type.Optional(Type.String()) });

export const DeliveryView = Type.Object({
  id: Type.String(), webhook: Type.String(), event: Type.String(), alert: Nullable(Type.String()),
  status: OneOf(['pending', 'succeeded', 'failed'] as const), attempts: Type.Integer(), nextAttemptAt: Nullable(Type.String()),
  lastStatusCode: Nullable(Type.Integer()), lastLatencyMs: Nullable(Type.Integer()), lastError: Nullable(Type.String()),
  responseExcerpt: Nullable(Type.String()),
  attemptLog: Type.Array(Type.Object({ at: Iso, statusCode: Nullable(Type.Integer()), latencyMs: Type.Integer(), error: Nullable(Type.String()) })),
  createdAt: Iso, updatedAt: Iso, deliveredAt: Nullable(Type.String()),
});

export const RulePage = page(RuleView);
export const AlertPage = page(AlertView);
export const WebhookPage = page(WebhookView);
export const DeliveryPage = page(DeliveryView);
