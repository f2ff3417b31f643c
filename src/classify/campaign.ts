// Campaign tags in the landing URL: utm_medium / utm_source and ad platforms' click ids.
import type { Platform } from '../vocabulary.js';
import type { ChannelHint } from './types.js';

/** What the query string of a landing URL carries, read in one pass. */
export interface QueryFacts {
  /** utm_source, decoded and lower-cased; null when absent. */
  utmSource: string | null;
  utmMedium: string | null;
  /** The first ad platform click id found (e.g. 'gclid'); null when none. */
  clickId: string | null;
  /** True when a Lantern share token (`ls`) is present. */
  shareToken: boolean;
  /** True when a parameter other than tracking ones is present (the page is more than a home or section page). */
  otherParams: boolean;
}

const EMPTY: QueryFacts = Object.freeze({ utmSource: null, utmMedium: null, clickId: null, shareToken: false, otherParams: false });

// Click ids: what each says. fbclid is handled apart (Messenger adds it too, see classifyRequest).
const CLICK_IDS: ReadonlyMap<string, ChannelHint> = new Map(
  ([
    ['gclid', 'paid', 'unknown'], ['gbraid', 'paid', 'unknown'], ['wbraid', 'paid', 'unknown'], ['dclid', 'paid', 'unknown'],
    ['msclkid', 'paid', 'unknown'], ['yclid', 'paid', 'unknown'], ['ttclid', 'paid', 'tiktok'], ['li_fat_id', 'paid', 'linkedin'],
    ['twclid', 'paid', 'x'], ['sccid', 'paid', 'snapchat'], ['rdt_cid', 'paid', 'reddit'], ['epik', 'paid', 'pinterest'],
    ['fbclid', 'social', 'facebook'], ['mc_cid', 'email', 'email'], ['mc_eid', 'email', 'email'], ['_hsenc', 'email', 'email'],
    ['_hsmi', 'email', 'email'], ['srsltid', 'search', 'unknown'],
  ] as const).map(([key, channel, platform]) => [key, Object.freeze({ channel, platform, reason: `click-id:${key}` })]),
);

// Parameters that only track and say nothing about the page itself.
const TRACKING = new Set(['ls', 'igshid', 'igsh', 'mibextid', 'si', '_ga', '_gl', 'ref', 'ref_src', 'ref_url', 'trk', 'mkt_tok', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'wickedid', '_branch_match_id']);

/** Reads utm tags, click ids, the share token and whether any other parameter is present. Never throws. */
export function readQuery(query: string): QueryFacts {
  if (query === '') return EMPTY;
  let utmSource: string | null = null;
  let utmMedium: string | null = null;
  let clickId: string | null = null;
  let shareToken = false;
  let otherParams = false;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = /[A-Z]/.test(rawKey) ? rawKey.toLowerCase() : rawKey;
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (key.startsWith('utm_')) {
      if (key === 'utm_source') utmSource = decodeValue(value);
      else if (key === 'utm_medium') utmMedium = decodeValue(value);
    } else if (CLICK_IDS.has(key)) {
      if (clickId === null || (clickId === 'fbclid' && key !== 'fbclid')) clickId = key;
    } else if (key === 'ls') {
      shareToken = value !== '';
    } else if (!TRACKING.has(key) && !key.startsWith('mc_') && !key.startsWith('_hs')) {
      otherParams = true;
    }
  }
  return { utmSource, utmMedium, clickId, shareToken, otherParams };
}

function decodeValue(value: string): string | null {
  let text = value.includes('+') ? value.replace(/\+/g, ' ') : value;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Keep the raw text of a malformed escape.
    }
  }
  text = text.trim().toLowerCase();
  return text === '' ? null : text;
}

