// The MetaStore, written once over SqlClient for SQLite and PostgreSQL: workspaces, users, sessions, keys, links and the resources links point at.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';
import type {
  Ambassador, ApiKey, Campaign, Community, Link, Membership, PreviewCard, Role, Session, Site, User, Workspace,
} from '../types.js';
import { MetaChanges } from '../meta-changes.js';
import { SqlCommerceStore } from './commerce-store.js';
import { EntityTable } from './entity-table.js';
import { isUniqueViolation, type Row, type SqlClient } from './sql-client.js';

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

function userFromRow(r: Row): User {
  return { id: String(r.id), email: String(r.email), passwordHash: String(r.password_hash), createdAt: Number(r.created_at) };
}

function workspaceFromRow(r: Row): Workspace {
  return { id: String(r.id), slug: String(r.slug), name: String(r.name), createdAt: Number(r.created_at) };
}

/** Metadata on any SqlClient: the same SQL runs on SQLite and PostgreSQL. */
export class SqlMetaStore {
  readonly links: EntityTable<Link>;
  readonly communities: EntityTable<Community>;
  readonly ambassadors: EntityTable<Ambassador>;
  readonly campaigns: EntityTable<Campaign>;
  readonly sites: EntityTable<Site>;
  /** Offers, conversions, polls and member counts. */
  readonly commerce: SqlCommerceStore;

  constructor(readonly sql: SqlClient, readonly changes: MetaChanges = new MetaChanges(null)) {
    this.commerce = new SqlCommerceStore(sql);
    this.links = new EntityTable<Link>(sql, 'links', LINK_COLUMNS);
    this.communities = new EntityTable<Community>(sql, 'communities', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], name: ['name', 'text'], platform: ['platform', 'text'],
      region: ['region', 'text'], members: ['members', 'int'], inviteUrl: ['invite_url', 'text'], tags: ['tags', 'json'],
      createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
    this.ambassadors = new EntityTable<Ambassador>(sql, 'ambassadors', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], name: ['name', 'text'], communityId: ['community_id', 'text'],
      contact: ['contact', 'text'], createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
    this.campaigns = new EntityTable<Campaign>(sql, 'campaigns', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], name: ['name', 'text'], startsAt: ['starts_at', 'int'],
      endsAt: ['ends_at', 'int'], goal: ['goal', 'text'], createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
    this.sites = new EntityTable<Site>(sql, 'sites', {
      id: ['id', 'text'], workspaceId: ['workspace_id', 'text'], domain: ['domain', 'text'], name: ['name', 'text'],
      createdAt: ['created_at', 'int'], updatedAt: ['updated_at', 'int'],
    });
  }

  async ping(): Promise<void> {
    await this.sql.get('SELECT 1 AS one');
  }

  // Workspaces and users

