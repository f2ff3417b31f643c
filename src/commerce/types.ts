// Shapes of community commerce as stored: offers (promo codes), conversions with their attribution, polls and answers.
import type { AttributionMethod } from '../attribution/index.js';
import type { Channel } from '../vocabulary.js';

/** A promo code and who it credits. Times are ms since the epoch (UTC). */
export interface Offer {
  id: string; workspaceId: string;
  /** As the owner typed it (trimmed). */
  code: string;
  /** normalizePromoCode(code): the case-insensitive key, unique per workspace. */
  codeKey: string;
  communityId: string | null; ambassadorId: string | null; campaignId: string | null;
  /** null = unlimited; 1 = single use. */
  maxUses: number | null;
  uses: number;
  /** Valid from this instant (inclusive) until validTo (exclusive); null = open-ended. */
  validFrom: number | null; validTo: number | null;
  createdAt: number; updatedAt: number;
}

/** A sale or signup reported by a shop's server, with the attribution decided when it arrived. */
export interface Conversion {
  id: string; workspaceId: string;
  orderId: string | null; value: number | null; currency: string | null;
  promoCode: string | null; token: string | null;
  method: AttributionMethod;
  offerId: string | null; linkId: string | null; communityId: string | null; ambassadorId: string | null; campaignId: string | null;
  rootToken: string | null;
  /** Platform of the cascade's root visit, when attributed through a share token. */
  platform: string | null;
  channel: Channel;
  /** Attribution steps in words. */
  path: string[];
  /** True once the conversion event is (being) written to the event log: the claim that keeps it single. */
  recorded: boolean;
  refundedAt: number | null;
  createdAt: number; updatedAt: number;
}

/** A one-question poll served at /p/:slug. */
export interface Poll {
  id: string; workspaceId: string; slug: string; question: string;
  /** 2–6 choices; empty for a free-text poll. */
  options: string[];
  freeText: boolean;
  communityId: string | null;
  /** A tracked link offered on the thank-you page. */
  linkId: string | null;
  createdAt: number; updatedAt: number;
}

/** One anonymous answer: at most one per visitor hash, poll and UTC day. */
export interface PollAnswer {
  pollId: string; workspaceId: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Daily visitor hash (the salt is deleted the next day). */
  visitor: string;
  optionIndex: number | null; text: string | null;
  communityId: string | null;
  ts: number;
}

/** Answers counted for one community (null: none known) and option (null: free text). */
export interface PollCountRow { communityId: string | null; optionIndex: number | null; count: number }

/** A member count of a community at an instant (ms). */
export interface MemberCount { ts: number; members: number }
