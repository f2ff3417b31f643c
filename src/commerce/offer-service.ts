// Offers (promo codes): CRUD within a workspace, case-insensitive unique codes, and whether a code may be used now.
import { normalizePromoCode } from '../attribution/index.js';
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import type { Page } from '../store/types.js';
import { checkReferences, parseInstant } from './references.js';
import type { Offer } from './types.js';

export interface OfferInput {
  code?: string; community?: string | null; ambassador?: string | null; campaign?: string | null;
  maxUses?: number | null; validFrom?: string | null; validTo?: string | null;
}

/** An offer as the API shows it. */
export interface OfferView {
  id: string; code: string; community: string | null; ambassador: string | null; campaign: string | null;
  maxUses: number | null; uses: number; validFrom: string | null; validTo: string | null; createdAt: string; updatedAt: string;
}

/** Why an offer cannot be used now; null when it can. */
export type OfferRefusal = 'not_yet_valid' | 'expired' | 'used_up';

// Letters, digits, spaces, '-', '_' and '.': what shops let buyers type, and nothing that needs escaping.
const CODE_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;

/**
 * Whether an offer may be used at `now` (ms): valid from `validFrom` (inclusive) until `validTo` (exclusive), with
 * uses left. Returns null when usable, else the reason. Pure.
 */
export function offerRefusal(offer: Pick<Offer, 'validFrom' | 'validTo' | 'maxUses' | 'uses'>, now: number): OfferRefusal | null {
  if (offer.validFrom !== null && now < offer.validFrom) return 'not_yet_valid';
  if (offer.validTo !== null && now >= offer.validTo) return 'expired';
  if (offer.maxUses !== null && offer.uses >= offer.maxUses) return 'used_up';
  return null;
}

/** CRUD of offers; references and codes are checked here, uses are taken by ConversionService. */
export class OfferService {
  constructor(private readonly meta: MetaStore) {}

  toView(o: Offer): OfferView {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      id: o.id, code: o.code, community: o.communityId, ambassador: o.ambassadorId, campaign: o.campaignId, maxUses: o.maxUses, uses: o.uses,
      validFrom: iso(o.validFrom), validTo: iso(o.validTo), createdAt: new Date(o.createdAt).toISOString(), updatedAt: new Date(o.updatedAt).toISOString(),
    };
  }

  /**
   * Creates an offer.
   * @throws AppError validation_failed (400: bad code or window), unprocessable (422: unknown reference), conflict (409: code taken).
   */
  async create(workspaceId: string, input: OfferInput, now: number): Promise<Offer> {
    if (input.code === undefined) throw new AppError('validation_failed', 'code is required', { details: { field: 'code' } });
    const offer: Offer = {
      id: newId('off'), workspaceId, code: '', codeKey: '', communityId: null, ambassadorId: null, campaignId: null, maxUses: null, uses: 0,
      validFrom: null, validTo: null, createdAt: now, updatedAt: now, ...(await this.fields(workspaceId, input)),
    };
    checkWindow(offer);
    return this.meta.commerce.saveOffer(offer, true);
  }

  /** @throws AppError not_found (also for another workspace's offer). */
  async get(workspaceId: string, id: string): Promise<Offer> {
    return (await this.meta.commerce.offers.get(workspaceId, id)) ?? notFound('offer', id);
  }

  /** Newest first, `limit` per page. */
  async list(workspaceId: string, limit: number, cursor: string | null): Promise<Page<Offer>> {
    return this.meta.commerce.offers.list(workspaceId, limit, cursor);
  }

  /** Updates the given fields. @throws like `create`, and not_found. */
  async update(workspaceId: string, id: string, input: OfferInput, now: number): Promise<Offer> {
    const offer: Offer = { ...(await this.get(workspaceId, id)), ...(await this.fields(workspaceId, input)), updatedAt: now };
    checkWindow(offer);
    return this.meta.commerce.saveOffer(offer, false);
  }

  /** @throws AppError not_found. */
  async delete(workspaceId: string, id: string): Promise<void> {
    if (!(await this.meta.commerce.offers.delete(workspaceId, id))) notFound('offer', id);
  }

  private async fields(workspaceId: string, input: OfferInput): Promise<Partial<Offer>> {
    await checkReferences(this.meta, workspaceId, { community: input.community, ambassador: input.ambassador, campaign: input.campaign });
    const out: Partial<Offer> = {};
    if (input.code !== undefined) {
      const code = input.code.normalize('NFKC').trim();
      if (!CODE_RE.test(code)) {
        throw new AppError('validation_failed', `code ${JSON.stringify(input.code)} must start with a letter or digit and hold only letters, digits, spaces, '.', '-' or '_'`, { details: { field: 'code' } });
      }
      out.code = code;
      out.codeKey = normalizePromoCode(code);
    }
    if (input.community !== undefined) out.communityId = input.community;
    if (input.ambassador !== undefined) out.ambassadorId = input.ambassador;
    if (input.campaign !== undefined) out.campaignId = input.campaign;
    if (input.maxUses !== undefined) out.maxUses = input.maxUses;
    if (input.validFrom !== undefined) out.validFrom = parseInstant('validFrom', input.validFrom);
    if (input.validTo !== undefined) out.validTo = parseInstant('validTo', input.validTo);
    return out;
  }
}

function checkWindow(offer: Offer): void {
  if (offer.validFrom !== null && offer.validTo !== null && offer.validFrom >= offer.validTo) {
    throw new AppError('validation_failed', `validFrom ${new Date(offer.validFrom).toISOString()} must be before validTo ${new Date(offer.validTo).toISOString()}`, { details: { field: 'validTo' } });
  }
}
