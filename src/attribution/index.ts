// Conversion attribution: promo code, share-token cascade root or explicit fields → who earned it.
export type {
  Attribution, AttributionContext, AttributionInput, AttributionMethod, LinkRef, OfferRef,
} from './types.js';
export { attributeConversion } from './attribute-conversion.js';
export { indexOffersByCode, normalizePromoCode } from './normalize-promo-code.js';
