// One spelling per promo code, so 'summer10 ' typed at checkout finds the offer created as 'SUMMER10'.
import type { OfferRef } from './types.js';

/**
 * Normalises a promo code for lookup: Unicode NFKC (full-width 'ＳＵＭＭＥＲ１０' → 'SUMMER10'),
 * trimmed, upper-cased (locale-independent). Inner spaces are kept. Returns '' for blank input.
 */
export function normalizePromoCode(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase();
}

/**
 * Builds the `offersByCode` lookup from offers, keyed by {@link normalizePromoCode}. When two offers
 * normalise to the same code the first one listed wins; blank codes are skipped.
 */
export function indexOffersByCode(offers: Iterable<OfferRef>): Map<string, OfferRef> {
  const byCode = new Map<string, OfferRef>();
  for (const offer of offers) {
    const code = normalizePromoCode(offer.code);
    if (code !== '' && !byCode.has(code)) byCode.set(code, offer);
  }
  return byCode;
}
