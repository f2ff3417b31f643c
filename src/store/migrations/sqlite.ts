// SQLite schema migrations, applied in order; the applied version is kept in PRAGMA user_version.
import { MIGRATION_0002_COMMUNITY_COMMERCE } from './sqlite-0002-community-commerce.js';
import { MIGRATION_0003_ALERTS } from './sqlite-0003-alerts.js';
import { MIGRATION_0004_EVENT_ROLLUPS } from './sqlite-0004-event-rollups.js';

const MIGRATION_0001_CORE = `
  CREATE TABLE workspaces (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE memberships (user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    role TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (user_id, workspace_id));
  CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
  CREATE TABLE setup_tokens (token_hash TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, role TEXT NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER);
  CREATE TABLE api_keys (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE, name TEXT NOT NULL,
    prefix TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL, created_at INTEGER NOT NULL, last_used_at INTEGER, revoked_at INTEGER);
  CREATE TABLE communities (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, platform TEXT NOT NULL, region TEXT,
    members INTEGER, invite_url TEXT, tags TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX communities_ws ON communities(workspace_id, created_at);
  CREATE TABLE community_members (community_id TEXT NOT NULL, ts INTEGER NOT NULL, members INTEGER NOT NULL);
  CREATE TABLE ambassadors (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, community_id TEXT, contact TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX ambassadors_ws ON ambassadors(workspace_id, created_at);
  CREATE TABLE campaigns (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, starts_at INTEGER, ends_at INTEGER, goal TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX campaigns_ws ON campaigns(workspace_id, created_at);
  CREATE TABLE sites (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, domain TEXT NOT NULL, name TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX sites_ws ON sites(workspace_id, created_at);
  CREATE TABLE links (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, kind TEXT NOT NULL DEFAULT 'link', url TEXT NOT NULL,
    title TEXT, description TEXT, image TEXT, community_id TEXT, ambassador_id TEXT, campaign_id TEXT, tags TEXT NOT NULL DEFAULT '[]',
    disabled INTEGER NOT NULL DEFAULT 0, max_uses INTEGER, uses INTEGER NOT NULL DEFAULT 0, expires_at INTEGER, fallback_url TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX links_ws ON links(workspace_id, created_at);
  CREATE TABLE preview_cache (url TEXT PRIMARY KEY, fetched_at INTEGER NOT NULL, ok INTEGER NOT NULL, title TEXT, description TEXT, image TEXT, site_name TEXT, error TEXT);
  CREATE TABLE salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE events (ts INTEGER NOT NULL, workspace_id TEXT NOT NULL, type TEXT NOT NULL, link_id TEXT, site_id TEXT,
    community_id TEXT, ambassador_id TEXT, campaign_id TEXT, platform TEXT NOT NULL, channel TEXT NOT NULL, token TEXT, parent TEXT,
    visitor TEXT, country TEXT, device TEXT, browser TEXT, os TEXT, in_app TEXT, referrer_host TEXT, path TEXT,
    value REAL, currency TEXT, data TEXT, id TEXT NOT NULL);
  CREATE INDEX events_ws_ts ON events(workspace_id, ts);
  CREATE TABLE ingest_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), segment INTEGER NOT NULL, offset INTEGER NOT NULL, loaded INTEGER NOT NULL);
  CREATE TABLE dropped_events (reason TEXT PRIMARY KEY, count INTEGER NOT NULL);
`;

export const SQLITE_MIGRATIONS: readonly string[] = [MIGRATION_0001_CORE, MIGRATION_0002_COMMUNITY_COMMERCE, MIGRATION_0003_ALERTS, MIGRATION_0004_EVENT_ROLLUPS];
