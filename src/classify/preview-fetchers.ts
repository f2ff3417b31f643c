// Chat and social apps' link-preview fetchers: a fetch by one of them means the link was just shared there.
import type { Channel, Platform } from '../vocabulary.js';
import { channelOfPlatform } from './platform-groups.js';

/** A recognised preview fetcher. */
export interface PreviewMatch {
  platform: Platform;
  /** Short rule name, used in `reason` ('preview:<name>'). */
  name: string;
}

interface PreviewRule extends PreviewMatch {
  test: RegExp;
}

// Order matters: the more specific rule first (iMessage and LINE reuse Facebook's token, Signal looks like WhatsApp,
// Telegram's UA says "like TwitterBot"). Every rule needs a token no browser or in-app browser sends: a false
// preview is a false share, so a rule is only added for a user agent seen verbatim from the app.
const RULES: readonly PreviewRule[] = [
  // Apple Messages sends a Safari UA followed by both tokens; Facebook never sends Twitterbot.
  { name: 'imessage', platform: 'imessage', test: /facebookexternalhit\/[\d.]+.*\bTwitterbot\/|Twitterbot\/[\d.]+.*facebookexternalhit\//i },
  { name: 'line', platform: 'line', test: /line-poker\//i },
  // Signal (every platform) sends exactly "WhatsApp/2": no version, no platform letter.
  { name: 'signal', platform: 'signal', test: /^WhatsApp\/2$/ },
  // WhatsApp always sends a full version and a platform letter ("WhatsApp/2.19.175 A", "WhatsApp/2.12.15/i").
  // Its app's own API client ("WhatsApp/2.17.427 Android/6.0 Device/…") and in-app browsers do not match.
  { name: 'whatsapp', platform: 'whatsapp', test: /^WhatsApp\/\d+(?:\.\d+)+(?: |\/)[A-Za-z]$/i },
  { name: 'telegram', platform: 'telegram', test: /^TelegramBot\b/ },
  { name: 'discord', platform: 'discord', test: /\bDiscordbot\/\d/ },
  { name: 'slack', platform: 'slack', test: /^Slackbot-LinkExpanding\b/ },
  { name: 'teams', platform: 'teams', test: /\bMicrosoftPreview\/\d/ },
  // Teams also uses SkypeUriPreview; the two cannot be told apart, so it is counted as Skype.
  { name: 'skype', platform: 'skype', test: /\bSkypeUriPreview\b/ },
  { name: 'viber', platform: 'viber', test: /^ViberUrlDownloader\b/ },
  { name: 'kakaotalk', platform: 'kakaotalk', test: /\bkakaotalk-scrap\/\d/ },
  { name: 'snapchat', platform: 'snapchat', test: /^Snap URL Preview Service\b|\bSnapURLPreview\b/ },
  { name: 'linkedin', platform: 'linkedin', test: /\bLinkedInBot\/\d/ },
  { name: 'element', platform: 'element', test: /^Synapse \(bot;|\bmatrix-org\/synapse\b/ },
  // Google Messages (RCS/SMS) renders link previews with this fetcher.
  { name: 'sms', platform: 'sms', test: /^Google-PageRenderer\b/ },
  { name: 'mastodon', platform: 'mastodon', test: /\bhttp\.rb\/[\d.]+ \(Mastodon\/\d|\bMastodon\/\d[^ ]* \(http\.rb\// },
  { name: 'facebook', platform: 'facebook', test: /^facebookexternalhit\/\d|^Facebot\b|^meta-externalfetcher\/\d|\(compatible; facebookexternalhit\/\d/ },
  { name: 'x', platform: 'x', test: /^Twitterbot\/\d/ },
  { name: 'reddit', platform: 'reddit', test: /\bredditbot\/\d/ },
  { name: 'pinterest', platform: 'pinterest', test: /\bPinterestbot\/\d|^Pinterest\/0\.\d/ },
  // Shares into networks and chats outside the platform list: still shares, counted under 'other'.
  { name: 'bluesky', platform: 'other', test: /\bBluesky Cardyb\/\d/ },
  { name: 'steam-chat', platform: 'other', test: /\(SteamChatURLLookup\)/ },
  { name: 'chatwork', platform: 'other', test: /^Chatwork LinkPreview\b/ },
];

// Every rule's token contains one of these (lower-case); a UA with none of them skips the rule list.
const QUICK = /whatsapp|bot|preview|facebookexternalhit|facebot|meta-externalfetcher|line-poker|kakaotalk-scrap|synapse|pagerenderer|mastodon|pinterest|urldownloader|steamchat|cardyb/i;

// Fetchers counted under 'other' that are private chats (the rest of 'other' are public networks).
const PRIVATE_OTHER = new Set(['preview:steam-chat', 'preview:chatwork']);

/**
 * The channel a preview fetch (a share) belongs to, from the agent's platform and reason ('preview:<name>'):
 * dark_social for messengers and private chats, social for public networks.
 */
export function previewChannel(platform: Platform, reason: string): Channel {
  return platform === 'other' ? (PRIVATE_OTHER.has(reason) ? 'dark_social' : 'social') : channelOfPlatform(platform);
}

/**
 * Names the chat or social app whose link-preview fetcher sent this user agent, or null when it is not one.
 * Pure and uncached; `classifyAgent` memoises it.
 */
export function matchPreviewFetcher(userAgent: string): PreviewMatch | null {
  const ua = userAgent.trim();
  if (ua === '' || !QUICK.test(ua)) return null;
  for (const rule of RULES) {
    if (rule.test.test(ua)) return { platform: rule.platform, name: rule.name };
  }
  return null;
}
