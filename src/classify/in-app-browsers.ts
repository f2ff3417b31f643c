// In-app browsers: the token each app adds to its web view's user agent, and the platform it stands for.
import type { Platform } from '../vocabulary.js';

/** A recognised in-app browser (or desktop app built on Electron). */
export interface InAppMatch {
  platform: Platform;
  /** Short rule name, used in `reason` ('inapp:<name>'). */
  name: string;
}

interface InAppRule extends InAppMatch {
  test: RegExp;
}

// Order matters: Messenger and Instagram before Facebook (they share Meta's FBAN/FB_IAB tokens on some builds);
// WeChat's "MicroMessenger" must never be read as Messenger. Telegram's own in-app browser adds no token (the
// tracker reports a hint instead); "Telegram-Android/" is only sent by its mini-app web views.
const RULES: readonly InAppRule[] = [
  { name: 'messenger', platform: 'messenger', test: /\bFBAN\/(?:Orca|Messenger)|\bMessenger(?:Lite)?ForiOS\b|\bFB_IAB\/(?:Orca|MESSENGER)/ },
  { name: 'instagram', platform: 'instagram', test: /\bInstagram \d/ },
  { name: 'threads', platform: 'other', test: /\bBarcelona \d/ },
  { name: 'facebook', platform: 'facebook', test: /\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFBIOS\b/ },
  { name: 'whatsapp', platform: 'whatsapp', test: /\bWAiOS\/|\bWA4A\/|^Mozilla\/.*\bWhatsApp\/\d/ },
  { name: 'wechat', platform: 'wechat', test: /\bMicroMessenger\/|\bwxwork\// },
  { name: 'line', platform: 'line', test: /\bLine\/\d/ },
  // Android's Snapchat web view glues the token to the previous one ("Safari/537.36Snapchat10.74.6.0").
  { name: 'snapchat', platform: 'snapchat', test: /Snapchat\/?\d/ },
  { name: 'linkedin', platform: 'linkedin', test: /\bLinkedInApp\b/ },
  { name: 'tiktok', platform: 'tiktok', test: /\bmusical_ly|\bBytedanceWebview\b|\bByteLocale\/|\btrill_\d|\baweme|\bTikTok\b/ },
  { name: 'kakaotalk', platform: 'kakaotalk', test: /\bKAKAOTALK\b/ },
  { name: 'zalo', platform: 'zalo', test: /\bZalo\b/ },
  { name: 'viber', platform: 'viber', test: /^Mozilla\/.*\bViber\b/ },
  { name: 'telegram', platform: 'telegram', test: /\bTelegram-Android\/\d/ },
  // Desktop apps on Electron: the app name and version sit before Chrome/… Electron/…
  { name: 'discord', platform: 'discord', test: /\bdiscord\/\d/ },
  { name: 'slack', platform: 'slack', test: /\bSlack_SSB\/|\bSlack\/[\d.]+ .*\bElectron\// },
  { name: 'teams', platform: 'teams', test: /\bTeams\/[\d.]+ .*\bElectron\// },
  { name: 'element', platform: 'element', test: /\bElement\/[\d.]+ .*\bElectron\// },
  { name: 'pinterest', platform: 'pinterest', test: /\[Pinterest\/(?:iOS|Android)\]|\bPinterest for (?:iOS|Android)/ },
  { name: 'x', platform: 'x', test: /\bTwitter for iP(?:hone|ad)\b|\bTwitterAndroid\b/ },
];

/**
 * Names the app whose in-app browser (or Electron desktop app) sent this user agent, or null.
 * Pure and uncached; `classifyAgent` memoises it.
 */
export function matchInAppBrowser(userAgent: string): InAppMatch | null {
  for (const rule of RULES) {
    if (rule.test.test(userAgent)) return { platform: rule.platform, name: rule.name };
  }
  return null;
}
