// A community's or an ambassador's own tracked link, created in the same call as its owner.
import { AppError } from '../errors.js';
import type { LinkService, LinkView } from '../links/link-service.js';
import { validateSlug } from '../links/slug.js';
import { validateDestination } from '../links/validate-destination.js';
import type { MetaStore } from '../store/index.js';

/** The `link` field of POST /api/communities and /api/ambassadors. */
export interface PersonalLinkInput { url: string; slug?: string; title?: string | null; kind?: 'link' | 'invite' }

/**
 * Checks a personal link before its owner is created, so that a bad URL or a taken slug refuses the whole call.
 * @throws AppError invalid_url / unsafe_url / invalid_slug (400), slug_taken (409).
 */
export async function checkPersonalLink(meta: MetaStore, input: PersonalLinkInput): Promise<void> {
  validateDestination(input.url, 'link.url');
  if (input.slug === undefined) return;
  validateSlug(input.slug);
  if (await meta.getLinkBySlug(input.slug)) throw new AppError('slug_taken', `slug ${JSON.stringify(input.slug)} is already taken`, { details: { slug: input.slug } });
}

/** Creates the link crediting `owner` (a community, or an ambassador and their community). @throws like LinkService.create. */
export async function createPersonalLink(links: LinkService, workspaceId: string, input: PersonalLinkInput,
  owner: { community: string | null; ambassador?: string | null }, now: number): Promise<LinkView> {
  const link = await links.create(workspaceId, {
    url: input.url, slug: input.slug, title: input.title ?? null, kind: input.kind ?? 'link', community: owner.community, ambassador: owner.ambassador ?? null,
  }, now);
  return links.toView(link);
}
