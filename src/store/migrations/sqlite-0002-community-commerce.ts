// Migration 2: offers (promo codes), conversions and polls.
// code_key is the normalised promo code (NFKC, trimmed, upper-case): the unique key that makes codes case-insensitive.
// events_token serves the share-token → cascade-root walk of conversion attribution (one indexed lookup per
// generation); it is partial so rows without a token (bots, conversions without one) cost the loader nothing.
export const MIGRATION_0002_COMMUNITY_COMMERCE = `
  CREATE TABLE offers (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, code TEXT NOT NULL, code_key TEXT NOT NULL,
    community_id TEXT, ambassador_id TEXT, campaign_id TEXT, max_uses INTEGER, uses INTEGER NOT NULL DEFAULT 0,
    valid_from INTEGER, valid_to INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    UNIQUE (workspace_id, code_key));
  CREATE INDEX offers_ws ON offers(workspace_id, created_at);

  CREATE TABLE conversions (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, order_id TEXT, value REAL, currency TEXT,
    promo_code TEXT, token TEXT, method TEXT NOT NULL, offer_id TEXT, link_id TEXT, community_id TEXT, ambassador_id TEXT,
    campaign_id TEXT, root_token TEXT, platform TEXT, channel TEXT NOT NULL, path TEXT NOT NULL DEFAULT '[]',
    recorded INTEGER NOT NULL DEFAULT 0, refunded_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    UNIQUE (workspace_id, order_id));
  CREATE INDEX conversions_ws ON conversions(workspace_id, created_at);

  CREATE TABLE polls (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, question TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]', free_text INTEGER NOT NULL DEFAULT 0, community_id TEXT, link_id TEXT,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  CREATE INDEX polls_ws ON polls(workspace_id, created_at);

  CREATE TABLE poll_answers (poll_id TEXT NOT NULL, workspace_id TEXT NOT NULL, day TEXT NOT NULL, visitor TEXT NOT NULL,
    option_index INTEGER, text TEXT, community_id TEXT, ts INTEGER NOT NULL,
    PRIMARY KEY (poll_id, day, visitor));

  CREATE INDEX community_members_ts ON community_members(community_id, ts);
  CREATE INDEX events_token ON events(workspace_id, token) WHERE token IS NOT NULL;
`;
