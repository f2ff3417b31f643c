// The stable identifiers of DESIGN §2: platforms, channels and event types, shared by every module.

export const PLATFORMS = [
  'whatsapp', 'signal', 'telegram', 'discord', 'messenger', 'imessage', 'slack', 'teams', 'skype', 'viber',
  'line', 'wechat', 'snapchat', 'kakaotalk', 'zalo', 'element', 'mastodon', 'email', 'sms', 'facebook',
  'instagram', 'linkedin', 'x', 'reddit', 'pinterest', 'tiktok', 'youtube', 'google-chat', 'other', 'unknown',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CHANNELS = ['dark_social', 'social', 'search', 'email', 'referral', 'paid', 'direct', 'internal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** `goal` (custom events from `lantern.track`) extends DESIGN §2's list; see the README changelog. */
export const EVENT_TYPES = ['click', 'preview', 'pageview', 'share', 'copy', 'conversion', 'join', 'bot', 'goal'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DEVICES = ['desktop', 'mobile', 'tablet', 'tv', 'console', 'bot', 'unknown'] as const;
export type Device = (typeof DEVICES)[number];

/** Event types that count as people's visits in stats. */
export const VISIT_TYPES: readonly EventType[] = ['click', 'pageview'];
/** Event types that count as shares in stats. */
export const SHARE_TYPES: readonly EventType[] = ['preview', 'share'];
