// Input and output of the request classifier: who is asking (person, preview fetcher, bot) and from where.
import type { Channel, Device, Platform } from '../vocabulary.js';

export type Kind = 'person' | 'preview' | 'bot';

/** What the user agent alone says; cacheable per user-agent string. */
export interface AgentInfo {
  kind: Kind;
  /** For previews: the chat app fetching the card. For people in an in-app browser: that app. Else 'unknown'. */
  platform: Platform;
  /** The app whose in-app browser this is, if any. */
  inApp: Platform | null;
  device: Device;
  browser: string | null;
  os: string | null;
  /** Which rule matched, for debugging (e.g. 'preview:whatsapp', 'bot:isbot', 'inapp:ua-marker'). */
  reason: string;
}

export interface ClassifyInput {
  userAgent: string;
  /** Referer header or document.referrer; '' or undefined when absent. */
  referrer?: string;
  /** The requested URL: absolute, or path + query. */
  url?: string;
  /** Selected request headers, lower-case names: sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform, sec-gpc, dnt. */
  headers?: Record<string, string | undefined>;
  /** Hints the tracker reports that the user agent cannot carry. */
  hints?: { telegramWebview?: boolean; webShare?: boolean };
  /** Hosts that belong to the site itself (referrals from them are 'internal'). */
  ownHosts?: readonly string[];
  /** True for a tracked short link (a click on it is never a 'direct' typed visit). */
  trackedLink?: boolean;
}

export interface Classification extends AgentInfo {
  channel: Channel;
  /** Referrer host, lower-case, without 'www.'; null when absent. */
  referrerHost: string | null;
  /** Which channel rule decided, for debugging (e.g. 'utm_medium', 'referrer:search', 'no-referrer:deep-page'). */
  channelReason: string;
}

/** What a referrer (or a campaign tag) says about where a visit came from. */
export interface ChannelHint {
  channel: Channel;
  /** The app or network named by it; 'unknown' when it names none (a search engine, a plain website). */
  platform: Platform;
  /** Which rule matched, e.g. 'referrer:search', 'utm_source', 'click-id:gclid'. */
  reason: string;
}

/** A referrer, read: its host and, when it is recognised or absent, what it says. */
export interface ReferrerInfo {
  /** Lower-case host without 'www.' (the package name for android-app:// referrers); null when absent or unreadable. */
  host: string | null;
  /** null when there is no usable referrer. */
  hint: ChannelHint | null;
}
