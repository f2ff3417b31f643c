// Tracked links: create, read, update and delete within a workspace, and resolve slugs for redirects (cached).
import { checkReferences } from '../commerce/references.js';
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import { ReadCache } from '../store/read-cache.js';
import type { Link, Page } from '../store/types.js';
import { prepareRedirectTarget, type RedirectTarget } from './share-token.js';
import { randomSlug, validateSlug } from './slug.js';
import { validateDestination } from './validate-destination.js';

export interface LinkInput {
  url?: string; slug?: string; title?: string | null; description?: string | null; image?: string | null;
  community?: string | null; ambassador?: string | null; campaign?: string | null; tags?: string[];
  kind?: 'link' | 'invite'; maxUses?: number | null; expiresAt?: string | null; fallbackUrl?: string | null; disabled?: boolean;
}

/** A link as the API shows it. */
export interface LinkView {
  id: string; slug: string; shortUrl: string; url: string; kind: 'link' | 'invite'; title: string | null; description: string | null;
  image: string | null; community: string | null; ambassador: string | null; campaign: string | null; tags: string[]; disabled: boolean;
  maxUses: number | null; uses: number; expiresAt: string | null; fallbackUrl: string | null; createdAt: string; updatedAt: string;
}

export interface ResolvedLink { link: Link; target: RedirectTarget }

const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 100_000;

function parseTime(field: string, value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('validation_failed', `${field} ${JSON.stringify(value)} is not an ISO date`, { details: { field } });
  return ms;
}

/** Link CRUD and slug resolution. Slugs are unique across the instance (one short-link origin serves every workspace). */
export class LinkService {
  private readonly cache = new ReadCache<ResolvedLink | null>(CACHE_TTL_MS, CACHE_MAX);

  constructor(private readonly meta: MetaStore, private readonly baseUrl: string) {
    // Another node (or this one) changed a link: its cached resolution, or cached absence, is stale.
    meta.changes.on('link', (slug) => this.cache.forget(slug));
  }

  /** Public short URL of a slug (`/i/` for invites). */
  shortUrl(link: Pick<Link, 'slug' | 'kind'>): string {
    return `${this.baseUrl}/${link.kind === 'invite' ? 'i/' : ''}${link.slug}`;
  }

  toView(link: Link): LinkView {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      id: link.id, slug: link.slug, shortUrl: this.shortUrl(link), url: link.url, kind: link.kind, title: link.title,
      description: link.description, image: link.image, community: link.communityId, ambassador: link.ambassadorId,
      campaign: link.campaignId, tags: link.tags, disabled: link.disabled, maxUses: link.maxUses, uses: link.uses,
      expiresAt: iso(link.expiresAt), fallbackUrl: link.fallbackUrl, createdAt: new Date(link.createdAt).toISOString(),
      updatedAt: new Date(link.updatedAt).toISOString(),
    };
  }

  private validateFields(input: LinkInput): Partial<Link> {
    const out: Partial<Link> = {};
    if (input.url !== undefined) out.url = validateDestination(input.url, 'url');
    if (input.image !== undefined) out.image = input.image === null ? null : validateDestination(input.image, 'image');
    if (input.fallbackUrl !== undefined) out.fallbackUrl = input.fallbackUrl === null ? null : validateDestination(input.fallbackUrl, 'fallbackUrl');
    if (input.title !== undefined) out.title = input.title;
    if (input.description !== undefined) out.description = input.description;
    if (input.community !== undefined) out.communityId = input.community;
    if (input.ambassador !== undefined) out.ambassadorId = input.ambassador;
    if (input.campaign !== undefined) out.campaignId = input.campaign;
    if (input.tags !== undefined) out.tags = input.tags;
    if (input.disabled !== undefined) out.disabled = input.disabled;
    if (input.maxUses !== undefined) out.maxUses = input.maxUses;
    const expiresAt = parseTime('expiresAt', input.expiresAt);
    if (expiresAt !== undefined) out.expiresAt = expiresAt;
    return out;
  }

  /**
   * Creates a link with a random slug (retried on the rare collision) or the custom one given.
   * @throws AppError invalid_url / unsafe_url / invalid_slug (400), slug_taken (409), unprocessable (422: unknown reference).
   */
  async create(workspaceId: string, input: LinkInput, now: number): Promise<Link> {
    if (input.url === undefined) throw new AppError('validation_failed', 'url is required', { details: { field: 'url' } });
    const fields = this.validateFields(input);
    await checkReferences(this.meta, workspaceId, input);
    const custom = input.slug !== undefined ? validateSlug(input.slug) : null;
    for (let attempt = 0; ; attempt++) {
      const link: Link = {
        id: newId('lnk'), workspaceId, slug: custom ?? randomSlug(), kind: input.kind ?? 'link', url: fields.url!, title: null,
        description: null, image: null, communityId: null, ambassadorId: null, campaignId: null, tags: [], disabled: false,
        maxUses: null, uses: 0, expiresAt: null, fallbackUrl: null, createdAt: now, updatedAt: now, ...fields,
      };
      try {
        const created = await this.meta.createLink(link);
        await this.meta.changes.publish('link', created.slug);
        return created;
      } catch (err) {
        if (custom || attempt >= 5 || !(err instanceof AppError && err.code === 'slug_taken')) throw err;
      }
    }
  }

  async get(workspaceId: string, id: string): Promise<Link> {
    return (await this.meta.links.get(workspaceId, id)) ?? notFound('link', id);
  }

  async list(workspaceId: string, limit: number, cursor: string | null): Promise<Page<Link>> {
    return this.meta.links.list(workspaceId, limit, cursor);
  }

  /** Updates the given fields; the slug cannot change (it is already in people's chats). */
  async update(workspaceId: string, id: string, input: LinkInput, now: number): Promise<Link> {
    const existing = await this.get(workspaceId, id);
    if (input.slug !== undefined && input.slug !== existing.slug) {
      throw new AppError('validation_failed', 'the slug of a link cannot change once created', { details: { field: 'slug' } });
    }
    const fields = this.validateFields(input);
    await checkReferences(this.meta, workspaceId, input);
    const updated = (await this.meta.links.update(workspaceId, id, { ...fields, updatedAt: now })) ?? notFound('link', id);
    await this.meta.changes.publish('link', existing.slug);
    return updated;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    const existing = await this.get(workspaceId, id);
    await this.meta.links.delete(workspaceId, id);
    await this.meta.changes.publish('link', existing.slug);
  }

  /**
   * The link behind a slug, from a short-lived cache (unknown slugs are cached too). When the metadata store does not
   * answer, an expired entry is served rather than failing a person's click.
   */
  async resolve(slug: string, now: number): Promise<ResolvedLink | null> {
    return this.cache.get(slug, now, async () => {
      const link = await this.meta.getLinkBySlug(slug);
      return link ? { link, target: prepareRedirectTarget(link.url) } : null;
    });
  }

  /** Cached resolution without I/O; undefined when the slug is not cached (or stale). */
  resolveCached(slug: string, now: number): ResolvedLink | null | undefined {
    return this.cache.peek(slug, now);
  }

  /** Forgets a cached link (after a change made elsewhere, e.g. a use consumed). */
  invalidate(slug: string): void {
    this.cache.forget(slug);
  }
}
