// The store interfaces every backend implements: metadata (workspaces, keys, links, …) and events.
import type { Channel, EventType, Platform } from '../vocabulary.js';

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

export interface Workspace { id: string; slug: string; name: string; createdAt: number }
export interface User { id: string; email: string; passwordHash: string; createdAt: number }
export interface Membership { userId: string; workspaceId: string; role: Role }
export interface Session { idHash: string; userId: string; csrf: string; createdAt: number; expiresAt: number }

export interface ApiKey {
  id: string; workspaceId: string; name: string; prefix: string; hash: string; scopes: string[];
  createdAt: number; lastUsedAt: number | null; revokedAt: number | null;
}

export interface Link {
  id: string; workspaceId: string; slug: string; kind: 'link' | 'invite'; url: string;
  title: string | null; description: string | null; image: string | null;
  communityId: string | null; ambassadorId: string | null; campaignId: string | null; tags: string[];
  disabled: boolean; maxUses: number | null; uses: number; expiresAt: number | null; fallbackUrl: string | null;
  createdAt: number; updatedAt: number;
}

export interface Community {
  id: string; workspaceId: string; name: string; platform: Platform; region: string | null; members: number | null;
  inviteUrl: string | null; tags: string[]; createdAt: number; updatedAt: number;
}
export interface Ambassador { id: string; workspaceId: string; name: string; communityId: string | null; contact: string | null; createdAt: number; updatedAt: number }
export interface Campaign { id: string; workspaceId: string; name: string; startsAt: number | null; endsAt: number | null; goal: string | null; createdAt: number; updatedAt: number }
export interface Site { id: string; workspaceId: string; domain: string; name: string | null; createdAt: number; updatedAt: number }

export interface PreviewCard { url: string; fetchedAt: number; ok: boolean; title: string | null; description: string | null; image: string | null; siteName: string | null; error: string | null }

export interface Page<T> { items: T[]; nextCursor: string | null }

/** One stored event: DESIGN §2. Never a raw IP, never a full user agent. */
export interface StoredEvent {
  id: string;
  ts: number;
  workspaceId: string;
  type: EventType;
  linkId: string | null;
  siteId: string | null;
  communityId: string | null;
  ambassadorId: string | null;
  campaignId: string | null;
  platform: Platform;
  channel: Channel;
  token: string | null;
  parent: string | null;
  visitor: string | null;
  country: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  inApp: string | null;
  referrerHost: string | null;
  path: string | null;
  value: number | null;
  currency: string | null;
  data: Record<string, unknown> | null;
}

/** A parameterised query, written once per backend dialect. */
export interface DialectQuery { sqlite: string; clickhouse?: string }

/** Read access to the event store for the stats questions (src/stats). */
export interface EventReader {
  readonly dialect: 'sqlite' | 'clickhouse';
  /** True when the SQLite rollup tables event_hours and visitor_hours are in step with the events (src/stats/rollup-plan.ts). */
  readonly rollups?: boolean;
  /** Loads everything acknowledged so far before a read (read-your-writes). */
  catchUp(): Promise<void>;
  all<T>(query: DialectQuery, params: Record<string, unknown>): Promise<T[]>;
}
