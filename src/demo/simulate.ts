// Simulates a month of a brand's dark-social activity, deterministically from a seed: the demo's data, tests' and benches'.
import { BOT_COUNTRIES, DAY, dayFactor, deferNight, dynamicsOf, HOUR, MINUTE, ORGANIC_SOURCES, timeInDay } from './demo-audience.js';
import { CascadeSimulator, type DemoEvent } from './demo-cascade.js';
import {
  AMBASSADORS, COMMUNITIES, demoCampaigns, LINKS, POSTING, SITE,
  type DemoAmbassador, type DemoCampaign, type DemoCommunity, type DemoLink, type DemoSite, type PostingPlan,
} from './demo-world.js';
import { Rng } from './random.js';

export type { DemoEvent } from './demo-cascade.js';
export type { DemoAmbassador, DemoCampaign, DemoCommunity, DemoLink, DemoSite } from './demo-world.js';

export interface SimulateOptions {
  /** Same seed, same month. Default 42. */
  seed?: number;
  /** Start and end of the month, ms UTC (events fall in [start, end)). */
  start: number;
  end: number;
  /** Multiplies the volume (posts, organic visits, bots, the spike); 1 gives about 20-40 thousand events a month. */
  scale?: number;
}

/** The simulated month: the resources to create, then events whose id fields hold those resources' `key`s. */
export interface DemoMonth {
  seed: number; start: number; end: number; scale: number;
  site: DemoSite; communities: readonly DemoCommunity[]; ambassadors: readonly DemoAmbassador[]; campaigns: DemoCampaign[];
  links: readonly DemoLink[];
  /** Sorted by time. */
  events: DemoEvent[];
  /** The bad-buzz burst on the Discord community: community and link keys and its window (ms). */
  spike: { community: string; link: string; from: number; to: number };
}

const ORGANIC_PER_DAY = 230;
const BOTS_PER_DAY = 20;
const SPIKE_SHARES = 90;
const SPIKE_HOURS = 4;
/** Chance that a visit from a link's post ends in an order; organic visits and the bad buzz convert less. */
const CONVERSION_RATES: Record<string, number> = {
  'vip-drop': 0.06, camille: 0.05, newsletter: 0.035, 'signal-preview': 0.04, 'lyon-popup': 0.03, ines: 0.04, 'discord-launch': 0.015, jonas: 0.025,
};
const ORGANIC_COUNTRIES: [string, number][] = [
  ['FR', 45], ['US', 10], ['DE', 8], ['GB', 7], ['ES', 6], ['BE', 5], ['CH', 4], ['IT', 4], ['BR', 4], ['CA', 3], ['NL', 3], ['PL', 1],
];

/**
 * Simulates `start`..`end` for the demo brand: posts of tracked links into communities, the share cascades they set
 * off (a branching process with each platform's fan-out and delays), organic site traffic, bots, joins on invite links,
 * orders with promo codes, and a bad-buzz spike on the Discord community 2 days before `end`. Pure: no clock, no I/O;
 * tokens and visitor hashes are random placeholders from the seeded generator.
 * @throws RangeError when `end` is not after `start` or `scale` is not positive.
 */
export function simulateMonth(options: SimulateOptions): DemoMonth {
  const { start, end } = options;
  const seed = options.seed ?? 42;
  const scale = options.scale ?? 1;
  if (!(end > start)) throw new RangeError(`end (${end}) must be after start (${start})`);
  if (!(scale > 0)) throw new RangeError(`scale must be positive, got ${scale}`);
  const rng = new Rng(seed);
  const sim = new CascadeSimulator(rng, start, end);
  const links = new Map(LINKS.map((l) => [l.key, l]));
  const communities = new Map(COMMUNITIES.map((c) => [c.key, c]));
  const trend = (t: number) => 0.85 + 0.3 * ((t - start) / (end - start));

  const firstDay = Math.floor(start / DAY) * DAY;
  for (let day = firstDay; day < end; day += DAY) {
    const busy = dayFactor(day + 12 * HOUR) * trend(day);
    for (const plan of POSTING) simulatePosts(sim, rng, plan, links.get(plan.link)!, communities, day, busy * scale);
    simulateOrganic(sim, rng, day, ORGANIC_PER_DAY * busy * scale);
    simulateBots(sim, rng, day, BOTS_PER_DAY * scale);
  }
  const spike = simulateSpike(sim, rng, end, scale, links.get('discord-launch')!);

  const order = sim.events.map((e, i) => [e, i] as const).sort((a, b) => a[0].ts - b[0].ts || a[1] - b[1]);
  return {
    seed, start, end, scale, site: SITE, communities: COMMUNITIES, ambassadors: AMBASSADORS, campaigns: demoCampaigns(start, end), links: LINKS,
    events: order.map(([e]) => e), spike,
  };
}

