// /api/links: create, list, get, update and delete tracked links.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses, IdParams, PageQuery } from '../schemas/common.js';
import { LinkBody, LinkPatch } from '../schemas/links.js';

/** Registers the link routes. */
export function registerLinkRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['links'];
  const one = { 200: Type.Ref('Link'), ...errorResponses };

  app.post('/api/links', { config: { access: 'write' }, schema: { tags, body: LinkBody, response: { 201: Type.Ref('Link'), ...errorResponses, 409: Type.Ref('Error'), 422: Type.Ref('Error') } } },
    async (request, reply) => {
      const link = await s.links.create(principalOf(request).workspaceId, request.body, s.now());
      // Warm the destination's preview card so the first chat app that asks gets it at once.
      if (!link.title || !link.description || !link.image) void s.cards.destinationCard(link.url, s.now()).catch(() => undefined);
      return reply.code(201).send(s.links.toView(link));
    });

  app.get('/api/links', { config: { access: 'read' }, schema: { tags, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(Type.Ref('Link')), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses } } },
    async (request) => {
      const page = await s.links.list(principalOf(request).workspaceId, request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: page.items.map((l) => s.links.toView(l)), nextCursor: page.nextCursor };
    });

  app.get('/api/links/:id', { config: { access: 'read' }, schema: { tags, params: IdParams, response: one } },
    async (request) => s.links.toView(await s.links.get(principalOf(request).workspaceId, request.params.id)));

  app.patch('/api/links/:id', { config: { access: 'write' }, schema: { tags, params: IdParams, body: LinkPatch, response: { ...one, 422: Type.Ref('Error') } } },
    async (request) => s.links.toView(await s.links.update(principalOf(request).workspaceId, request.params.id, request.body, s.now())));

  app.delete('/api/links/:id', { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await s.links.delete(principalOf(request).workspaceId, request.params.id);
      return reply.code(204).send(null);
    });
}
