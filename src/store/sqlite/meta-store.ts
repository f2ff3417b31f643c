// MetaStore on the embedded SQLite file: workspaces, users, sessions, keys, links and the resources links point at.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import type {
  Ambassador, ApiKey, Campaign, Community, Link, Membership, PreviewCard, Role, Session, Site, User, Workspace,
} from '../types.js';
import { SqliteCommerceStore } from './commerce-store.js';
import { EntityTable } from './entity-table.js';
import type { SqliteDb } from './open-database.js';

type Row = Record<string, unknown>;

const LINK_COLUMNS = {
  id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], slug: ['slug', 'text'], kind: ['kind', 'text'], url: ['url', 'text'],
  title: ['title', 'text'], description: ['description', 'text'], image: ['image', 'text'], communityId: ['community_id', 'text'],
  ambassadorId: ['ambassador_id', 'text'], campaignId: ['campaign_id', 'text'], tags: ['tags', 'json'], disabled: ['disabled', 'bool'],
  maxUses: ['max_uses', 'int'], uses: ['uses', 'int'], expiresAt: ['expires_at', 'int'], fallbackUrl: ['fallback_url', 'text'],
  createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
} as const;

function apiKeyFromRow(r: Row): ApiKey {
  return {
    id: String(r.id), workspaceId: String(r.workspace_id), name: String(r.name), prefix: String(r.prefix), hash: String(r.hash),
    scopes: JSON.parse(String(r.scopes)) as string[], createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at), revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

function workspaceFromRow(r: Row): Workspace {
  return { id: String(r.id), slug: String(r.slug), name: String(r.name), createdAt: Number(r.created_at) };
}

/** The SQLite MetaStore. Methods are async so that every backend shares one interface. */
export class SqliteMetaStore {
  readonly links: EntityTable<Link>;
  readonly communities: EntityTable<Community>;
  readonly ambassadors: EntityTable<Ambassador>;
  readonly campaigns: EntityTable<Campaign>;
  readonly sites: EntityTable<Site>;
  /** Offers, conversions, polls and member counts. */
  readonly commerce: SqliteCommerceStore;

  constructor(readonly db: SqliteDb) {
    this.commerce = new SqliteCommerceStore(db);
    this.links = new EntityTable<Link>(db, 'links', LINK_COLUMNS);
    this.communities = new EntityTable<Community>(db, 'communities', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], name: ['name', 'text'], platform: ['platform', 'text'],
      region: ['region', 'text'], members: ['members', 'int'], inviteUrl: ['invite_url', 'text'], tags: ['tags', 'json'],
      createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
    this.ambassadors = new EntityTable<Ambassador>(db, 'ambassadors', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], name: ['name', 'text'], communityId: ['community_id', 'text'],
      contact: ['contact', 'text'], createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
    this.campaigns = new EntityTable<Campaign>(db, 'campaigns', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], name: ['name', 'text'], startsAt: ['starts_at', 'int'],
      endsAt: ['ends_at', 'int'], goal: ['goal', 'text'], createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
    this.sites = new EntityTable<Site>(db, 'sites', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], domain: ['domain', 'text'], name: ['name', 'text'],
      createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  // Workspaces and users

  async createWorkspace(ws: Workspace): Promise<Workspace> {
    try {
      this.db.prepare('INSERT INTO workspaces (id, slug, name, created_at) VALUES (?, ?, ?, ?)').run(ws.id, ws.slug, ws.name, ws.createdAt);
    } catch (err) {
      if (String(err).includes('UNIQUE')) throw new AppError('conflict', `workspace ${JSON.stringify(ws.slug)} already exists`, { details: { slug: ws.slug } });
      throw err;
    }
    return ws;
  }

  async getWorkspaceBySlug(slug: string): Promise<Workspace | null> {
    const row = this.db.prepare('SELECT * FROM workspaces WHERE slug = ?').get(slug) as Row | undefined;
    return row ? workspaceFromRow(row) : null;
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const row = this.db.prepare('SELECT * FROM workspaces WHERE id = ?').get(id) as Row | undefined;
    return row ? workspaceFromRow(row) : null;
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async createUser(user: User): Promise<User> {
    try {
      this.db.prepare('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)').run(user.id, user.email, user.passwordHash, user.createdAt);
    } catch (err) {
      if (String(err).includes('UNIQUE')) throw new AppError('conflict', `a user with email ${JSON.stringify(user.email)} already exists`, { details: { email: user.email } });
      throw err;
    }
    return user;
  }

  async getUserByEmail(email: string): Promise<User | null> {
    const r = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as Row | undefined;
    return r ? { id: String(r.id), email: String(r.email), passwordHash: String(r.password_hash), createdAt: Number(r.created_at) } : null;
  }

  async getUser(id: string): Promise<User | null> {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
    return r ? { id: String(r.id), email: String(r.email), passwordHash: String(r.password_hash), createdAt: Number(r.created_at) } : null;
  }

  async setMembership(m: Membership, now: number): Promise<void> {
    this.db.prepare('INSERT INTO memberships (user_id, workspace_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(user_id, workspace_id) DO UPDATE SET role = excluded.role')
      .run(m.userId, m.workspaceId, m.role, now);
  }

  async listMemberships(userId: string): Promise<(Membership & { workspace: Workspace })[]> {
    const rows = this.db.prepare('SELECT m.role, w.* FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ? ORDER BY w.created_at').all(userId) as Row[];
    return rows.map((r) => ({ userId, workspaceId: String(r.id), role: r.role as Role, workspace: workspaceFromRow(r) }));
  }

  async listMembers(workspaceId: string): Promise<{ userId: string; email: string; role: Role; createdAt: number }[]> {
    const rows = this.db.prepare('SELECT u.id, u.email, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY m.created_at').all(workspaceId) as Row[];
    return rows.map((r) => ({ userId: String(r.id), email: String(r.email), role: r.role as Role, createdAt: Number(r.created_at) }));
  }

  async deleteMembership(workspaceId: string, userId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId).changes > 0;
  }

  // Sessions and one-time setup tokens

  async createSession(s: Session): Promise<void> {
    this.db.prepare('INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.idHash, s.userId, s.csrf, s.createdAt, s.expiresAt);
  }

  async getSession(idHash: string, now: number): Promise<Session | null> {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?').get(idHash, now) as Row | undefined;
    return r ? { idHash, userId: String(r.user_id), csrf: String(r.csrf), createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) } : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async createSetupToken(tokenHash: string, workspaceId: string, role: Role, expiresAt: number): Promise<void> {
    this.db.prepare('INSERT INTO setup_tokens (token_hash, workspace_id, role, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash, workspaceId, role, expiresAt);
  }

  /** Marks a setup token used; returns its workspace and role only if it was valid and unused. */
  async useSetupToken(tokenHash: string, now: number): Promise<{ workspaceId: string; role: Role } | null> {
    const r = this.db.prepare('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING workspace_id, role')
      .get(now, tokenHash, now) as Row | undefined;
    return r ? { workspaceId: String(r.workspace_id), role: r.role as Role } : null;
  }

  // API keys

  async createApiKey(key: ApiKey): Promise<ApiKey> {
    this.db.prepare('INSERT INTO api_keys (id, workspace_id, name, prefix, hash, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(key.id, key.workspaceId, key.name, key.prefix, key.hash, JSON.stringify(key.scopes), key.createdAt);
    return key;
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    const r = this.db.prepare('SELECT * FROM api_keys WHERE hash = ?').get(hash) as Row | undefined;
    return r ? apiKeyFromRow(r) : null;
  }

  async listApiKeys(workspaceId: string): Promise<ApiKey[]> {
    return (this.db.prepare('SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY created_at DESC').all(workspaceId) as Row[]).map(apiKeyFromRow);
  }

  async revokeApiKey(workspaceId: string, id: string, now: number): Promise<ApiKey | null> {
    this.db.prepare('UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE workspace_id = ? AND id = ?').run(now, workspaceId, id);
    const r = this.db.prepare('SELECT * FROM api_keys WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as Row | undefined;
    return r ? apiKeyFromRow(r) : null;
  }

  async touchApiKey(id: string, now: number): Promise<void> {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, id);
  }

  // Links

  async createLink(link: Link): Promise<Link> {
    try {
      return this.links.insert(link);
    } catch (err) {
      if (String(err).includes('UNIQUE')) throw new AppError('slug_taken', `slug ${JSON.stringify(link.slug)} is already taken`, { details: { slug: link.slug } });
      throw err;
    }
  }

  async getLinkBySlug(slug: string): Promise<Link | null> {
    const row = this.db.prepare('SELECT * FROM links WHERE slug = ?').get(slug) as Row | undefined;
    return row ? this.links.fromRow(row) : null;
  }

  /** Takes one use of a limited link atomically; false when none is left. */
  async consumeLinkUse(linkId: string): Promise<boolean> {
    return this.db.prepare('UPDATE links SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)').run(linkId).changes === 1;
  }

  /** A site by id alone: the public collector knows no workspace yet. */
  async getSiteById(id: string): Promise<Site | null> {
    const row = this.db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as Row | undefined;
    return row ? this.sites.fromRow(row) : null;
  }

  // Preview cards, salts, settings

  async getPreviewCard(url: string): Promise<PreviewCard | null> {
    const r = this.db.prepare('SELECT * FROM preview_cache WHERE url = ?').get(url) as Row | undefined;
    if (!r) return null;
    return {
      url, fetchedAt: Number(r.fetched_at), ok: r.ok === 1, title: (r.title as string) ?? null, description: (r.description as string) ?? null,
      image: (r.image as string) ?? null, siteName: (r.site_name as string) ?? null, error: (r.error as string) ?? null,
    };
  }

  async putPreviewCard(card: PreviewCard): Promise<void> {
    this.db.prepare(`INSERT INTO preview_cache (url, fetched_at, ok, title, description, image, site_name, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at, ok = excluded.ok, title = excluded.title, description = excluded.description,
      image = excluded.image, site_name = excluded.site_name, error = excluded.error`)
      .run(card.url, card.fetchedAt, card.ok ? 1 : 0, card.title, card.description, card.image, card.siteName, card.error);
  }

  /** The salt of `day` (YYYY-MM-DD, UTC), created on first use; salts of other days are deleted. */
  async getDailySalt(day: string): Promise<string> {
    const found = this.db.prepare('SELECT salt FROM salts WHERE day = ?').get(day) as { salt: string } | undefined;
    if (found) return found.salt;
    const salt = randomBytes(32).toString('base64url');
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO salts (day, salt) VALUES (?, ?)').run(day, salt);
      this.db.prepare('DELETE FROM salts WHERE day <> ?').run(day);
    })();
    return (this.db.prepare('SELECT salt FROM salts WHERE day = ?').get(day) as { salt: string }).salt;
  }

  async getSetting(key: string): Promise<string | null> {
    const r = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
