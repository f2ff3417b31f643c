// One typed function per API endpoint the dashboard calls (DESIGN §4), on top of HttpClient.
import { HttpClient, withQuery, type QueryValue } from './http-client';
import { normalizeCascades, type RawCascades } from './normalize-cascades';
import type {
  Ambassador, AmbassadorInput, ApiKey, Breakdown, BreakdownDimension, Campaign, Cascades, Community, CommunityInput,
  CreatedApiKey, Interval, ItemList, LeaderboardRow, Link, LinkInput, SessionBody, Site, StatsQuery, Summary,
  Timeseries, Webhook, WebhookInput,
} from './types';

type ListBody<T> = ItemList<T> | T[] | { rows: T[] };

/** Lists may answer `{items}`, `{rows}` or a bare array; the dashboard reads them all as `{items, nextCursor}`. */
export function toItemList<T>(body: ListBody<T>): ItemList<T> {
  if (Array.isArray(body)) return { items: body, nextCursor: null };
  if ('items' in body) return { items: body.items, nextCursor: body.nextCursor ?? null };
  return { items: body.rows, nextCursor: null };
}

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export class LanternApi {
  constructor(readonly http: HttpClient) {}

  private async list<T>(base: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<ItemList<T>> {
    return toItemList(await this.http.request<ListBody<T>>('GET', base, { query, signal }));
  }

  // Auth
  getMe(signal?: AbortSignal) { return this.http.request<SessionBody>('GET', '/api/auth/me', { signal }); }
  login(email: string, password: string) { return this.http.request<SessionBody>('POST', '/api/auth/login', { body: { email, password } }); }
  setup(token: string, email: string, password: string) {
    return this.http.request<SessionBody>('POST', '/api/auth/setup', { body: { token, email, password } });
  }
  logout() { return this.http.request<void>('POST', '/api/auth/logout'); }

  // Stats
  getSummary(query: StatsQuery, signal?: AbortSignal) {
    return this.http.request<Summary>('GET', '/api/stats/summary', { query, signal });
  }
  getTimeseries(query: StatsQuery & { interval: Interval }, signal?: AbortSignal) {
    return this.http.request<Timeseries>('GET', '/api/stats/timeseries', { query, signal });
  }
  getBreakdown(by: BreakdownDimension, query: StatsQuery & { limit?: number }, signal?: AbortSignal) {
    return this.http.request<Breakdown>('GET', '/api/stats/breakdown', { query: { ...query, by }, signal });
  }

  // Links
  listLinks(query: { cursor?: string | null; limit?: number } = {}, signal?: AbortSignal) {
    return this.list<Link>('/api/links', query, signal);
  }
  getLink(id: string, signal?: AbortSignal) { return this.http.request<Link>('GET', path('/api/links', id), { signal }); }
  createLink(input: LinkInput) { return this.http.request<Link>('POST', '/api/links', { body: input }); }
  updateLink(id: string, input: Partial<LinkInput>) { return this.http.request<Link>('PATCH', path('/api/links', id), { body: input }); }
  deleteLink(id: string) { return this.http.request<void>('DELETE', path('/api/links', id)); }

  // Communities, ambassadors, campaigns
  listCommunities(signal?: AbortSignal) { return this.list<Community>('/api/communities', {}, signal); }
  createCommunity(input: CommunityInput) { return this.http.request<Community>('POST', '/api/communities', { body: input }); }
  listAmbassadors(signal?: AbortSignal) { return this.list<Ambassador>('/api/ambassadors', {}, signal); }
  createAmbassador(input: AmbassadorInput) { return this.http.request<Ambassador>('POST', '/api/ambassadors', { body: input }); }
  getLeaderboard(query: StatsQuery, signal?: AbortSignal) {
    return this.list<LeaderboardRow>('/api/ambassadors/leaderboard', query, signal);
  }
  listCampaigns(signal?: AbortSignal) { return this.list<Campaign>('/api/campaigns', {}, signal); }

  // Cascades
  async getCascades(query: { link?: string; site?: string; limit?: number }, signal?: AbortSignal): Promise<Cascades> {
    return normalizeCascades(await this.http.request<RawCascades>('GET', '/api/cascades', { query, signal }));
  }

  // Settings
  listSites(signal?: AbortSignal) { return this.list<Site>('/api/sites', {}, signal); }
  createSite(input: { domain: string; name?: string }) { return this.http.request<Site>('POST', '/api/sites', { body: input }); }
  listKeys(signal?: AbortSignal) { return this.list<ApiKey>('/api/keys', {}, signal); }
  createKey(input: { name: string; scopes?: ('read' | 'write' | 'admin')[] }) { return this.http.request<CreatedApiKey>('POST', '/api/keys', { body: input }); }
  revokeKey(id: string) { return this.http.request<void>('DELETE', path('/api/keys', id)); }
  listWebhooks(signal?: AbortSignal) { return this.list<Webhook>('/api/webhooks', {}, signal); }
  createWebhook(input: WebhookInput) { return this.http.request<Webhook>('POST', '/api/webhooks', { body: input }); }
  deleteWebhook(id: string) { return this.http.request<void>('DELETE', path('/api/webhooks', id)); }

  /** URL of the live feed; EventSource cannot send headers, so the workspace rides in the query. */
  liveUrl(workspaceId: string | null): string {
    return withQuery('/api/live', { workspace: workspaceId });
  }
}
