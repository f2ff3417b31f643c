// Offers, conversions, polls and the ambassador leaderboard (routes registered here).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConversionService } from '../../commerce/conversion-service.js';
import { getAmbassadorLeaderboard } from '../../commerce/get-ambassador-leaderboard.js';
import { getMemberHistory } from '../../commerce/member-history.js';
import { OfferService } from '../../commerce/offer-service.js';
import { PollService } from '../../commerce/poll-service.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services.js';
import { parseStatsQuery } from '../../stats/stats-query.js';
import { principalOf } from '../plugins/auth.js';
import {
  ConversionBody, ConversionView, LeaderboardQuery, LeaderboardView, MemberHistoryView, OfferBody, OfferPatch, OfferView, OrderParams, PollView,
} from '../schemas/commerce.js';
import { errorResponses, IdParams, Nullable, PageQuery } from '../schemas/common.js';
import { registerPollRoutes } from './commerce-polls.js';

const page = (ref: string) => Type.Object({ items: Type.Array(Type.Ref(ref)), nextCursor: Nullable(Type.String()) });

/** Registers the community-commerce routes. */
export function registerCommerceRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const offers = new OfferService(s.meta);
  const conversions = new ConversionService(s.meta, s.stores.events, s.ingest);
  root.addSchema(OfferView);
  root.addSchema(ConversionView);
  root.addSchema(PollView);
  const ws = (request: FastifyRequest) => principalOf(request).workspaceId;
  const refErrors = { ...errorResponses, 409: Type.Ref('Error'), 422: Type.Ref('Error') };

  // Offers (promo codes)
  let tags = ['offers'];
  app.post('/api/offers', { config: { access: 'write' }, schema: { tags, body: OfferBody, response: { 201: Type.Ref('Offer'), ...refErrors } } },
    async (request, reply) => reply.code(201).send(offers.toView(await offers.create(ws(request), request.body, s.now()))));
  app.get('/api/offers', { config: { access: 'read' }, schema: { tags, querystring: PageQuery, response: { 200: page('Offer'), ...errorResponses } } },
    async (request) => {
      const result = await offers.list(ws(request), request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: result.items.map((o) => offers.toView(o)), nextCursor: result.nextCursor };
    });
  app.get('/api/offers/:id', { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Type.Ref('Offer'), ...errorResponses } } },
    async (request) => offers.toView(await offers.get(ws(request), request.params.id)));
  app.patch('/api/offers/:id', { config: { access: 'write' }, schema: { tags, params: IdParams, body: OfferPatch, response: { 200: Type.Ref('Offer'), ...refErrors } } },
    async (request) => offers.toView(await offers.update(ws(request), request.params.id, request.body, s.now())));
  app.delete('/api/offers/:id', { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await offers.delete(ws(request), request.params.id);
      return reply.code(204).send(null);
    });

  // Conversions
  tags = ['conversions'];
  app.post('/api/conversions', {
    config: { access: 'write' },
    schema: { tags, summary: 'Report a conversion; 201 when new, 200 with the stored conversion when its orderId was seen before', body: ConversionBody, response: { 200: Type.Ref('Conversion'), 201: Type.Ref('Conversion'), ...refErrors, 503: Type.Ref('Error') } },
  }, async (request, reply) => {
    const { conversion, created } = await conversions.record(ws(request), request.body, s.now());
    return reply.code(created ? 201 : 200).send(conversions.toView(conversion));
  });
  app.get('/api/conversions', { config: { access: 'read' }, schema: { tags, querystring: PageQuery, response: { 200: page('Conversion'), ...errorResponses } } },
    async (request) => {
      const result = await conversions.list(ws(request), request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: result.items.map((c) => conversions.toView(c)), nextCursor: result.nextCursor };
    });
  app.get('/api/conversions/:id', { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Type.Ref('Conversion'), ...errorResponses } } },
    async (request) => conversions.toView(await conversions.get(ws(request), request.params.id)));
  app.delete('/api/conversions/:orderId', {
    config: { access: 'write' },
    schema: { tags, summary: 'Refund an order (or a conversion id): a negative-value event; a second refund changes nothing', params: OrderParams, response: { 200: Type.Ref('Conversion'), ...errorResponses, 503: Type.Ref('Error') } },
  }, async (request) => conversions.toView((await conversions.refund(ws(request), request.params.orderId, s.now())).conversion));

  // Ambassadors' leaderboard and communities' member history
  app.get('/api/ambassadors/leaderboard', { config: { access: 'read' }, schema: { tags: ['ambassadors'], querystring: LeaderboardQuery, response: { 200: LeaderboardView, ...errorResponses } } },
    async (request) => {
      const { by = 'conversions', limit = 50, ...range } = request.query;
      return { by, rows: await getAmbassadorLeaderboard(s.meta, s.stores.events, parseStatsQuery(ws(request), range, s.now()), by, limit) };
    });
  app.get('/api/communities/:id/members', { config: { access: 'read' }, schema: { tags: ['communities'], params: IdParams, response: { 200: MemberHistoryView, ...errorResponses } } },
    async (request) => {
      if (!(await s.meta.communities.exists(ws(request), request.params.id))) notFound('community', request.params.id);
      return { community: request.params.id, points: await getMemberHistory(s.meta, request.params.id) };
    });

  registerPollRoutes(root, s, new PollService(s.meta, s.stores.events, s.hasher, s.config.baseUrl));
}
