// The collector's pipeline as small named steps: each takes a hit and returns it enriched, or a drop with a reason.
import type { IncomingHttpHeaders } from 'node:http';
import { classifyRequest } from '../classify/index.js';
import { AppError } from '../errors.js';
import { pooledToken } from '../ids.js';
import { parseShareToken } from '../links/share-token.js';
import type { Site, StoredEvent } from '../store/types.js';
import type { EventType } from '../vocabulary.js';
import type { DropReason, IngestService } from './ingest-service.js';
import { lookupCountry } from './lookup-country.js';
import type { SiteCache } from './site-cache.js';
import type { VisitorHasher } from './visitor-hash.js';

/** The tracker's wire format (tracker/README.md). */
export interface CollectBody {
  s: string; e: 'pageview' | 'copy' | 'share' | 'custom' | 'conversion'; u: string; r?: string; k?: string; p?: string; w?: number;
  h?: { tg?: number }; d?: Record<string, unknown>;
}

export interface Hit {
  body: CollectBody; site: Site; ip: string; userAgent: string; origin: string | null; gpc: boolean; now: number;
  url?: URL; event?: StoredEvent;
}

export type StepResult = Hit | { drop: DropReason };
/** A step adds what it learnt to the hit it was given (one object per request: no copy on this hot path). */
export type Step = (hit: Hit, hasher: VisitorHasher) => StepResult;

const TYPES: Record<CollectBody['e'], EventType> = { pageview: 'pageview', copy: 'copy', share: 'share', custom: 'goal', conversion: 'conversion' };

/** Whether `host` is the site's domain or one of its subdomains; localhost and 127.0.0.1 match any port. */
export function hostMatchesSite(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return h === domain || h.endsWith(`.${domain}`);
}

const parseUrl: Step = (hit) => {
  try {
    const url = new URL(hit.body.u);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { drop: 'invalid' };
    hit.url = url;
    return hit;
  } catch {
    return { drop: 'invalid' };
  }
};

const checkOrigin: Step = (hit) => {
  const pageHost = hit.url!.hostname;
  if (!hostMatchesSite(pageHost, hit.site.domain)) return { drop: 'origin_not_allowed' };
  if (hit.origin) {
    try {
      if (!hostMatchesSite(new URL(hit.origin).hostname, hit.site.domain)) return { drop: 'origin_not_allowed' };
    } catch {
      return { drop: 'origin_not_allowed' };
    }
  }
  return hit;
};

const honourPrivacySignals: Step = (hit) => (hit.gpc ? { drop: 'privacy_signal' } : hit);

const classifyHit: Step = (hit, hasher) => {
  const { body, url } = hit;
  const c = classifyRequest({
    userAgent: hit.userAgent, referrer: (body.r ?? '').slice(0, 2048), url: url!.href, ownHosts: [hit.site.domain],
    hints: { telegramWebview: body.h?.tg === 1, webShare: false },
  });
  if (c.kind !== 'person') return { drop: 'bot' };
  const type = TYPES[body.e];
  const d = body.d ?? {};
  const value = type === 'conversion' && typeof d.value === 'number' ? d.value : null;
  // Every field in one literal (not buildEvent's spread): this runs on every beacon.
  hit.event = {
    id: pooledToken(), ts: hit.now, workspaceId: hit.site.workspaceId, type, linkId: null, siteId: hit.site.id, communityId: null,
    ambassadorId: null, campaignId: null,
    // A share event's platform is where it was shared to; a page view's is where it came from.
    platform: type === 'share' && typeof d.target === 'string' ? normaliseTarget(d.target) : c.platform,
    channel: c.channel, token: parseShareToken(body.k), parent: parseShareToken(body.p),
    visitor: hasher.hash(hit.now, hit.site.workspaceId, hit.ip, hit.userAgent), country: lookupCountry(hit.ip), device: c.device,
    browser: c.browser, os: c.os, inApp: c.inApp, referrerHost: c.referrerHost, path: url!.pathname, value,
    currency: typeof d.currency === 'string' ? d.currency.slice(0, 3).toUpperCase() : null, data: Object.keys(d).length > 0 ? d : null,
  };
  return hit;
};

const SHARE_TARGETS: Record<string, StoredEvent['platform']> = {
  whatsapp: 'whatsapp', telegram: 'telegram', email: 'email', sms: 'sms', x: 'x', twitter: 'x', facebook: 'facebook', linkedin: 'linkedin',
  messenger: 'messenger', signal: 'signal', reddit: 'reddit', native: 'unknown',
};
function normaliseTarget(target: string): StoredEvent['platform'] {
  return SHARE_TARGETS[target.toLowerCase()] ?? 'other';
}

/** The steps, in order: parse → origin → privacy → classify (drops bots) with country and visitor hash. */
export const COLLECT_STEPS: readonly Step[] = [parseUrl, checkOrigin, honourPrivacySignals, classifyHit];

/** Runs the steps; returns the event to store or the reason it was dropped. */
export function runCollectPipeline(hit: Hit, hasher: VisitorHasher): StoredEvent | { drop: DropReason } {
  let current: StepResult = hit;
  for (const step of COLLECT_STEPS) {
    current = step(current as Hit, hasher);
    if ('drop' in current) return current;
  }
  return (current as Hit).event!;
}

export interface CollectDeps { sites: SiteCache; ingest: IngestService; hasher: VisitorHasher; now: () => number }
export type CollectResult = { accepted: true } | { accepted: false; reason: DropReason };

/**
 * One tracker hit, validated against the route schema, from site lookup to durable write: the one implementation
 * behind the Fastify route and the raw fast path. Every drop is counted by reason.
 * @throws AppError not_found (unknown site), validation_failed (`u` not an http(s) URL), origin_not_allowed
 *   (page or Origin not on the site's domain), unavailable (spool full); the event log's write error.
 */
export async function collectHit(body: CollectBody, headers: IncomingHttpHeaders, ip: string, deps: CollectDeps): Promise<CollectResult> {
  const now = deps.now();
  // A cached site costs no await: one microtask less per beacon.
  const cached = deps.sites.peek(body.s, now);
  const site = cached !== undefined ? cached : await deps.sites.get(body.s, now);
  if (!site) {
    deps.ingest.drop('unknown_site');
    throw new AppError('not_found', `site ${JSON.stringify(body.s)} not found`, { details: { site: body.s } });
  }
  const origin = typeof headers.origin === 'string' && headers.origin !== 'null' ? headers.origin : null;
  const result = runCollectPipeline({
    body, site, ip, userAgent: headers['user-agent'] ?? '', origin, gpc: headers['sec-gpc'] === '1', now,
  }, deps.hasher);
  if ('drop' in result) {
    deps.ingest.drop(result.drop);
    if (result.drop === 'invalid') throw new AppError('validation_failed', 'u must be an absolute http(s) URL', { details: { field: 'u' } });
    if (result.drop === 'origin_not_allowed') throw new AppError('origin_not_allowed', `this page is not on ${site.domain}, the site's domain`, { details: { domain: site.domain } });
    return { accepted: false, reason: result.drop };
  }
  await deps.ingest.recordAsync(result);
  return { accepted: true };
}
