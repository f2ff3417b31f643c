// Who the demo's simulated people are and how they behave: devices, organic sources, platforms' sharing dynamics, rhythms.
import type { Channel, Device, Platform } from '../vocabulary.js';
import type { Rng } from './random.js';

/** Durations in ms. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The audience mostly lives in Central European time: its rhythms are computed at UTC+1. */
const LOCAL_OFFSET = 1 * HOUR;
// Relative activity per local hour of the day, and per day of the week (0 = Sunday).
const HOUR_WEIGHTS = [0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1, 1, 1.1, 1.35, 1.2, 1, 1, 1.05, 1.15, 1.3, 1.5, 1.65, 1.5, 1.1, 0.6];
const DAY_WEIGHTS = [1.15, 0.9, 0.95, 1, 1, 1.05, 1.2];
const HOURS: [number, number][] = HOUR_WEIGHTS.map((w, h) => [h, w]);

/** Activity factor of the day containing `ts` (ms): around 1, higher at weekends. */
export function dayFactor(ts: number): number {
  return DAY_WEIGHTS[new Date(ts + LOCAL_OFFSET).getUTCDay()];
}

/** A time in the local day starting at `dayStart` (ms, UTC midnight), drawn by the hourly rhythm. */
export function timeInDay(rng: Rng, dayStart: number): number {
  const hour = rng.weighted(HOURS);
  return dayStart - LOCAL_OFFSET + hour * HOUR + Math.floor(rng.next() * HOUR);
}

/** Most people do not act at night: a time between 1:00 and 7:00 local usually moves to the morning. */
export function deferNight(rng: Rng, ts: number): number {
  const localHour = new Date(ts + LOCAL_OFFSET).getUTCHours();
  if (localHour < 1 || localHour >= 7 || rng.chance(0.15)) return ts;
  const localMidnight = Math.floor((ts + LOCAL_OFFSET) / DAY) * DAY - LOCAL_OFFSET;
  return localMidnight + 7 * HOUR + Math.floor(rng.exponential(70 * MINUTE));
}

/** How sharing behaves on one platform. Delays are log-normal: median in minutes, spread `sigma`. */
export interface PlatformDynamics {
  /** Mean reshares per visit that came from this platform, before the decay with depth. */
  reshare: number;
  /** Visits a share into this platform brings. Discord is bursty: usually a few, sometimes a crowd. */
  fanout: (rng: Rng) => number;
  shareDelay: number;
  clickDelay: number;
  sigma: number;
  /** Where people who came from this platform share next. */
  next: readonly (readonly [Platform, number])[];
  /** Country of the preview fetcher's servers; null: the sharer's own phone fetches it. */
  fetcherCountry: string | null;
}

const dyn = (d: PlatformDynamics) => d;
/** Each platform's sharing behaviour: WhatsApp groups fan out widely, email barely, Discord in bursts. */
export const DYNAMICS: Partial<Record<Platform, PlatformDynamics>> = {
  whatsapp: dyn({ reshare: 0.24, fanout: (r) => 1 + r.poisson(2.2), shareDelay: 25, clickDelay: 14, sigma: 1.3, fetcherCountry: null,
    next: [['whatsapp', 80], ['signal', 5], ['imessage', 5], ['telegram', 4], ['email', 3], ['messenger', 3]] }),
  signal: dyn({ reshare: 0.25, fanout: (r) => 1 + r.poisson(1.1), shareDelay: 35, clickDelay: 20, sigma: 1.2, fetcherCountry: null,
    next: [['signal', 70], ['whatsapp', 20], ['email', 10]] }),
  telegram: dyn({ reshare: 0.15, fanout: (r) => 1 + r.poisson(2.8), shareDelay: 45, clickDelay: 35, sigma: 1.3, fetcherCountry: 'NL',
    next: [['telegram', 75], ['whatsapp', 20], ['discord', 5]] }),
  discord: dyn({ reshare: 0.2, fanout: (r) => (r.chance(0.88) ? r.poisson(1.6) : 5 + r.poisson(11)), shareDelay: 10, clickDelay: 7, sigma: 1.6,
    fetcherCountry: 'US', next: [['discord', 80], ['x', 8], ['reddit', 6], ['whatsapp', 6]] }),
  email: dyn({ reshare: 0.08, fanout: (r) => 1 + r.poisson(0.3), shareDelay: 360, clickDelay: 180, sigma: 1.3, fetcherCountry: null,
    next: [['email', 70], ['whatsapp', 25], ['slack', 5]] }),
  imessage: dyn({ reshare: 0.2, fanout: (r) => 1 + r.poisson(0.8), shareDelay: 30, clickDelay: 15, sigma: 1.2, fetcherCountry: null,
    next: [['imessage', 70], ['whatsapp', 30]] }),
  messenger: dyn({ reshare: 0.15, fanout: (r) => 1 + r.poisson(1), shareDelay: 30, clickDelay: 20, sigma: 1.2, fetcherCountry: 'US',
    next: [['messenger', 60], ['whatsapp', 40]] }),
  slack: dyn({ reshare: 0.1, fanout: (r) => 1 + r.poisson(1.5), shareDelay: 60, clickDelay: 25, sigma: 1.2, fetcherCountry: 'US', next: [['slack', 100]] }),
  instagram: dyn({ reshare: 0.06, fanout: (r) => 1 + r.poisson(1), shareDelay: 60, clickDelay: 45, sigma: 1.4, fetcherCountry: 'US', next: [['whatsapp', 60], ['instagram', 40]] }),
  facebook: dyn({ reshare: 0.06, fanout: (r) => 1 + r.poisson(1.5), shareDelay: 60, clickDelay: 60, sigma: 1.4, fetcherCountry: 'US', next: [['messenger', 50], ['facebook', 50]] }),
  x: dyn({ reshare: 0.08, fanout: (r) => r.poisson(3), shareDelay: 20, clickDelay: 10, sigma: 1.5, fetcherCountry: 'US', next: [['x', 60], ['discord', 40]] }),
  reddit: dyn({ reshare: 0.05, fanout: (r) => r.poisson(4), shareDelay: 60, clickDelay: 40, sigma: 1.5, fetcherCountry: 'US', next: [['reddit', 50], ['discord', 50]] }),
};

