// What a request for a short link gets: a redirect with a fresh share token, a preview card, or a small page.
import { classifyAgent, classifyRequest } from '../classify/index.js';
import { pooledToken } from '../ids.js';
import { lookupCountry } from '../ingest/lookup-country.js';
import type { VisitorHasher } from '../ingest/visitor-hash.js';
import type { MetaStore } from '../store/index.js';
import type { StoredEvent } from '../store/types.js';
import type { LinkService, ResolvedLink } from './link-service.js';
import type { PreviewCards } from './preview-cards.js';
import { renderMessagePage, renderPreviewPage } from './render-pages.js';
import { mintShareToken, withShareToken } from './share-token.js';

export interface VisitRequest {
  slug: string;
  /** `invite` for /i/:slug (community invites: a `join` event). */
  route: 'link' | 'invite';
  /** HEAD answers like GET and records nothing. */
  head: boolean;
  userAgent: string;
  ip: string;
  referrer: string;
  /** The `ls` token the request carried, if well-formed. */
  parent: string | null;
  now: number;
}

export interface VisitOutcome {
  status: number;
  location?: string;
  html?: string;
  /** To be made durable before the response leaves. */
  event?: StoredEvent;
}

export interface VisitDeps { links: LinkService; cards: PreviewCards; hasher: VisitorHasher; meta: MetaStore }

const NOT_FOUND: VisitOutcome = { status: 404, html: renderMessagePage('Link not found', 'This link does not exist. Check that it was copied whole.') };
const DISABLED: VisitOutcome = { status: 410, html: renderMessagePage('Link disabled', 'The owner of this link has turned it off.') };
const EXHAUSTED = renderMessagePage('This link has run out', 'It was limited to a number of uses, and they have all been taken.');
const EXPIRED = renderMessagePage('This link has expired', 'It was valid for a limited time only.');

/** The event a visit records, built in one object literal: this runs on every redirect. */
function visitEvent(resolved: ResolvedLink, req: VisitRequest, type: StoredEvent['type'], hasher: VisitorHasher, token: string | null): StoredEvent {
  const { link } = resolved;
  const c = classifyRequest({ userAgent: req.userAgent, referrer: req.referrer, trackedLink: true });
  const preview = type === 'preview';
  return {
    id: pooledToken(), ts: req.now, workspaceId: link.workspaceId, type, linkId: link.id, siteId: null, communityId: link.communityId,
    ambassadorId: link.ambassadorId, campaignId: link.campaignId, platform: c.platform, channel: c.channel,
    // A preview fetch is a share into `platform`; it names the visit whose link was pasted (the token in the URL).
    token: preview ? req.parent : token, parent: preview ? null : req.parent,
    visitor: type === 'click' || type === 'join' ? hasher.hash(req.now, link.workspaceId, req.ip, req.userAgent) : null,
    country: lookupCountry(req.ip), device: c.device, browser: c.browser, os: c.os, inApp: c.inApp, referrerHost: c.referrerHost,
    path: null, value: null, currency: null, data: null,
  };
}

/**
 * The answer when it needs no I/O: the link is cached and the visitor is a person or a bot on an unlimited link.
 * Undefined when the full path must run (cache miss, preview card, limited link). Used by the raw fast path.
 */
export function visitLinkCached(req: VisitRequest, deps: VisitDeps): VisitOutcome | undefined {
  const resolved = deps.links.resolveCached(req.slug, req.now);
  return resolved === undefined ? undefined : answerWithoutIo(resolved, req, deps);
}

/** The answer for a resolved link when it needs no I/O; undefined for a preview card or a limited link. */
function answerWithoutIo(resolved: ResolvedLink | null, req: VisitRequest, deps: VisitDeps): VisitOutcome | undefined {
  if (!resolved || (resolved.link.kind === 'invite') !== (req.route === 'invite')) return NOT_FOUND;
  const { link } = resolved;
  if (link.disabled) return DISABLED;
  const agent = classifyAgent(req.userAgent);
  if (agent.kind === 'preview') return undefined;
  if (agent.kind === 'bot') return { status: 302, location: link.url, event: req.head ? undefined : visitEvent(resolved, req, 'bot', deps.hasher, null) };
  if (link.expiresAt !== null && req.now >= link.expiresAt) {
    return link.fallbackUrl ? { status: 302, location: link.fallbackUrl } : { status: 410, html: EXPIRED };
  }
  if (link.maxUses !== null && !req.head) return undefined;
  return personVisit(resolved, req, deps);
}

/** A person's visit: 302 with a fresh share token, and a click (a join on an invite link) naming it. */
function personVisit(resolved: ResolvedLink, req: VisitRequest, deps: VisitDeps): VisitOutcome {
  const token = mintShareToken();
  const event = req.head ? undefined : visitEvent(resolved, req, resolved.link.kind === 'invite' ? 'join' : 'click', deps.hasher, token);
  return { status: 302, location: withShareToken(resolved.target, token), event };
}

/** Decides the answer to a short-link request and the event it records. Preview fetchers and bots never consume a use. */
export async function visitLink(req: VisitRequest, deps: VisitDeps): Promise<VisitOutcome> {
  const fast = visitLinkCached(req, deps);
  if (fast) return fast;
  const resolved = await deps.links.resolve(req.slug, req.now);
  const answer = answerWithoutIo(resolved, req, deps);
  if (answer) return answer;
  // Left: a preview fetcher (its card), or a person on a limited link that has not expired (a use to take).
  const { link } = resolved!;
  if (classifyAgent(req.userAgent).kind === 'preview') {
    const card = await deps.cards.cardFor(link, req.now);
    const html = renderPreviewPage({ ...card, shortUrl: deps.links.shortUrl(link), destination: link.url });
    return { status: 200, html, event: req.head ? undefined : visitEvent(resolved!, req, 'preview', deps.hasher, null) };
  }
  const granted = await deps.meta.consumeLinkUse(link.id);
  deps.links.invalidate(link.slug);
  if (!granted) return link.fallbackUrl ? { status: 302, location: link.fallbackUrl } : { status: 410, html: EXHAUSTED };
  return personVisit(resolved!, req, deps);
}
