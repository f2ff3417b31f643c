// The demo's share mechanics: a visit may convert and may be reshared; each share brings new visits (a branching process).
import { channelOfPlatform } from '../classify/platform-groups.js';
import type { StoredEvent } from '../store/types.js';
import type { Channel, Platform } from '../vocabulary.js';
import { dynamicsOf, deferNight, IN_APP_SHARE, MINUTE, pickDevice, type DeviceProfile } from './demo-audience.js';
import { AMBASSADORS, COMMUNITY_CODES, GENERIC_CODE, SITE, type DemoLink } from './demo-world.js';
import type { Rng } from './random.js';

/** A stored event without id and workspace; `linkId`, `siteId`, `communityId`, … hold the demo's keys, not ids. */
export type DemoEvent = Omit<StoredEvent, 'id' | 'workspaceId'>;

/** One simulated person's visit: a click (and its landing page view) or a page view alone. */
export interface Visit {
  ts: number; depth: number; parent: string | null;
  /** The token a reshare carries: the landing page's when there is one, else the click's. */
  shareToken: string;
  landed: boolean; path: string; platform: Platform; channel: Channel; country: string; device: DeviceProfile;
  inApp: Platform | null; visitor: string;
  /** The link clicked, if any, and the link the cascade started from (for attribution). */
  link: DemoLink | null; rootLink: DemoLink | null;
  /** Chance of buying, and a multiplier on resharing that halves each generation (viral moments). */
  conversionRate: number; shareBoost: number;
}

/** A visit to start: where it comes from and how it behaves; the rest is drawn. */
export interface VisitSeed {
  ts: number; parent: string | null; platform: Platform; depth: number; country: string;
  channel?: Channel; referrerHost?: string | null; inApp?: Platform | null; path?: string;
  rootLink: DemoLink | null; conversionRate: number; shareBoost?: number;
}

const MAX_DEPTH = 12;
const DEPTH_DECAY = 0.85;
const LAND_RATE = 0.82;