/** The dynamics of a platform, WhatsApp's for any platform without its own. */
export function dynamicsOf(platform: Platform): PlatformDynamics {
  return DYNAMICS[platform] ?? DYNAMICS.whatsapp!;
}

/** What a visit's device reports (no user agent is kept). */
export interface DeviceProfile { device: Device; browser: string; os: string }
const DEVICES: readonly (readonly [DeviceProfile, number])[] = [
  [{ device: 'mobile', browser: 'Safari', os: 'iOS' }, 30],
  [{ device: 'mobile', browser: 'Chrome', os: 'Android' }, 27],
  [{ device: 'mobile', browser: 'Samsung Internet', os: 'Android' }, 5],
  [{ device: 'desktop', browser: 'Chrome', os: 'Windows' }, 13],
  [{ device: 'desktop', browser: 'Chrome', os: 'macOS' }, 6],
  [{ device: 'desktop', browser: 'Safari', os: 'macOS' }, 7],
  [{ device: 'desktop', browser: 'Firefox', os: 'Windows' }, 3],
  [{ device: 'desktop', browser: 'Microsoft Edge', os: 'Windows' }, 4],
  [{ device: 'tablet', browser: 'Safari', os: 'iPadOS' }, 3],
  [{ device: 'desktop', browser: 'Firefox', os: 'Linux' }, 1],
];
const DESKTOP_HEAVY = DEVICES.map(([p, w]) => [p, p.device === 'desktop' ? w * 3 : w] as const);

/** A device, browser and OS; `desktopHeavy` for audiences reading at work (email, Slack). */
export function pickDevice(rng: Rng, desktopHeavy = false): DeviceProfile {
  return rng.weighted(desktopHeavy ? DESKTOP_HEAVY : DEVICES);
}

/** Apps whose in-app browser announces itself, and how often people open links in it rather than the browser. */
export const IN_APP_SHARE: Partial<Record<Platform, number>> = { telegram: 0.45, instagram: 0.8, facebook: 0.7, messenger: 0.6, discord: 0.15 };

/** Where organic (untracked) site visits come from: channel, platform, referrer host and landing paths. */
export interface OrganicSource { channel: Channel; platform: Platform; referrerHost: string | null; paths: readonly string[]; inApp?: Platform }
const PRODUCT_PAGES = ['/products/amber-and-cedar', '/products/fig-leaf-candle', '/products/lyon-silk-diffuser', '/collections/gift-sets', '/collections/autumn'];
const JOURNAL = ['/journal/autumn-rituals', '/journal/how-we-pour-our-candles', '/journal/caring-for-a-wooden-wick'];
export const ORGANIC_SOURCES: readonly (readonly [OrganicSource, number])[] = [
  [{ channel: 'search', platform: 'unknown', referrerHost: 'google.com', paths: [...PRODUCT_PAGES, ...JOURNAL, '/'] }, 30],
  [{ channel: 'search', platform: 'unknown', referrerHost: 'bing.com', paths: PRODUCT_PAGES }, 3],
  [{ channel: 'search', platform: 'unknown', referrerHost: 'duckduckgo.com', paths: [...PRODUCT_PAGES, ...JOURNAL] }, 2],
  [{ channel: 'search', platform: 'unknown', referrerHost: 'chatgpt.com', paths: JOURNAL }, 1],
  [{ channel: 'social', platform: 'instagram', referrerHost: 'l.instagram.com', paths: ['/collections/autumn', '/'], inApp: 'instagram' }, 8],
  [{ channel: 'social', platform: 'facebook', referrerHost: 'l.facebook.com', paths: ['/collections/autumn', '/journal/autumn-rituals'], inApp: 'facebook' }, 4],
  [{ channel: 'social', platform: 'pinterest', referrerHost: 'pinterest.com', paths: PRODUCT_PAGES }, 4],
  [{ channel: 'social', platform: 'reddit', referrerHost: 'reddit.com', paths: JOURNAL }, 1],
  [{ channel: 'social', platform: 'x', referrerHost: 't.co', paths: ['/drops/autumn'] }, 1],
  [{ channel: 'referral', platform: 'unknown', referrerHost: 'marieclaire.fr', paths: ['/products/fig-leaf-candle', '/collections/gift-sets'] }, 3],
  [{ channel: 'referral', platform: 'unknown', referrerHost: 'lyon-city-guide.example', paths: ['/events/lyon-pop-up'] }, 2],
  [{ channel: 'direct', platform: 'unknown', referrerHost: null, paths: ['/', '/collections/autumn'] }, 18],
  // Deep pages reached with no referrer: links pasted into chats that no one tagged, which Lantern files as dark social.
  [{ channel: 'dark_social', platform: 'unknown', referrerHost: null, paths: [...PRODUCT_PAGES, '/drops/autumn', '/journal/autumn-rituals'] }, 17],
  [{ channel: 'dark_social', platform: 'email', referrerHost: 'mail.google.com', paths: ['/drops/autumn', '/journal/autumn-rituals'] }, 4],
];

/** Automated agents that follow tracked links (stored as `bot`, never counted as people). */
export const BOT_COUNTRIES: readonly (readonly [string, number])[] = [['US', 60], ['DE', 15], ['FR', 10], ['NL', 10], ['SG', 5]];