type SourceKind = 'messaging' | 'social' | 'email';
// utm_source words (and their usual abbreviations) naming a platform.
const SOURCES: ReadonlyMap<string, readonly [SourceKind, Platform]> = new Map<string, readonly [SourceKind, Platform]>([
  ...words('messaging', 'whatsapp', 'whatsapp wa whatsappweb whatsapp_business'),
  ...words('messaging', 'telegram', 'telegram tg'), ...words('messaging', 'discord', 'discord'),
  ...words('messaging', 'signal', 'signal'), ...words('messaging', 'messenger', 'messenger fbmessenger fb_messenger'),
  ...words('messaging', 'imessage', 'imessage'), ...words('messaging', 'sms', 'sms text rcs'),
  ...words('messaging', 'slack', 'slack'), ...words('messaging', 'teams', 'teams msteams'),
  ...words('messaging', 'skype', 'skype'), ...words('messaging', 'viber', 'viber'), ...words('messaging', 'line', 'line'),
  ...words('messaging', 'wechat', 'wechat weixin'), ...words('messaging', 'snapchat', 'snapchat snap'),
  ...words('messaging', 'kakaotalk', 'kakaotalk kakao'), ...words('messaging', 'zalo', 'zalo'),
  ...words('messaging', 'element', 'element matrix'), ...words('messaging', 'google-chat', 'googlechat gchat'),
  ...words('email', 'email', 'email e-mail mail newsletter newsletters mailchimp'),
  ...words('social', 'facebook', 'facebook fb facebook.com m.facebook.com l.facebook.com'),
  ...words('social', 'instagram', 'instagram ig insta'), ...words('social', 'x', 'twitter x t.co x.com'),
  ...words('social', 'linkedin', 'linkedin lnkd.in'), ...words('social', 'reddit', 'reddit'),
  ...words('social', 'pinterest', 'pinterest'), ...words('social', 'tiktok', 'tiktok'),
  ...words('social', 'youtube', 'youtube yt'), ...words('social', 'mastodon', 'mastodon fediverse'),
  ...words('social', 'other', 'threads bluesky bsky vk tumblr'),
]);

function words(kind: SourceKind, platform: Platform, list: string): [string, readonly [SourceKind, Platform]][] {
  return list.split(' ').map((w) => [w, [kind, platform] as const]);
}

/** Finds a platform named by a tag: the whole value, else its first word that names one ('whatsapp-group' → whatsapp). */
function lookupSource(value: string | null): readonly [SourceKind, Platform] | null {
  if (value === null) return null;
  const whole = SOURCES.get(value);
  if (whole) return whole;
  for (const word of value.split(/[^a-z0-9.]+/)) {
    const hit = word && SOURCES.get(word);
    if (hit) return hit;
  }
  return null;
}

type MediumChannel = 'email' | 'paid' | 'social' | 'search' | 'referral' | 'dark_social';
// Checked word by word in this order: 'paid_social' is paid, 'social' is social.
const MEDIUM_WORDS: readonly (readonly [MediumChannel, RegExp])[] = [
  ['paid', /^(?:cpc|ppc|cpm|cpv|cpa|cpp|paid\w*|display|banner|ads?|adwords|retargeting|remarketing|sponsored|programmatic)$/],
  ['email', /^(?:e?mail|email\w*|newsletters?|edm)$/],
  ['dark_social', /^(?:share|sharing|shared|messaging|messenger|chat|im|dm|wom|word-of-mouth|dark_social|darksocial|sms|text)$/],
  ['social', /^(?:social\w*|sm|social-media|socialmedia|social-network)$/],
  ['search', /^(?:organic|seo)$/],
  ['referral', /^(?:referral|referrals|affiliates?|partners?)$/],
];

function mediumChannel(medium: string | null): MediumChannel | null {
  if (medium === null) return null;
  const parts = medium.split(/[^a-z0-9]+/);
  for (const [channel, pattern] of MEDIUM_WORDS) {
    if (pattern.test(medium)) return channel;
    for (const part of parts) if (part && pattern.test(part)) return channel;
  }
  return null;
}

/**
 * Channel rule 1, campaign tags: utm_medium decides email and paid; a messenger named by utm_source (or utm_medium)
 * makes any other tagged visit dark social; then the medium's own channel; then a social network or email named by
 * the source. Returns null when the tags say nothing recognisable (the next rules decide). Never throws.
 */
export function campaignHint(facts: QueryFacts): ChannelHint | null {
  const medium = mediumChannel(facts.utmMedium);
  const source = lookupSource(facts.utmSource) ?? (medium === null ? lookupSource(facts.utmMedium) : null);
  const platform: Platform = source ? source[1] : 'unknown';
  if (medium === 'email') return { channel: 'email', platform: source ? platform : 'email', reason: 'utm_medium' };
  if (medium === 'paid') return { channel: 'paid', platform, reason: 'utm_medium' };
  if (source?.[0] === 'messaging') return { channel: 'dark_social', platform, reason: 'utm_source' };
  if (medium === 'dark_social') return { channel: 'dark_social', platform: facts.utmMedium === 'sms' ? 'sms' : platform, reason: 'utm_medium' };
  if (medium) return { channel: medium, platform, reason: 'utm_medium' };
  if (source?.[0] === 'social') return { channel: 'social', platform, reason: 'utm_source' };
  if (source?.[0] === 'email') return { channel: 'email', platform: 'email', reason: 'utm_source' };
  return null;
}

/** Channel rule 1, click ids: what an ad platform's click id says (fbclid included; the caller orders it). */
export function clickIdHint(facts: QueryFacts): ChannelHint | null {
  return facts.clickId === null ? null : CLICK_IDS.get(facts.clickId) ?? null;
}
