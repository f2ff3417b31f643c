// Migration 3: alert rules, alerts, webhooks and their deliveries, and the scheduler's lease.
export const MIGRATION_0003_ALERTS = `
  CREATE TABLE alert_rules (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, scope TEXT NOT NULL, target TEXT, metric TEXT NOT NULL,
    kind TEXT NOT NULL, sensitivity TEXT NOT NULL, quiet_start TEXT, quiet_end TEXT, quiet_tz TEXT, channels TEXT NOT NULL DEFAULT '[]',
    enabled INTEGER NOT NULL DEFAULT 1, is_default INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX alert_rules_ws ON alert_rules(workspace_id, created_at);
  CREATE TABLE alert_rule_defaults (workspace_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL);

  CREATE TABLE alerts (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, rule_id TEXT, detector_key TEXT NOT NULL, kind TEXT NOT NULL,
    scope TEXT NOT NULL, target TEXT, label TEXT NOT NULL, metric TEXT NOT NULL, subject TEXT, status TEXT NOT NULL,
    started_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, ended_at INTEGER, observed REAL NOT NULL, expected REAL NOT NULL,
    probability REAL, min_probability REAL, window_buckets INTEGER NOT NULL, peak REAL NOT NULL, peak_at INTEGER NOT NULL,
    series_start INTEGER NOT NULL, bucket_ms INTEGER NOT NULL, series TEXT NOT NULL, baseline TEXT NOT NULL,
    suppressed INTEGER NOT NULL DEFAULT 0, notified_peak REAL, created_at INTEGER NOT NULL);
  CREATE INDEX alerts_ws ON alerts(workspace_id, created_at);
  CREATE INDEX alerts_open ON alerts(workspace_id, detector_key) WHERE status = 'open';

  CREATE TABLE webhooks (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL,
    allow_private INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX webhooks_ws ON webhooks(workspace_id, created_at);
  CREATE TABLE webhook_deliveries (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE, event TEXT NOT NULL, alert_id TEXT, body TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER, claimed_by TEXT, claimed_until INTEGER,
    last_status_code INTEGER, last_latency_ms INTEGER, last_error TEXT, response_excerpt TEXT, attempt_log TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, delivered_at INTEGER);
  CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, created_at);
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';

  CREATE TABLE scheduler_lease (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
`;
