// Response and request shapes of the Lantern HTTP API (DESIGN §4), as the dashboard uses them.

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

export interface User {
  id: string;
  email: string;
}

export interface WorkspaceMembership {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

/** Body of login, setup and `GET /api/auth/me`. */
export interface SessionBody {
  user: User;
  workspaces: WorkspaceMembership[];
  csrfToken: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A list endpoint's body; `nextCursor` is null on the last page. */
export interface ItemList<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface Link {
  id: string;
  slug: string;
  shortUrl: string;
  url: string;
  title?: string | null;
  description?: string | null;
  image?: string | null;
  community?: string | null;
  ambassador?: string | null;
  campaign?: string | null;
  tags?: string[] | null;
  createdAt: string;
  disabled?: boolean;
}

export interface LinkInput {
  url: string;
  slug?: string;
  title?: string;
  description?: string;
  image?: string;
  community?: string | null;
  ambassador?: string | null;
  campaign?: string | null;
  tags?: string[];
  disabled?: boolean;
}

export interface Community {
  id: string;
  name: string;
  platform: string;
  region?: string | null;
  members?: number | null;
  inviteUrl?: string | null;
  tags?: string[] | null;
  createdAt?: string;
}

export interface CommunityInput {
  name: string;
  platform: string;
  region?: string;
  members?: number;
  inviteUrl?: string;
}

export interface Ambassador {
  id: string;
  name: string;
  community?: string | null;
  contact?: string | null;
  createdAt?: string;
}

export interface AmbassadorInput {
  name: string;
  community?: string;
  contact?: string;
}

export interface Campaign {
  id: string;
  name: string;
  startsAt?: string | null;
  endsAt?: string | null;
  goal?: string | number | null;
}

/** A row of `/api/ambassadors/leaderboard`. */
export interface LeaderboardRow {
  id?: string;
  key?: string;
  ambassador?: string;
  name?: string | null;
  community?: string | null;
  visits?: number;
  visitors?: number;
  shares?: number;
  joins?: number;
  conversions?: number;
  revenue?: number;
  score?: number;
  rank?: number;
}

export interface Site {
  id: string;
  domain: string;
  name?: string | null;
  createdAt?: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/keys` answers the key itself once, never again. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface Webhook {
  id: string;
  url: string;
  events?: string[] | null;
  allowPrivate?: boolean;
  createdAt?: string;
  disabled?: boolean;
}

export interface WebhookInput {
  url: string;
  secret?: string;
  events?: string[];
  allowPrivate?: boolean;
}

export const STATS_FILTER_KEYS = ['link', 'site', 'community', 'ambassador', 'campaign', 'platform', 'channel'] as const;
export type StatsFilterKey = (typeof STATS_FILTER_KEYS)[number];

/** Query shared by every stats endpoint: an ISO range, a time zone and optional filters. */
export type StatsQuery = { from?: string; to?: string; tz?: string } & Partial<Record<StatsFilterKey, string>>;

export interface Summary {
  visits: number;
  visitors: number;
  shares: number;
  conversions: number;
  revenue: number;
  joins?: number;
  /** Fraction 0..1 of visits in the dark_social channel. */
  darkSocialShare: number;
  currency?: string | null;
}

export type Interval = 'hour' | 'day';

export interface TimeseriesPoint {
  t: string;
  visits: number;
  shares: number;
  visitors?: number;
  conversions?: number;
}

export interface Timeseries {
  interval: Interval;
  tz?: string;
  points: TimeseriesPoint[];
}

export type BreakdownDimension =
  | 'platform' | 'channel' | 'community' | 'ambassador' | 'campaign' | 'link' | 'country' | 'device' | 'referrer' | 'path';

export interface BreakdownRow {
  /** The dimension's value; null for events without one (e.g. page views that came through no link). */
  key: string | null;
  name?: string | null;
  visits: number;
  visitors: number;
  shares: number;
  joins?: number;
  conversions?: number;
  revenue?: number;
  conversionRate?: number;
}

export interface Breakdown {
  by: BreakdownDimension;
  rows: BreakdownRow[];
}

export interface CascadeShare {
  platform: string;
  ts: string;
}

export interface CascadeNode {
  token: string;
  ts: string;
  platform: string;
  country?: string | null;
  type: string;
  children: CascadeNode[];
  shares?: CascadeShare[];
  /** Set when the server cut this visit's children to keep the answer small: how many were left out. */
  omittedChildren?: number;
}

export interface CascadeTree {
  root: CascadeNode;
  size: number;
  depth: number;
  breadth: number[];
  platforms: string[];
  reach: number;
  kFactor: number;
  medianDelayMs: number | null;
}

export interface CascadeSummary {
  count: number;
  sizes: { bucket: string; count: number }[];
  kFactor: number;
  maxDepth: number;
}

export interface Cascades {
  summary: CascadeSummary;
  trees: CascadeTree[];
}

/** One `data:` message of `GET /api/live`; fields beyond `type` vary with the kind of event. */
export interface LiveMessage {
  type: 'event' | 'alert';
  [field: string]: unknown;
}
