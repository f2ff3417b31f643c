// Shapes of conversion attribution: what a conversion carries, the lookups it is matched against, the verdict.

/** What a conversion carries that could say who earned it. */
export interface AttributionInput {
  /** As typed by the buyer: any case, maybe padded with spaces. */
  promoCode?: string | null;
  /** A share token the conversion carries (from the visit that converted). */
  token?: string | null;
  /** Explicit fields from the API call. */
  linkId?: string | null;
  communityId?: string | null;
  ambassadorId?: string | null;
}

/** A promo-code offer and who it credits. */
export interface OfferRef {
  id: string;
  code: string;
  communityId: string | null;
  ambassadorId: string | null;
  campaignId: string | null;
}

/** A tracked link and who it credits. */
export interface LinkRef {
  id: string;
  communityId: string | null;
  ambassadorId: string | null;
  campaignId: string | null;
}

/** The plain lookups attribution reads; the caller builds them (from the metadata store and cascade rows). */
export interface AttributionContext {
  /** Offers keyed by normalised code (see normalizePromoCode / indexOffersByCode). */
  offersByCode: ReadonlyMap<string, OfferRef>;
  /** The cascade a share token belongs to: its root token and the root's link; null for an unknown token. */
  rootOfToken: (token: string) => { rootToken: string; linkId: string | null } | null;
  linksById: ReadonlyMap<string, LinkRef>;
}

/** Which rule credited the conversion, tried in this order. */
export type AttributionMethod = 'promo_code' | 'share_token' | 'explicit' | 'unattributed';

/** Who earned a conversion, and how that was decided. */
export interface Attribution {
  method: AttributionMethod;
  offerId: string | null;
  linkId: string | null;
  communityId: string | null;
  ambassadorId: string | null;
  campaignId: string | null;
  /** Root of the cascade the share token belongs to, whenever the token was looked up and found. */
  rootToken: string | null;
  /** Each step tried, in words, e.g. 'promo_code:SUMMER10 → offer off_1'; stored with the conversion. */
  path: string[];
}
