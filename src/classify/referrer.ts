// classifyReferrer: what the Referer header says about a visit (internal, messenger, webmail, search, social, referral).
import { createLruCache } from './lru-cache.js';
import { lookupAndroidApp, lookupHost } from './referrer-hosts.js';
import type { ChannelHint, ReferrerInfo } from './types.js';
import { splitReferrer } from './url-parts.js';

const NONE: ReferrerInfo = Object.freeze({ host: null, hint: null });
const INTERNAL: ChannelHint = Object.freeze({ channel: 'internal', platform: 'unknown', reason: 'referrer:own-host' });
const REFERRAL: ChannelHint = Object.freeze({ channel: 'referral', platform: 'unknown', reason: 'referrer:other' });
const AI: ChannelHint = Object.freeze({ channel: 'search', platform: 'unknown', reason: 'referrer:ai' });

// Referrer hosts repeat (google.com, t.co, web.whatsapp.com): their table lookups are remembered.
const hostCache = createLruCache<ChannelHint | null>(2_000);
function lookupHostCached(host: string): ChannelHint | null {
  let hint = hostCache.get(host);
  if (hint === undefined) {
    hint = lookupHost(host);
    hostCache.set(host, hint);
  }
  return hint;
}

/**
 * Reads a referrer (Referer header or document.referrer). Returns its host (lower-case, without 'www.'; the package
 * name for `android-app://` referrers) and what it says: `internal` for the site's own hosts (and their
 * subdomains), `dark_social` for messengers' web clients, link shims, Android apps and webmail, `search` for search
 * engines and AI assistants, `social` for social networks, `paid` for ad servers, otherwise `referral`.
 * An absent or unreadable referrer gives `{ host: null, hint: null }`. Never throws.
 */
export function classifyReferrer(referrer: string | undefined, ownHosts?: readonly string[]): ReferrerInfo {
  if (!referrer) return NONE;
  const parts = splitReferrer(referrer);
  if (!parts) return NONE;
  const { scheme, host } = parts;
  if (scheme === 'android-app') {
    return { host, hint: lookupAndroidApp(host) ?? REFERRAL };
  }
  if (scheme !== 'https' && scheme !== 'http') return { host, hint: REFERRAL };
  if (ownHosts && isOwnHost(host, ownHosts)) return { host, hint: INTERNAL };
  // Grok inside X answers under x.com/i/grok.
  if (host === 'x.com' && parts.rest.startsWith('/i/grok')) return { host, hint: AI };
  return { host, hint: lookupHostCached(host) ?? REFERRAL };
}

/** True when `host` is one of `ownHosts` or a subdomain of one ('www.' and case ignored on both sides). */
export function isOwnHost(host: string, ownHosts: readonly string[]): boolean {
  for (const raw of ownHosts) {
    const own = normaliseOwnHost(raw);
    if (own === '') continue;
    if (host === own || (host.endsWith(own) && host.charCodeAt(host.length - own.length - 1) === 46)) return true;
  }
  return false;
}

// Own hosts come from configuration: few, and the same on every request.
const ownHostCache = createLruCache<string>(256);
function normaliseOwnHost(raw: string): string {
  let own = ownHostCache.get(raw);
  if (own === undefined) {
    own = raw.trim().toLowerCase();
    if (own.startsWith('www.')) own = own.slice(4);
    const colon = own.indexOf(':');
    if (colon >= 0) own = own.slice(0, colon);
    ownHostCache.set(raw, own);
  }
  return own;
}
