// PostgreSQL schema migrations of the metadata tables, applied in order (events live in ClickHouse or the node's SQLite file).
// Same tables and columns as the SQLite migrations so one SQL text serves both: milliseconds and counts are BIGINT,
// booleans 0/1 integers, JSON text. Keys compare bytewise (COLLATE "C") as in SQLite, so pagination orders agree.
// community_members.rowid stands in for SQLite's implicit rowid (insertion order of counts taken in one millisecond).

const MIGRATION_0001_CORE = `
  CREATE TABLE workspaces (id TEXT COLLATE "C" PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE users (id TEXT COLLATE "C" PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE memberships (user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    workspace_id TEXT COLLATE "C" NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    role TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (user_id, workspace_id));
  CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE, csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);
  CREATE TABLE setup_tokens (token_hash TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, role TEXT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT);
  CREATE TABLE api_keys (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT COLLATE "C" NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL, prefix TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL, created_at BIGINT NOT NULL,
    last_used_at BIGINT, revoked_at BIGINT);
  CREATE TABLE communities (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, platform TEXT NOT NULL, region TEXT,
    members BIGINT, invite_url TEXT, tags TEXT NOT NULL DEFAULT '[]', created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX communities_ws ON communities(workspace_id, created_at);
  CREATE TABLE community_members (community_id TEXT NOT NULL, ts BIGINT NOT NULL, members BIGINT NOT NULL, rowid BIGSERIAL);
  CREATE INDEX community_members_ts ON community_members(community_id, ts);
  CREATE TABLE ambassadors (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, community_id TEXT, contact TEXT,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX ambassadors_ws ON ambassadors(workspace_id, created_at);
  CREATE TABLE campaigns (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, starts_at BIGINT, ends_at BIGINT, goal TEXT,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX campaigns_ws ON campaigns(workspace_id, created_at);
  CREATE TABLE sites (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, domain TEXT NOT NULL, name TEXT,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX sites_ws ON sites(workspace_id, created_at);
  CREATE TABLE links (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, kind TEXT NOT NULL DEFAULT 'link',
    url TEXT NOT NULL, title TEXT, description TEXT, image TEXT, community_id TEXT, ambassador_id TEXT, campaign_id TEXT,
    tags TEXT NOT NULL DEFAULT '[]', disabled INTEGER NOT NULL DEFAULT 0, max_uses BIGINT, uses BIGINT NOT NULL DEFAULT 0, expires_at BIGINT,
    fallback_url TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX links_ws ON links(workspace_id, created_at);
  CREATE TABLE preview_cache (url TEXT PRIMARY KEY, fetched_at BIGINT NOT NULL, ok INTEGER NOT NULL, title TEXT, description TEXT, image TEXT,
    site_name TEXT, error TEXT);
  CREATE TABLE salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE offers (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, code TEXT NOT NULL, code_key TEXT NOT NULL,
    community_id TEXT, ambassador_id TEXT, campaign_id TEXT, max_uses BIGINT, uses BIGINT NOT NULL DEFAULT 0,
    valid_from BIGINT, valid_to BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (workspace_id, code_key));
  CREATE INDEX offers_ws ON offers(workspace_id, created_at);
  CREATE TABLE conversions (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, order_id TEXT, value DOUBLE PRECISION, currency TEXT,
    promo_code TEXT, token TEXT, method TEXT NOT NULL, offer_id TEXT, link_id TEXT, community_id TEXT, ambassador_id TEXT,
    campaign_id TEXT, root_token TEXT, platform TEXT, channel TEXT NOT NULL, path TEXT NOT NULL DEFAULT '[]',
    recorded INTEGER NOT NULL DEFAULT 0, refunded_at BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
    UNIQUE (workspace_id, order_id));
  CREATE INDEX conversions_ws ON conversions(workspace_id, created_at);
  CREATE TABLE polls (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, question TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]', free_text INTEGER NOT NULL DEFAULT 0, community_id TEXT, link_id TEXT,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX polls_ws ON polls(workspace_id, created_at);
  CREATE TABLE poll_answers (poll_id TEXT NOT NULL, workspace_id TEXT NOT NULL, day TEXT NOT NULL, visitor TEXT NOT NULL,
    option_index BIGINT, text TEXT COLLATE "C", community_id TEXT, ts BIGINT NOT NULL, PRIMARY KEY (poll_id, day, visitor));

  CREATE TABLE alert_rules (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, scope TEXT NOT NULL, target TEXT, metric TEXT NOT NULL,
    kind TEXT NOT NULL, sensitivity TEXT NOT NULL, quiet_start TEXT, quiet_end TEXT, quiet_tz TEXT, channels TEXT NOT NULL DEFAULT '[]',
    enabled INTEGER NOT NULL DEFAULT 1, is_default INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX alert_rules_ws ON alert_rules(workspace_id, created_at);
  CREATE TABLE alert_rule_defaults (workspace_id TEXT PRIMARY KEY, created_at BIGINT NOT NULL);
  CREATE TABLE alerts (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, rule_id TEXT, detector_key TEXT NOT NULL, kind TEXT NOT NULL,
    scope TEXT NOT NULL, target TEXT, label TEXT NOT NULL, metric TEXT NOT NULL, subject TEXT, status TEXT NOT NULL,
    started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, ended_at BIGINT, observed DOUBLE PRECISION NOT NULL, expected DOUBLE PRECISION NOT NULL,
    probability DOUBLE PRECISION, min_probability DOUBLE PRECISION, window_buckets BIGINT NOT NULL, peak DOUBLE PRECISION NOT NULL,
    peak_at BIGINT NOT NULL, series_start BIGINT NOT NULL, bucket_ms BIGINT NOT NULL, series TEXT NOT NULL, baseline TEXT NOT NULL,
    suppressed INTEGER NOT NULL DEFAULT 0, notified_peak DOUBLE PRECISION, created_at BIGINT NOT NULL);
  CREATE INDEX alerts_ws ON alerts(workspace_id, created_at);
  CREATE INDEX alerts_open ON alerts(workspace_id, detector_key) WHERE status = 'open';
  CREATE TABLE webhooks (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL,
    allow_private INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE INDEX webhooks_ws ON webhooks(workspace_id, created_at);
  CREATE TABLE webhook_deliveries (id TEXT COLLATE "C" PRIMARY KEY, workspace_id TEXT NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE, event TEXT NOT NULL, alert_id TEXT, body TEXT NOT NULL,
    status TEXT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0, next_attempt_at BIGINT, claimed_by TEXT, claimed_until BIGINT,
    last_status_code BIGINT, last_latency_ms BIGINT, last_error TEXT, response_excerpt TEXT, attempt_log TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, delivered_at BIGINT);
  CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, created_at);
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
  CREATE TABLE scheduler_lease (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at BIGINT NOT NULL);

  CREATE TABLE rate_limits (key TEXT NOT NULL, window_start BIGINT NOT NULL, hits BIGINT NOT NULL, PRIMARY KEY (key, window_start));
`;

export const POSTGRES_MIGRATIONS: readonly string[] = [MIGRATION_0001_CORE];