  async createWorkspace(ws: Workspace): Promise<Workspace> {
    try {
      await this.sql.run('INSERT INTO workspaces (id, slug, name, created_at) VALUES (?, ?, ?, ?)', [ws.id, ws.slug, ws.name, ws.createdAt]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', `workspace ${JSON.stringify(ws.slug)} already exists`, { details: { slug: ws.slug } });
      throw err;
    }
    return ws;
  }

  async getWorkspaceBySlug(slug: string): Promise<Workspace | null> {
    const row = await this.sql.get('SELECT * FROM workspaces WHERE slug = ?', [slug]);
    return row ? workspaceFromRow(row) : null;
  }

  async getWorkspace(id: string): Promise<Workspace | null> {
    const row = await this.sql.get('SELECT * FROM workspaces WHERE id = ?', [id]);
    return row ? workspaceFromRow(row) : null;
  }

  async listWorkspaceIds(): Promise<string[]> {
    return (await this.sql.all<{ id: string }>('SELECT id FROM workspaces ORDER BY created_at, id')).map((r) => r.id);
  }

  async countUsers(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
  }

  async createUser(user: User): Promise<User> {
    try {
      await this.sql.run('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)', [user.id, user.email, user.passwordHash, user.createdAt]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', `a user with email ${JSON.stringify(user.email)} already exists`, { details: { email: user.email } });
      throw err;
    }
    return user;
  }

  async getUserByEmail(email: string): Promise<User | null> {
    const r = await this.sql.get('SELECT * FROM users WHERE email = ?', [email]);
    return r ? userFromRow(r) : null;
  }

  async getUser(id: string): Promise<User | null> {
    const r = await this.sql.get('SELECT * FROM users WHERE id = ?', [id]);
    return r ? userFromRow(r) : null;
  }

  async setMembership(m: Membership, now: number): Promise<void> {
    await this.sql.run(`INSERT INTO memberships (user_id, workspace_id, role, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role`, [m.userId, m.workspaceId, m.role, now]);
  }

  async listMemberships(userId: string): Promise<(Membership & { workspace: Workspace })[]> {
    const rows = await this.sql.all('SELECT m.role, w.* FROM memberships m JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ? ORDER BY w.created_at, w.id', [userId]);
    return rows.map((r) => ({ userId, workspaceId: String(r.id), role: r.role as Role, workspace: workspaceFromRow(r) }));
  }

  async listMembers(workspaceId: string): Promise<{ userId: string; email: string; role: Role; createdAt: number }[]> {
    const rows = await this.sql.all(`SELECT u.id, u.email, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = ? ORDER BY m.created_at, u.id`, [workspaceId]);
    return rows.map((r) => ({ userId: String(r.id), email: String(r.email), role: r.role as Role, createdAt: Number(r.created_at) }));
  }

  async deleteMembership(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?', [workspaceId, userId])) > 0;
  }

  // Sessions and one-time setup tokens

  async createSession(s: Session): Promise<void> {
    await this.sql.run('INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [s.idHash, s.userId, s.csrf, s.createdAt, s.expiresAt]);
  }

  async getSession(idHash: string, now: number): Promise<Session | null> {
    const r = await this.sql.get('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?', [idHash, now]);
    return r ? { idHash, userId: String(r.user_id), csrf: String(r.csrf), createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) } : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
  }

  async createSetupToken(tokenHash: string, workspaceId: string, role: Role, expiresAt: number): Promise<void> {
    await this.sql.run('INSERT INTO setup_tokens (token_hash, workspace_id, role, expires_at) VALUES (?, ?, ?, ?)', [tokenHash, workspaceId, role, expiresAt]);
  }

  /** Marks a setup token used; returns its workspace and role only if it was valid and unused. */
  async useSetupToken(tokenHash: string, now: number): Promise<{ workspaceId: string; role: Role } | null> {
    const r = await this.sql.get('UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING workspace_id, role',
      [now, tokenHash, now]);
    return r ? { workspaceId: String(r.workspace_id), role: r.role as Role } : null;
  }

  // API keys

  async createApiKey(key: ApiKey): Promise<ApiKey> {
    await this.sql.run('INSERT INTO api_keys (id, workspace_id, name, prefix, hash, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [key.id, key.workspaceId, key.name, key.prefix, key.hash, JSON.stringify(key.scopes), key.createdAt]);
    return key;
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    const r = await this.sql.get('SELECT * FROM api_keys WHERE hash = ?', [hash]);
    return r ? apiKeyFromRow(r) : null;
  }

  async listApiKeys(workspaceId: string): Promise<ApiKey[]> {
    return (await this.sql.all('SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY created_at DESC, id DESC', [workspaceId])).map(apiKeyFromRow);
  }

  async revokeApiKey(workspaceId: string, id: string, now: number): Promise<ApiKey | null> {
    await this.sql.run('UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE workspace_id = ? AND id = ?', [now, workspaceId, id]);
    const r = await this.sql.get('SELECT * FROM api_keys WHERE workspace_id = ? AND id = ?', [workspaceId, id]);
    return r ? apiKeyFromRow(r) : null;
  }

  async touchApiKey(id: string, now: number): Promise<void> {
    await this.sql.run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', [now, id]);
  }

  // Links

  async createLink(link: Link): Promise<Link> {
    try {
      return await this.links.insert(link);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('slug_taken', `slug ${JSON.stringify(link.slug)} is already taken`, { details: { slug: link.slug } });
      throw err;
    }
  }

  async getLinkBySlug(slug: string): Promise<Link | null> {
    const row = await this.sql.get('SELECT * FROM links WHERE slug = ?', [slug]);
    return row ? this.links.fromRow(row) : null;
  }

  /** Takes one use of a limited link atomically; false when none is left. */
  async consumeLinkUse(linkId: string): Promise<boolean> {
    return (await this.sql.run('UPDATE links SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)', [linkId])) === 1;
  }

  /** A site by id alone: the public collector knows no workspace yet. */
  async getSiteById(id: string): Promise<Site | null> {
    const row = await this.sql.get('SELECT * FROM sites WHERE id = ?', [id]);
    return row ? this.sites.fromRow(row) : null;
  }

  /** How many rows of a workspace-scoped table belong to the workspace. */
  async countInWorkspace(table: 'links' | 'communities' | 'sites' | 'ambassadors' | 'campaigns', workspaceId: string): Promise<number> {
    return (await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ?`, [workspaceId]))!.n;
  }

  // Preview cards, salts, settings

  async getPreviewCard(url: string): Promise<PreviewCard | null> {
    const r = await this.sql.get('SELECT * FROM preview_cache WHERE url = ?', [url]);
    if (!r) return null;
    return {
      url, fetchedAt: Number(r.fetched_at), ok: r.ok === 1, title: (r.title as string) ?? null, description: (r.description as string) ?? null,
      image: (r.image as string) ?? null, siteName: (r.site_name as string) ?? null, error: (r.error as string) ?? null,
    };
  }

  async putPreviewCard(card: PreviewCard): Promise<void> {
    await this.sql.run(`INSERT INTO preview_cache (url, fetched_at, ok, title, description, image, site_name, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET fetched_at = excluded.fetched_at, ok = excluded.ok, title = excluded.title, description = excluded.description,
      image = excluded.image, site_name = excluded.site_name, error = excluded.error`,
    [card.url, card.fetchedAt, card.ok ? 1 : 0, card.title, card.description, card.image, card.siteName, card.error]);
  }

  /** The salt of `day` (YYYY-MM-DD, UTC), created on first use by whichever node asks first; salts of other days are deleted. */
  async getDailySalt(day: string): Promise<string> {
    const found = await this.sql.get<{ salt: string }>('SELECT salt FROM salts WHERE day = ?', [day]);
    if (found) return found.salt;
    const salt = randomBytes(32).toString('base64url');
    return this.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING', [day, salt]);
      await tx.run('DELETE FROM salts WHERE day <> ?', [day]);
      return (await tx.get<{ salt: string }>('SELECT salt FROM salts WHERE day = ?', [day]))!.salt;
    });
  }

  async getSetting(key: string): Promise<string | null> {
    const r = await this.sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
    return r?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    await this.sql.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }
}