/** A link posted into its community (or a network, for invites): a preview fetch, then members clicking over hours. */
function simulatePosts(sim: CascadeSimulator, rng: Rng, plan: PostingPlan, link: DemoLink, communities: Map<string, DemoCommunity>, day: number, busy: number): void {
  const home = communities.get(link.community ?? '')?.home ?? ORGANIC_COUNTRIES;
  const weekly = plan.weekday !== undefined;
  if (weekly && new Date(day).getUTCDay() !== plan.weekday) return;
  const posts = weekly ? 1 : rng.poisson((plan.perWeek / 7) * busy);
  const dyn = dynamicsOf(plan.platform);
  for (let p = 0; p < posts; p++) {
    const at = weekly ? day + (plan.hourUtc ?? 9) * HOUR + rng.int(0, 10) * MINUTE : timeInDay(rng, day);
    // Email clients and Instagram bios fetch no link previews: nothing shows the post itself.
    if (plan.platform !== 'email' && plan.platform !== 'instagram') sim.emitPreview(link, at, plan.platform, null, rng.weighted(home));
    const clicks = rng.poisson(plan.clicksPerPost * (weekly ? busy : 1));
    for (let c = 0; c < clicks; c++) {
      const ts = deferNight(rng, at + Math.floor(rng.logNormal(dyn.clickDelay * MINUTE, dyn.sigma)));
      sim.clickLink(link, {
        ts, parent: null, platform: plan.platform, depth: 0, country: rng.weighted(home), rootLink: link,
        channel: plan.platform === 'email' ? 'email' : undefined, conversionRate: CONVERSION_RATES[link.key] ?? 0.02,
      });
    }
  }
}

/** Untracked visits: search, social networks, referrals, typed addresses and pasted deep links (dark social). */
function simulateOrganic(sim: CascadeSimulator, rng: Rng, day: number, mean: number): void {
  const visits = rng.poisson(mean);
  for (let i = 0; i < visits; i++) {
    const source = rng.weighted(ORGANIC_SOURCES);
    const inApp = source.inApp && rng.chance(0.7) ? source.inApp : null;
    sim.visitSite({
      ts: timeInDay(rng, day), parent: null, platform: source.platform, channel: source.channel, referrerHost: source.referrerHost, inApp,
      path: rng.pick(source.paths), depth: 0, country: rng.weighted(ORGANIC_COUNTRIES), rootLink: null, conversionRate: 0.012, shareBoost: 0.5,
    });
  }
}

/** Crawlers, link checkers and scripts following tracked links: stored as `bot`, never counted as people. */
function simulateBots(sim: CascadeSimulator, rng: Rng, day: number, mean: number): void {
  const links = LINKS.filter((l) => l.kind === 'link');
  const hits = rng.poisson(mean);
  for (let i = 0; i < hits; i++) {
    const link = rng.pick(links);
    sim.emit({
      ts: day + Math.floor(rng.next() * DAY), type: 'bot', linkId: link.key, communityId: link.community, ambassadorId: link.ambassador,
      campaignId: link.campaign, device: 'bot', country: rng.weighted(BOT_COUNTRIES),
    });
  }
}

/**
 * A bad buzz: the launch post is reposted all over the Discord server and beyond, for a few hours starting at
 * 17:00 UTC two days before `end`. Crowds click, share into Discord again, and almost nobody buys.
 */
function simulateSpike(sim: CascadeSimulator, rng: Rng, end: number, scale: number, link: DemoLink): DemoMonth['spike'] {
  const from = Math.floor((end - 2 * DAY) / DAY) * DAY + 17 * HOUR;
  const to = from + SPIKE_HOURS * HOUR;
  const shares = rng.poisson(SPIKE_SHARES * scale);
  const discord = dynamicsOf('discord');
  for (let i = 0; i < shares; i++) {
    // Triangular arrival: the outrage builds for about an hour, then fades.
    const u = rng.next();
    const peak = 0.3;
    const x = u < peak ? Math.sqrt(u * peak) : 1 - Math.sqrt((1 - u) * (1 - peak));
    const at = from + Math.floor(x * SPIKE_HOURS * HOUR);
    // Members repost the raw link (no token) into other channels; each repost draws a crowd within minutes.
    sim.emitPreview(link, at, 'discord', null, 'US');
    const clicks = 2 + discord.fanout(rng);
    for (let c = 0; c < clicks; c++) {
      sim.clickLink(link, {
        ts: at + Math.floor(rng.logNormal(3 * MINUTE, 1)), parent: null, platform: 'discord', depth: 0, country: rng.weighted(ORGANIC_COUNTRIES),
        rootLink: link, conversionRate: 0.002, shareBoost: 2,
      });
    }
  }
  return { community: link.community!, link: link.key, from, to };
}
