// The demo brand's world: its site, communities, ambassadors, campaigns and tracked links, keyed by stable names.
import type { Platform } from '../vocabulary.js';

/** A community of the demo; `key` stands in for its id until run-demo creates it. */
export interface DemoCommunity {
  key: string; name: string; platform: Platform; region: string | null; members: number; inviteUrl: string | null; tags: string[];
  /** Country codes its members mostly live in. */
  home: readonly (readonly [string, number])[];
}
/** An ambassador: a member who shares the brand's links and has a promo code of their own. */
export interface DemoAmbassador { key: string; name: string; community: string | null; contact: string; promoCode: string }
/** A campaign the links belong to. */
export interface DemoCampaign { key: string; name: string; goal: string; startsAt: number | null; endsAt: number | null }
/** A link input; `community`, `ambassador` and `campaign` hold keys of the objects above. */
export interface DemoLink {
  key: string; slug: string; kind: 'link' | 'invite'; url: string; title: string; description: string | null;
  community: string | null; ambassador: string | null; campaign: string | null; tags: string[];
}
/** The brand's shop, where the tracker records page views, shares and orders. */
export interface DemoSite { key: string; domain: string; name: string }

/** How a link gets posted: times a week, people reached per post, and the platform it is posted into. */
export interface PostingPlan { link: string; platform: Platform; perWeek: number; clicksPerPost: number; weekday?: number; hourUtc?: number }

/** The demo brand's site (a reserved example domain). */
export const SITE: DemoSite = { key: 'site', domain: 'shop.example', name: 'Maison Lumière shop' };
const SHOP = `https://${SITE.domain}`;

const FR: [string, number][] = [['FR', 80], ['BE', 8], ['CH', 5], ['CA', 3], ['GB', 2], ['DE', 2]];
const WORLD: [string, number][] = [['US', 28], ['FR', 18], ['DE', 12], ['GB', 12], ['BR', 8], ['ES', 6], ['CA', 5], ['NL', 4], ['IT', 4], ['PL', 3]];

/** The brand's communities: one per platform, from a 64-member Signal group to a 5,200-reader newsletter. */
export const COMMUNITIES: readonly DemoCommunity[] = [
  { key: 'vip', name: 'VIP WhatsApp group', platform: 'whatsapp', region: 'FR', members: 240, inviteUrl: 'https://chat.whatsapp.com/Gq7DemoVipLumiere01', tags: ['vip'], home: FR },
  { key: 'discord', name: 'Discord launch server', platform: 'discord', region: null, members: 1850, inviteUrl: 'https://discord.gg/lumieredemo', tags: ['launch'], home: WORLD },
  { key: 'signal', name: 'Signal insiders', platform: 'signal', region: 'EU', members: 64, inviteUrl: 'https://signal.group/#CjQKIDemoInsiders', tags: ['insiders'],
    home: [['FR', 40], ['DE', 35], ['NL', 10], ['CH', 10], ['GB', 5]] },
  { key: 'lyon', name: 'Lyon Telegram group', platform: 'telegram', region: 'FR-ARA', members: 420, inviteUrl: 'https://t.me/+LumiereLyonDemo', tags: ['local'],
    home: [['FR', 92], ['CH', 5], ['BE', 3]] },
  { key: 'newsletter', name: 'Weekly newsletter', platform: 'email', region: null, members: 5200, inviteUrl: `${SHOP}/newsletter/subscribe`, tags: ['owned'],
    home: [['FR', 55], ['BE', 8], ['CH', 6], ['US', 8], ['GB', 6], ['DE', 6], ['ES', 6], ['BR', 5]] },
];

/** Five ambassadors; Lucas and Maya have no personal link and are credited through their promo codes only. */
export const AMBASSADORS: readonly DemoAmbassador[] = [
  { key: 'camille', name: 'Camille Martin', community: 'vip', contact: 'camille@creators.example', promoCode: 'CAMILLE10' },
  { key: 'jonas', name: 'Jonas Weber', community: 'discord', contact: 'jonas#4021', promoCode: 'JONAS15' },
  { key: 'ines', name: 'Inès Haddad', community: 'lyon', contact: '@ines_lyon', promoCode: 'INES10' },
  { key: 'lucas', name: 'Lucas Ferreira', community: 'signal', contact: 'lucas@creators.example', promoCode: 'LUCAS10' },
  { key: 'maya', name: 'Maya Collins', community: 'newsletter', contact: 'maya@creators.example', promoCode: 'MAYA20' },
];

