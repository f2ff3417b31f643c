// Conversions: attribute a reported sale (promo code → share token → explicit fields), store it once per order,
// record its event for stats, and refund it with a negative-value event.
import { attributeConversion, indexOffersByCode, normalizePromoCode, type Attribution, type AttributionContext } from '../attribution/index.js';
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { buildEvent } from '../ingest/build-event.js';
import type { IngestService } from '../ingest/ingest-service.js';
import type { MetaStore } from '../store/index.js';
import type { EventReader, Link, Page } from '../store/types.js';
import type { Platform } from '../vocabulary.js';
import { findCascadeRoot, type TokenRoot } from './find-cascade-root.js';
import { offerRefusal, type OfferRefusal } from './offer-service.js';
import { checkReferences } from './references.js';
import type { Conversion, Offer } from './types.js';

export interface ConversionInput {
  value?: number | null; currency?: string | null; orderId?: string | null; promoCode?: string | null; token?: string | null;
  link?: string | null; community?: string | null; ambassador?: string | null;
}

/** A conversion as the API shows it; `attribution` says who earned it and how that was decided. */
export interface ConversionView {
  id: string; orderId: string | null; value: number | null; currency: string | null; promoCode: string | null; token: string | null;
  refunded: boolean; refundedAt: string | null; createdAt: string;
  attribution: {
    method: Attribution['method']; offer: string | null; link: string | null; community: string | null; ambassador: string | null;
    campaign: string | null; rootToken: string | null; platform: string | null; channel: string; path: string[];
  };
}

const REFUSAL_WORDS: Record<OfferRefusal, string> = { not_yet_valid: 'not valid yet', expired: 'expired', used_up: 'used up' };

/** Records, lists and refunds conversions. */
export class ConversionService {
  constructor(private readonly meta: MetaStore, private readonly events: EventReader, private readonly ingest: IngestService) {}

  toView(c: Conversion): ConversionView {
    return {
      id: c.id, orderId: c.orderId, value: c.value, currency: c.currency, promoCode: c.promoCode, token: c.token,
      refunded: c.refundedAt !== null, refundedAt: c.refundedAt === null ? null : new Date(c.refundedAt).toISOString(), createdAt: new Date(c.createdAt).toISOString(),
      attribution: {
        method: c.method, offer: c.offerId, link: c.linkId, community: c.communityId, ambassador: c.ambassadorId, campaign: c.campaignId,
        rootToken: c.rootToken, platform: c.platform, channel: c.channel, path: c.path,
      },
    };
  }

  /**
   * Attributes and stores a conversion, then records its `conversion` event (durable before this resolves).
   * Idempotent on `orderId`: a known order returns the stored conversion with `created: false` and records nothing new.
   * A promo code credits its offer only while the offer is valid and has uses left; the use is taken atomically.
   * @throws AppError unprocessable (422: unknown link/community/ambassador), unavailable (503: the event log refused the write).
   */
  async record(workspaceId: string, input: ConversionInput, now: number): Promise<{ conversion: Conversion; created: boolean }> {
    await checkReferences(this.meta, workspaceId, { link: input.link, community: input.community, ambassador: input.ambassador });
    const code = normalizePromoCode(input.promoCode ?? '');
    const offer = code === '' ? null : await this.meta.commerce.getOfferByCode(workspaceId, code);
    const refusal = offer ? offerRefusal(offer, now) : null;
    const token = input.token?.trim() || null;
    const root = token === null ? null : await findCascadeRoot(this.events, workspaceId, token);
    const links = (await Promise.all([root?.linkId, input.link].map((id) => (id ? this.meta.links.get(workspaceId, id) : null)))).filter((l): l is Link => l !== null);

    const { conversion, created } = await this.meta.commerce.insertConversionOnce(workspaceId, input.orderId ?? null, offer && !refusal ? offer.id : null, now, (granted) => {
      const usable = offer && granted ? offer : null;
      const attribution = attributeConversion({ promoCode: input.promoCode, token, linkId: input.link, communityId: input.community, ambassadorId: input.ambassador },
        contextFor(usable, token, root, links));
      if (offer && !usable) explainRefusedOffer(attribution.path, code, offer, refusal ?? 'used_up');
      const viaShare = attribution.method === 'promo_code' || attribution.method === 'share_token';
      return {
        id: newId('cnv'), workspaceId, orderId: input.orderId ?? null, value: input.value ?? null, currency: input.currency?.toUpperCase() ?? null,
        promoCode: input.promoCode?.trim() || null, token, method: attribution.method, offerId: attribution.offerId, linkId: attribution.linkId,
        communityId: attribution.communityId, ambassadorId: attribution.ambassadorId, campaignId: attribution.campaignId, rootToken: attribution.rootToken,
        platform: attribution.rootToken !== null && root ? root.platform : null, channel: viaShare ? 'dark_social' : 'direct', path: attribution.path,
        // Inserted already claimed: a concurrent replay of the same order must not record the event a second time.
        recorded: true, refundedAt: null, createdAt: now, updatedAt: now,
      };
    });
    if (created) await this.recordEvent(conversion, now);
    else if (!conversion.recorded && await this.meta.commerce.setConversionRecorded(workspaceId, conversion.id, false, true)) {
      // The first attempt's event write failed (it answered 503); this retry records it.
      await this.recordEvent(conversion, now);
    }
    return { conversion: { ...conversion, recorded: true }, created };
  }

