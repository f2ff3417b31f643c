// classifyRequest: the user agent's verdict plus the visit's channel (campaign tags, referrer, in-app browser, landing page).
import type { Device, Platform } from '../vocabulary.js';
import { classifyAgent } from './agent.js';
import { campaignHint, clickIdHint, readQuery, type QueryFacts } from './campaign.js';
import { isDeepLanding } from './landing.js';
import { isMessagingPlatform } from './platform-groups.js';
import { previewChannel } from './preview-fetchers.js';
import { classifyReferrer } from './referrer.js';
import type { AgentInfo, ChannelHint, Classification, ClassifyInput, ReferrerInfo } from './types.js';
import { splitUrl, type UrlParts } from './url-parts.js';

const HOME: UrlParts = Object.freeze({ path: '/', query: '', fragment: '' });

function hint(channel: ChannelHint['channel'], platform: Platform, reason: string): ChannelHint {
  return Object.freeze({ channel, platform, reason });
}
const TELEGRAM_WEBVIEW = hint('dark_social', 'telegram', 'hint:telegram-webview');
const WEB_SHARE = hint('dark_social', 'unknown', 'hint:web-share');
const TRACKED_LINK = hint('dark_social', 'unknown', 'no-referrer:tracked-link');
const SHARE_TOKEN = hint('dark_social', 'unknown', 'no-referrer:share-token');
const DEEP_PAGE = hint('dark_social', 'unknown', 'no-referrer:deep-page');
const DIRECT = hint('direct', 'unknown', 'no-referrer:home');
const BOT_DIRECT = hint('direct', 'unknown', 'no-referrer:bot');

/**
 * Classifies a request: who is asking (see `classifyAgent`) and through which channel it came. Channel rules, first
 * match wins:
 * 1. campaign tags: utm_medium / utm_source, then ad click ids (gclid → paid, ttclid → paid TikTok…);
 * 2. a referrer from the site's own hosts → internal; a messenger's or webmail referrer, an in-app browser of a
 *    messenger, the Telegram web-view hint or the Web Share hint → dark_social; then fbclid → social (Facebook) —
 *    after the messenger rules because Messenger's link shim adds fbclid too;
 * 3. any other referrer: search engine or AI assistant → search, social network → social, else referral;
 * 4. no referrer: a social app's in-app browser → social; a tracked short link, a URL carrying a share token, or a
 *    deep page (see `isDeepLanding`) → dark_social; the home page or a section page → direct.
 * Preview fetchers get dark_social (messengers) or social (networks) for the platform they share into; other bots
 * only get rules 1–3, else direct. `platform` is the one the channel names, else the in-app browser's app.
 * Never throws; costs one to two microseconds once the user agent is cached (see bench/classify.ts).
 */
export function classifyRequest(input: ClassifyInput): Classification {
  const agent = classifyAgent(input.userAgent ?? '');
  const referrer = classifyReferrer(input.referrer, input.ownHosts);
  const url = input.url ? splitUrl(input.url) : HOME;
  const facts = readQuery(url.query);
  const decision =
    agent.kind === 'preview'
      ? hint(previewChannel(agent.platform, agent.reason), agent.platform, agent.reason)
      : chooseChannel(agent, referrer, url, facts, input);
  const headers = input.headers;
  return {
    kind: agent.kind,
    platform: decision.platform !== 'unknown' ? decision.platform : agent.platform,
    inApp: agent.inApp,
    device: headers && agent.kind === 'person' ? deviceFromHints(agent.device, headers) : agent.device,
    browser: agent.browser,
    os: agent.os ?? (headers && agent.kind === 'person' ? osFromHints(headers) : null),
    reason: agent.reason,
    channel: decision.channel,
    referrerHost: referrer.host,
    channelReason: decision.reason,
  };
}

function chooseChannel(agent: AgentInfo, referrer: ReferrerInfo, url: UrlParts, facts: QueryFacts, input: ClassifyInput): ChannelHint {
  const tags = campaignHint(facts);
  if (tags) return tags;
  const click = clickIdHint(facts);
  if (click && facts.clickId !== 'fbclid') return click;
  const ref = referrer.hint;
  if (ref && (ref.channel === 'internal' || ref.channel === 'dark_social')) return ref;
  if (agent.kind === 'bot') return click ?? ref ?? BOT_DIRECT;
  if (agent.inApp && isMessagingPlatform(agent.inApp)) return hint('dark_social', agent.inApp, `inapp:${agent.inApp}`);
  if (input.hints?.telegramWebview) return TELEGRAM_WEBVIEW;
  if (input.hints?.webShare) return WEB_SHARE;
  if (click) return click;
  if (ref) return ref;
  if (agent.inApp) return hint('social', agent.inApp, `inapp:${agent.inApp}`);
  if (input.trackedLink) return TRACKED_LINK;
  if (facts.shareToken || hasShareToken(url.fragment)) return SHARE_TOKEN;
  if (isDeepLanding(url.path, facts.otherParams)) return DEEP_PAGE;
  return DIRECT;
}

// The tracker writes '#ls=<token>' into the address bar; a copied address carries it.
function hasShareToken(fragment: string): boolean {
  return fragment !== '' && /(?:^|&)ls=[^&]/.test(fragment);
}

// Client hints fill in what the user agent no longer says (Chrome's reduced UA).
function deviceFromHints(device: Device, headers: Record<string, string | undefined>): Device {
  if (device !== 'unknown') return device;
  const mobile = headers['sec-ch-ua-mobile'];
  return mobile === '?1' ? 'mobile' : mobile === '?0' ? 'desktop' : device;
}

function osFromHints(headers: Record<string, string | undefined>): string | null {
  const platform = headers['sec-ch-ua-platform'];
  if (!platform) return null;
  const name = platform.replace(/^"|"$/g, '').trim();
  return name === '' || name === 'Unknown' ? null : name;
}
