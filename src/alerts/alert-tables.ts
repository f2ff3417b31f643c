// The workspace-scoped tables of alerting (rules, alerts, webhooks, deliveries) over the metadata database (SQLite or PostgreSQL).
import { EntityTable } from '../store/sql/entity-table.js';
import type { SqlClient } from '../store/sql/sql-client.js';
import type { AlertRule, Delivery, StoredAlert, Webhook } from './alert-types.js';

/** The four tables, each keyed by id within a workspace. */
export interface AlertTables {
  sql: SqlClient;
  rules: EntityTable<AlertRule>;
  alerts: EntityTable<StoredAlert>;
  webhooks: EntityTable<Webhook>;
  deliveries: EntityTable<Delivery>;
}

/** Binds the alert tables (SQLite migration 3, the PostgreSQL schema) to `sql`. */
export function openAlertTables(sql: SqlClient): AlertTables {
  return {
    sql,
    rules: new EntityTable<AlertRule>(sql, 'alert_rules', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], scope: ['scope', 'text'], target: ['target', 'text'],
      metric: ['metric', 'text'], kind: ['kind', 'text'], sensitivity: ['sensitivity', 'text'], quietStart: ['quiet_start', 'text'],
      quietEnd: ['quiet_end', 'text'], quietTz: ['quiet_tz', 'text'], channels: ['channels', 'json'], enabled: ['enabled', 'bool'],
      isDefault: ['is_default', 'bool'], createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    }),
    alerts: new EntityTable<StoredAlert>(sql, 'alerts', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], ruleId: ['rule_id', 'text'], detectorKey: ['detector_key', 'text'],
      kind: ['kind', 'text'], scope: ['scope', 'text'], target: ['target', 'text'], label: ['label', 'text'], metric: ['metric', 'text'],
      subject: ['subject', 'text'], status: ['status', 'text'], startedAt: ['started_at', 'int'], updatedAt: ['updated_at', 'int'],
      endedAt: ['ended_at', 'int'], observed: ['observed', 'real'], expected: ['expected', 'real'], probability: ['probability', 'real'],
      minProbability: ['min_probability', 'real'], windowBuckets: ['window_buckets', 'int'], peak: ['peak', 'real'], peakAt: ['peak_at', 'int'],
      seriesStart: ['series_start', 'int'], bucketMs: ['bucket_ms', 'int'], series: ['series', 'json'], baseline: ['baseline', 'json'],
      suppressed: ['suppressed', 'bool'], notifiedPeak: ['notified_peak', 'real'], createdAt: ['created_at', 'int'],
    }),
    webhooks: new EntityTable<Webhook>(sql, 'webhooks', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], url: ['url', 'text'], secret: ['secret', 'text'], events: ['events', 'json'],
      allowPrivate: ['allow_private', 'bool'], enabled: ['enabled', 'bool'], createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    }),
    deliveries: new EntityTable<Delivery>(sql, 'webhook_deliveries', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], webhookId: ['webhook_id', 'text'], event: ['event', 'text'],
      alertId: ['alert_id', 'text'], body: ['body', 'text'], status: ['status', 'text'], attempts: ['attempts', 'int'],
      nextAttemptAt: ['next_attempt_at', 'int'], claimedBy: ['claimed_by', 'text'], claimedUntil: ['claimed_until', 'int'],
      lastStatusCode: ['last_status_code', 'int'], lastLatencyMs: ['last_latency_ms', 'int'], lastError: ['last_error', 'text'],
      responseExcerpt: ['response_excerpt', 'text'], attemptLog: ['attempt_log', 'json'], createdAt: ['created_at', 'int'],
      updatedAt: ['updated_at', 'int'], deliveredAt: ['delivered_at', 'int'],
    }),
  };
}
