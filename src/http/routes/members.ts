// /api/members and /api/invites: who can use the workspace, with which role (admin permission).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { inviteMember, removeMember, setMemberRole } from '../../auth/members.js';
import type { Services } from '../../services.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';

const RoleSchema = Type.Union(['owner', 'admin', 'member', 'viewer'].map((r) => Type.Literal(r)));
const UserParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) });

/** Registers the member routes. API keys act with the admin role; only owners manage owners. */
export function registerMemberRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];
  const config = { access: 'admin' as const };
  const actor = (p: { role: string | null }) => (p.role ?? 'admin') as 'owner' | 'admin' | 'member' | 'viewer';

  app.get('/api/members', { config, schema: { tags, response: errorResponses } }, async (request) => {
    const members = await s.meta.listMembers(principalOf(request).workspaceId);
    return { items: members.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() })), nextCursor: null };
  });
  app.post('/api/invites', { config, schema: { tags, body: Type.Object({ role: RoleSchema }, { additionalProperties: false }) } }, async (request, reply) => {
    const p = principalOf(request);
    return reply.code(201).send(await inviteMember(s.meta, s.config.baseUrl, p.workspaceId, actor(p), request.body.role as never, s.now()));
  });
  app.patch('/api/members/:userId', { config, schema: { tags, params: UserParams, body: Type.Object({ role: RoleSchema }, { additionalProperties: false }) } }, async (request) => {
    const p = principalOf(request);
    await setMemberRole(s.meta, p.workspaceId, actor(p), request.params.userId, request.body.role as never, s.now());
    return { userId: request.params.userId, role: request.body.role };
  });
  app.delete('/api/members/:userId', { config, schema: { tags, params: UserParams } }, async (request, reply) => {
    const p = principalOf(request);
    await removeMember(s.meta, p.workspaceId, actor(p), request.params.userId);
    return reply.code(204).send();
  });
}
