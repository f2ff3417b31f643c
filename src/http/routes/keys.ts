// /api/keys: list, create and revoke API keys of the workspace (admin permission).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { apiKeyView, createApiKey, SCOPES } from '../../auth/api-keys.js';
import { notFound } from '../../errors.js';
import type { Services } from '../../services.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses, IdParams } from '../schemas/common.js';

/** Registers the API key routes. */
export function registerKeyRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['keys'];
  app.get('/api/keys', { config: { access: 'admin' }, schema: { tags, response: errorResponses } }, async (request) => {
    const keys = await s.stores.meta.listApiKeys(principalOf(request).workspaceId);
    return { items: keys.map(apiKeyView), nextCursor: null };
  });
  app.post('/api/keys', {
    config: { access: 'admin' },
    schema: { tags, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), scopes: Type.Optional(Type.Array(Type.Union(SCOPES.map((x) => Type.Literal(x))), { maxItems: 3 })) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const { key, record } = await createApiKey(s.stores.meta, principalOf(request).workspaceId, request.body.name, request.body.scopes, s.now());
    return reply.code(201).send({ ...apiKeyView(record), key });
  });
  app.delete('/api/keys/:id', { config: { access: 'admin' }, schema: { tags, params: IdParams, response: errorResponses } }, async (request) => {
    const key = await s.stores.meta.revokeApiKey(principalOf(request).workspaceId, request.params.id, s.now());
    return key ? apiKeyView(key) : notFound('API key', request.params.id);
  });
}