/** Campaign windows are set from the simulated month by `demoCampaigns`. */
export function demoCampaigns(start: number, end: number): DemoCampaign[] {
  return [
    { key: 'autumn', name: 'Autumn drop', goal: 'sell out the autumn candle collection', startsAt: start, endsAt: end },
    { key: 'ambassadors', name: 'Ambassador programme', goal: 'grow sales through community ambassadors', startsAt: start, endsAt: null },
  ];
}

function link(key: string, slug: string, path: string, title: string, refs: Partial<Pick<DemoLink, 'community' | 'ambassador' | 'campaign'>>, tags: string[] = []): DemoLink {
  return { key, slug, kind: 'link', url: `${SHOP}${path}`, title, description: null, community: null, ambassador: null, campaign: 'autumn', tags, ...refs };
}
function invite(c: DemoCommunity): DemoLink {
  return { key: `${c.key}-invite`, slug: `join-${c.key}`, kind: 'invite', url: c.inviteUrl ?? SHOP, title: `Join the ${c.name}`, description: null, community: c.key, ambassador: null, campaign: null, tags: ['invite'] };
}

/** Thirteen tracked links: one per community, three ambassadors' own, and an invite link per community. */
export const LINKS: readonly DemoLink[] = [
  link('vip-drop', 'vip-drop', '/drops/autumn?early=vip', 'Autumn drop: early access for the VIP group', { community: 'vip' }, ['drop']),
  link('discord-launch', 'launch', '/drops/autumn', 'The autumn collection is live', { community: 'discord' }, ['drop']),
  link('signal-preview', 'insiders', '/products/amber-and-cedar', 'Amber & Cedar: first pour for insiders', { community: 'signal' }),
  link('lyon-popup', 'lyon-popup', '/events/lyon-pop-up', 'Pop-up store in Lyon, Saturday', { community: 'lyon' }, ['event']),
  link('newsletter', 'letter', '/journal/autumn-rituals?utm_source=newsletter&utm_medium=email', 'Autumn rituals (newsletter)', { community: 'newsletter' }),
  link('camille', 'camille', '/products/fig-leaf-candle', "Camille's favourite: Fig Leaf", { community: 'vip', ambassador: 'camille', campaign: 'ambassadors' }),
  link('jonas', 'jonas', '/collections/gift-sets', "Jonas' gift sets", { community: 'discord', ambassador: 'jonas', campaign: 'ambassadors' }),
  link('ines', 'ines', '/products/lyon-silk-diffuser', 'Le diffuseur Soie de Lyon', { community: 'lyon', ambassador: 'ines', campaign: 'ambassadors' }),
  ...COMMUNITIES.map(invite),
];

/** How often each link is posted and how many people a post reaches, before seasonality and scale. */
export const POSTING: readonly PostingPlan[] = [
  { link: 'vip-drop', platform: 'whatsapp', perWeek: 4, clicksPerPost: 38 },
  { link: 'discord-launch', platform: 'discord', perWeek: 10, clicksPerPost: 18 },
  { link: 'signal-preview', platform: 'signal', perWeek: 3, clicksPerPost: 12 },
  { link: 'lyon-popup', platform: 'telegram', perWeek: 5, clicksPerPost: 22 },
  { link: 'newsletter', platform: 'email', perWeek: 1, clicksPerPost: 230, weekday: 2, hourUtc: 8 },
  { link: 'camille', platform: 'whatsapp', perWeek: 5, clicksPerPost: 14 },
  { link: 'jonas', platform: 'discord', perWeek: 6, clicksPerPost: 12 },
  { link: 'ines', platform: 'telegram', perWeek: 4, clicksPerPost: 12 },
  { link: 'vip-invite', platform: 'instagram', perWeek: 4, clicksPerPost: 9 },
  { link: 'discord-invite', platform: 'x', perWeek: 6, clicksPerPost: 10 },
  { link: 'signal-invite', platform: 'whatsapp', perWeek: 2, clicksPerPost: 3 },
  { link: 'lyon-invite', platform: 'facebook', perWeek: 3, clicksPerPost: 7 },
  { link: 'newsletter-invite', platform: 'whatsapp', perWeek: 3, clicksPerPost: 4 },
];

/** Promo codes anyone may type (not tied to an ambassador). */
export const COMMUNITY_CODES: Readonly<Record<string, string>> = { vip: 'VIP20', lyon: 'LYON15' };
export const GENERIC_CODE = 'WELCOME10';
