// Human names for the stable identifiers of DESIGN §2: platforms, channels, countries, event types.

const PLATFORM_NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp', signal: 'Signal', telegram: 'Telegram', discord: 'Discord', messenger: 'Messenger',
  imessage: 'iMessage', slack: 'Slack', teams: 'Teams', skype: 'Skype', viber: 'Viber', line: 'LINE',
  wechat: 'WeChat', snapchat: 'Snapchat', kakaotalk: 'KakaoTalk', zalo: 'Zalo', element: 'Element',
  mastodon: 'Mastodon', email: 'Email', sms: 'SMS', facebook: 'Facebook', instagram: 'Instagram',
  linkedin: 'LinkedIn', x: 'X', reddit: 'Reddit', pinterest: 'Pinterest', tiktok: 'TikTok', youtube: 'YouTube',
  'google-chat': 'Google Chat', other: 'Other', unknown: 'Unknown',
};

export const PLATFORM_IDS = Object.keys(PLATFORM_NAMES);

const CHANNEL_NAMES: Record<string, string> = {
  dark_social: 'Dark social', social: 'Social', search: 'Search', email: 'Email campaigns', referral: 'Referral',
  paid: 'Paid', direct: 'Direct', internal: 'Internal',
};

export const CHANNEL_IDS = Object.keys(CHANNEL_NAMES);

const EVENT_NAMES: Record<string, string> = {
  click: 'Click', preview: 'Preview fetch', pageview: 'Page view', share: 'Share', copy: 'Copy',
  conversion: 'Conversion', join: 'Community join', bot: 'Bot',
};

export function platformName(id: string | null | undefined): string {
  if (!id) return 'Unknown';
  return PLATFORM_NAMES[id] ?? id;
}

export function channelName(id: string | null | undefined): string {
  if (!id) return 'Unknown';
  return CHANNEL_NAMES[id] ?? id;
}

export function eventTypeName(id: string | null | undefined): string {
  if (!id) return 'Event';
  return EVENT_NAMES[id] ?? id;
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "DE" → "Germany"; unknown or missing codes read "Unknown". */
export function countryName(code: string | null | undefined): string {
  if (!code || code === 'unknown' || code === 'XX' || code === 'ZZ') return 'Unknown';
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(undefined, { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