function pathOf(url: string): string {
  const at = url.indexOf('/', url.indexOf('//') + 2);
  const path = at === -1 ? '/' : url.slice(at);
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

/** Emits visits, shares and conversions into `events`, dropping any that fall outside [start, end). */
export class CascadeSimulator {
  readonly events: DemoEvent[] = [];
  private orders = 0;

  constructor(private readonly rng: Rng, private readonly start: number, private readonly end: number) {}

  // A visit outside the window starts no cascade (its shares would name a visit the month does not hold).
  private inWindow(ts: number): boolean {
    return ts >= this.start && ts < this.end;
  }

  /** Adds one event (null fields unless given), if it falls inside the month. */
  emit(fields: Pick<DemoEvent, 'ts' | 'type'> & Partial<DemoEvent>): void {
    if (!this.inWindow(fields.ts)) return;
    this.events.push({
      linkId: null, siteId: null, communityId: null, ambassadorId: null, campaignId: null, platform: 'unknown', channel: 'direct',
      token: null, parent: null, visitor: null, country: null, device: null, browser: null, os: null, inApp: null, referrerHost: null,
      path: null, value: null, currency: null, data: null, ...fields,
    });
  }

  /** A share of `link` into `platform` (a preview fetch), by the visit whose token is `token` (null: the brand's own post). */
  emitPreview(link: DemoLink, ts: number, platform: Platform, token: string | null, sharerCountry: string): void {
    const fetcher = dynamicsOf(platform).fetcherCountry;
    this.emit({
      ts, type: 'preview', ...refs(link), platform, channel: channelOfPlatform(platform), token, device: 'bot', country: fetcher ?? sharerCountry,
    });
  }

  /** Someone follows a tracked link (a click, or a join for an invite), then maybe lands, buys and reshares. */
  clickLink(link: DemoLink, seed: VisitSeed): void {
    if (!this.inWindow(seed.ts)) return;
    const rng = this.rng;
    const platform = seed.platform;
    const inApp = seed.inApp !== undefined ? seed.inApp : rng.chance(IN_APP_SHARE[platform] ?? 0) ? platform : null;
    const device = pickDevice(rng, platform === 'email' || platform === 'slack');
    const channel = seed.channel ?? channelOfPlatform(platform);
    const person = {
      platform, channel, country: seed.country, visitor: rng.token(16), device: device.device, browser: device.browser, os: device.os, inApp,
    };
    const token = rng.token();
    if (link.kind === 'invite') {
      this.emit({ ts: seed.ts, type: 'join', ...refs(link), ...person, token, parent: seed.parent });
      return;
    }
    this.emit({ ts: seed.ts, type: 'click', ...refs(link), ...person, token, parent: seed.parent, referrerHost: seed.referrerHost ?? null });
    const landed = rng.chance(LAND_RATE);
    const path = pathOf(link.url);
    let shareToken = token;
    if (landed) {
      shareToken = rng.token();
      this.emit({ ts: seed.ts + 800 + Math.floor(rng.exponential(2500)), type: 'pageview', siteId: SITE.key, ...person, token: shareToken, parent: token, path });
    }
    this.afterVisit({
      ts: seed.ts, depth: seed.depth, parent: seed.parent, shareToken, landed, path, platform, channel, country: seed.country, device, inApp,
      visitor: person.visitor, link, rootLink: seed.rootLink ?? link, conversionRate: seed.conversionRate, shareBoost: seed.shareBoost ?? 1,
    });
  }

  /** A page view on the site with no tracked link: organic traffic, or a page someone pasted into a chat. */
  visitSite(seed: VisitSeed): void {
    if (!this.inWindow(seed.ts)) return;
    const rng = this.rng;
    const device = pickDevice(rng);
    const token = rng.token();
    const v: Visit = {
      ts: seed.ts, depth: seed.depth, parent: seed.parent, shareToken: token, landed: true, path: seed.path ?? '/', platform: seed.platform,
      channel: seed.channel ?? channelOfPlatform(seed.platform), country: seed.country, device, inApp: seed.inApp ?? null, visitor: rng.token(16),
      link: null, rootLink: seed.rootLink, conversionRate: seed.conversionRate, shareBoost: seed.shareBoost ?? 1,
    };
    this.emit({
      ts: v.ts, type: 'pageview', siteId: SITE.key, ...personOf(v), token, parent: seed.parent, referrerHost: seed.referrerHost ?? null, path: v.path,
    });
    this.afterVisit(v);
  }

  private afterVisit(v: Visit): void {
    const rng = this.rng;
    if (v.landed && rng.chance(v.conversionRate)) this.convert(v);
    if (v.depth >= MAX_DEPTH) return;
    const dyn = dynamicsOf(v.platform);
    const shares = rng.poisson(dyn.reshare * v.shareBoost * DEPTH_DECAY ** v.depth);
    for (let i = 0; i < shares; i++) {
      const target = rng.weighted(dyn.next);
      const into = dynamicsOf(target);
      const at = deferNight(rng, v.ts + Math.floor(rng.logNormal(dyn.shareDelay * MINUTE, dyn.sigma)));
      const viaLink = v.link !== null && rng.chance(0.8);
      if (viaLink) this.emitPreview(v.link!, at, target, v.shareToken, v.country);
      else this.emitSiteShare(v, at, target);
      const children = into.fanout(rng);
      for (let c = 0; c < children; c++) {
        const ts = deferNight(rng, at + Math.floor(rng.logNormal(into.clickDelay * MINUTE, into.sigma)));
        const seed: VisitSeed = {
          ts, parent: v.shareToken, platform: target, depth: v.depth + 1, country: rng.chance(0.75) ? v.country : v.country === 'FR' ? 'BE' : 'FR',
          rootLink: v.rootLink, conversionRate: v.conversionRate * 0.9, shareBoost: Math.max(1, v.shareBoost / 2),
        };
        if (viaLink) this.clickLink(v.link!, seed);
        else {
          const inApp = rng.chance(IN_APP_SHARE[target] ?? 0) ? target : null;
          // A pasted page URL arrives with no referrer on a deep page: dark social, from an unknown app unless its browser says.
          this.visitSite({ ...seed, platform: inApp ?? 'unknown', channel: channelOfPlatform(target), inApp, path: v.path });
        }
      }
    }
  }

  /** What the tracker sees of a page shared by hand: a Web Share (with its target), a copy, or nothing at all. */
  private emitSiteShare(v: Visit, ts: number, target: Platform): void {
    const r = this.rng.next();
    if (r >= 0.7 || !v.landed) return;
    const type = r < 0.4 ? 'share' : 'copy';
    this.emit({
      ts, type, siteId: SITE.key, ...personOf(v), platform: type === 'share' ? target : 'unknown', channel: v.channel, token: v.shareToken,
      parent: v.parent, path: v.path, data: type === 'share' ? { target } : null,
    });
  }

  private convert(v: Visit): void {
    const rng = this.rng;
    const root = v.rootLink;
    const ambassador = AMBASSADORS.find((a) => a.key === root?.ambassador);
    const communityCode = root?.community ? COMMUNITY_CODES[root.community] : undefined;
    let promoCode: string | undefined;
    if (ambassador && rng.chance(0.55)) promoCode = ambassador.promoCode;
    else if (communityCode && rng.chance(0.35)) promoCode = communityCode;
    else if (rng.chance(0.08)) promoCode = GENERIC_CODE;
    // People who never clicked a tracked link still type an ambassador's code they heard about (promo-only ambassadors).
    const spoken = !root && rng.chance(0.06) ? rng.pick(AMBASSADORS.filter((a) => a.key === 'lucas' || a.key === 'maya')) : undefined;
    if (spoken) promoCode = spoken.promoCode;
    const value = Math.min(480, Math.round(rng.logNormal(42, 0.5) * 100) / 100);
    this.orders++;
    this.emit({
      ts: v.ts + Math.floor(rng.logNormal(9 * MINUTE, 0.8)), type: 'conversion', siteId: SITE.key, ...personOf(v),
      ...(root ? refs(root) : { communityId: spoken?.community ?? null, ambassadorId: spoken?.key ?? null }),
      token: v.shareToken, parent: v.parent, path: '/checkout/thank-you', value, currency: 'EUR',
      data: { orderId: `LUM-${String(104_000 + this.orders)}`, ...(promoCode ? { promoCode } : {}) },
    });
  }
}

function refs(link: DemoLink): Pick<DemoEvent, 'linkId' | 'communityId' | 'ambassadorId' | 'campaignId'> {
  return { linkId: link.key, communityId: link.community, ambassadorId: link.ambassador, campaignId: link.campaign };
}

function personOf(v: Visit): Pick<DemoEvent, 'platform' | 'channel' | 'country' | 'visitor' | 'device' | 'browser' | 'os' | 'inApp'> {
  return { platform: v.platform, channel: v.channel, country: v.country, visitor: v.visitor, device: v.device.device, browser: v.device.browser, os: v.device.os, inApp: v.inApp };
}
