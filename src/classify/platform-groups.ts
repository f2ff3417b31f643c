// Which platforms are private messaging (a share there is dark social) and which are public social networks.
import type { Channel, Platform } from '../vocabulary.js';

/** Platforms where people talk privately: visits and previews from them are dark social. */
export const MESSAGING_PLATFORMS: ReadonlySet<Platform> = new Set<Platform>([
  'whatsapp', 'signal', 'telegram', 'discord', 'messenger', 'imessage', 'slack', 'teams', 'skype', 'viber', 'line',
  'wechat', 'snapchat', 'kakaotalk', 'zalo', 'element', 'email', 'sms', 'google-chat',
]);

/** Public social networks: visits and previews from them are social. */
export const SOCIAL_PLATFORMS: ReadonlySet<Platform> = new Set<Platform>([
  'facebook', 'instagram', 'linkedin', 'x', 'reddit', 'pinterest', 'tiktok', 'youtube', 'mastodon',
]);

/** True when the platform is private messaging (including person-to-person email and SMS). */
export function isMessagingPlatform(platform: Platform): boolean {
  return MESSAGING_PLATFORMS.has(platform);
}

/** The channel a share into, or a visit from, this platform belongs to: dark_social for messengers, else social. */
export function channelOfPlatform(platform: Platform): Channel {
  return MESSAGING_PLATFORMS.has(platform) ? 'dark_social' : 'social';
}
