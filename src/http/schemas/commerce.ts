// Request and response schemas of offers, conversions, polls and the ambassador leaderboard.
import { Type } from 'typebox';
import { Nullable } from './common.js';

const Ref = Type.String({ minLength: 1, maxLength: 64 });

export const OfferBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, description: 'Promo code; matched case-insensitively, unique per workspace' }),
  community: Type.Optional(Nullable(Ref)), ambassador: Type.Optional(Nullable(Ref)), campaign: Type.Optional(Nullable(Ref)),
  maxUses: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'null: unlimited; 1: single use' }))),
  validFrom: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'Inclusive start' }))),
  validTo: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'Exclusive end' }))),
}, { additionalProperties: false });

export const OfferPatch = Type.Partial(OfferBody, { additionalProperties: false });

export const OfferView = Type.Object({
  id: Type.String(), code: Type.String(), community: Nullable(Type.String()), ambassador: Nullable(Type.String()), campaign: Nullable(Type.String()),
  maxUses: Nullable(Type.Integer()), uses: Type.Integer(), validFrom: Nullable(Type.String()), validTo: Nullable(Type.String()),
  createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Offer' });

export const ConversionBody = Type.Object({
  value: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e12, description: 'Order value; refunds go through DELETE' }))),
  currency: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 code' }))),
  orderId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Makes the call idempotent' })),
  promoCode: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  token: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z0-9_-]{6,32}$', description: 'The share token (ls) of the visit that converted' }))),
  link: Type.Optional(Nullable(Ref)), community: Type.Optional(Nullable(Ref)), ambassador: Type.Optional(Nullable(Ref)),
}, { additionalProperties: false });

export const ConversionView = Type.Object({
  id: Type.String(), orderId: Nullable(Type.String()), value: Nullable(Type.Number()), currency: Nullable(Type.String()),
  promoCode: Nullable(Type.String()), token: Nullable(Type.String()), refunded: Type.Boolean(), refundedAt: Nullable(Type.String()), createdAt: Type.String(),
  attribution: Type.Object({
    method: Type.Union(['promo_code', 'share_token', 'explicit', 'unattributed'].map((m) => Type.Literal(m))),
    offer: Nullable(Type.String()), link: Nullable(Type.String()), community: Nullable(Type.String()), ambassador: Nullable(Type.String()),
    campaign: Nullable(Type.String()), rootToken: Nullable(Type.String()), platform: Nullable(Type.String()), channel: Type.String(),
    path: Type.Array(Type.String()),
  }),
}, { $id: 'Conversion' });

export const OrderParams = Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 200 }) });

export const LeaderboardQuery = Type.Object({
  by: Type.Optional(Type.Union([Type.Literal('reach'), Type.Literal('conversions'), Type.Literal('revenue')], { default: 'conversions' })),
  from: Type.Optional(Type.String({ maxLength: 40 })), to: Type.Optional(Type.String({ maxLength: 40 })), tz: Type.Optional(Type.String({ maxLength: 64 })),
  campaign: Type.Optional(Ref), community: Type.Optional(Ref),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
}, { additionalProperties: false });

export const LeaderboardView = Type.Object({
  by: Type.String(),
  rows: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), community: Nullable(Type.String()), visits: Type.Integer(), visitors: Type.Integer(),
    shares: Type.Integer(), conversions: Type.Integer(), revenue: Type.Number(),
  })),
});

export const PollBody = Type.Object({
  question: Type.String({ minLength: 1, maxLength: 300 }),
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { minItems: 2, maxItems: 6 })),
  freeText: Type.Optional(Type.Boolean({ description: 'true: a text box instead of options' })),
  community: Type.Optional(Nullable(Ref)),
  link: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'A tracked link offered after answering' }))),
  slug: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
}, { additionalProperties: false });

export const PollView = Type.Object({
  id: Type.String(), slug: Type.String(), url: Type.String(), question: Type.String(), options: Type.Array(Type.String()), freeText: Type.Boolean(),
  community: Nullable(Type.String()), link: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Poll' });

export const PollResultsView = Type.Object({
  id: Type.String(), question: Type.String(), freeText: Type.Boolean(), total: Type.Integer(),
  options: Type.Array(Type.Object({ index: Type.Integer(), label: Type.String(), count: Type.Integer() })),
  byCommunity: Type.Array(Type.Object({ community: Nullable(Type.String()), name: Type.Optional(Type.String()), total: Type.Integer(), counts: Type.Array(Type.Integer()) })),
  texts: Type.Array(Type.Object({ text: Type.String(), count: Type.Integer() })),
});

export const MemberHistoryView = Type.Object({
  community: Type.String(), points: Type.Array(Type.Object({ t: Type.String(), members: Type.Integer() })),
});