  /** @throws AppError not_found (also for another workspace's conversion). */
  async get(workspaceId: string, id: string): Promise<Conversion> {
    return (await this.meta.commerce.conversions.get(workspaceId, id)) ?? notFound('conversion', id);
  }

  /** Newest first, `limit` per page. */
  async list(workspaceId: string, limit: number, cursor: string | null): Promise<Page<Conversion>> {
    return this.meta.commerce.conversions.list(workspaceId, limit, cursor);
  }

  /**
   * Refunds the conversion of an order (or with that conversion id): marks it refunded and records a `conversion` event
   * of value −original with `data.refund` (stats subtract it from revenue and do not count it as a conversion).
   * A second refund changes nothing and returns `refunded: false`.
   * @throws AppError not_found, unavailable (503: the event log refused the write; nothing changed).
   */
  async refund(workspaceId: string, orderIdOrId: string, now: number): Promise<{ conversion: Conversion; refunded: boolean }> {
    const c = (await this.meta.commerce.findConversion(workspaceId, orderIdOrId)) ?? notFound('order', orderIdOrId);
    if (c.refundedAt !== null || !(await this.meta.commerce.setConversionRefunded(workspaceId, c.id, now))) {
      return { conversion: await this.get(workspaceId, c.id), refunded: false };
    }
    if (c.value !== null && c.value > 0) {
      try {
        await this.ingest.recordAsync(buildEvent({ ...eventFields(c, now), value: -c.value, data: { refund: true, conversion: c.id, orderId: c.orderId } }));
      } catch (err) {
        await this.meta.commerce.setConversionRefunded(workspaceId, c.id, null);
        throw new AppError('unavailable', 'could not record the refund; try again', { cause: err });
      }
    }
    return { conversion: { ...c, refundedAt: now, updatedAt: now }, refunded: true };
  }

  private async recordEvent(c: Conversion, now: number): Promise<void> {
    try {
      await this.ingest.recordAsync(buildEvent({ ...eventFields(c, now), value: c.value, data: { conversion: c.id, orderId: c.orderId, method: c.method, offer: c.offerId } }));
    } catch (err) {
      await this.meta.commerce.setConversionRecorded(c.workspaceId, c.id, true, false);
      throw new AppError('unavailable', 'could not record the conversion; retry with the same orderId', { cause: err });
    }
  }
}

function eventFields(c: Conversion, now: number) {
  return {
    ts: now, workspaceId: c.workspaceId, type: 'conversion' as const, linkId: c.linkId, communityId: c.communityId, ambassadorId: c.ambassadorId,
    campaignId: c.campaignId, token: c.token, platform: (c.platform ?? 'unknown') as Platform, channel: c.channel, currency: c.currency,
  };
}

/** The lookups attributeConversion reads, holding only what this conversion can match. */
function contextFor(offer: Offer | null, token: string | null, root: TokenRoot | null, links: Link[]): AttributionContext {
  return {
    offersByCode: indexOffersByCode(offer ? [offer] : []),
    rootOfToken: (t) => (root && t === token ? { rootToken: root.rootToken, linkId: root.linkId } : null),
    linksById: new Map(links.map((l) => [l.id, l])),
  };
}

/** Replaces attribution's "no offer" step with why the existing offer did not count. */
function explainRefusedOffer(path: string[], code: string, offer: Offer, reason: OfferRefusal): void {
  const at = path.indexOf(`promo_code:${code} → no offer`);
  if (at !== -1) path[at] = `promo_code:${code} → offer ${offer.id} ${REFUSAL_WORDS[reason]}`;
}
