// /api/auth: sign in, sign out, who am I, and the one-time setup link that creates an account.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createUser, SESSION_TTL_MS, startSession, verifyPassword } from '../../auth/accounts.js';
import { hashSecret } from '../../auth/api-keys.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';

const Credentials = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

/** Registers the session routes used by the dashboard. */
export function registerAuthRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['auth'];
  const secure = s.config.baseUrl.startsWith('https:');

  async function me(userId: string, csrfToken: string) {
    const user = await s.stores.meta.getUser(userId);
    if (!user) throw new AppError('unauthorized', 'sign in again');
    const memberships = await s.stores.meta.listMemberships(userId);
    return {
      user: { id: user.id, email: user.email },
      workspaces: memberships.map((m) => ({ id: m.workspace.id, slug: m.workspace.slug, name: m.workspace.name, role: m.role })),
      csrfToken,
    };
  }

  async function signIn(reply: FastifyReply, userId: string) {
    const { cookie, session } = await startSession(s.stores.meta, userId, s.now());
    reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_TTL_MS / 1000 });
    return me(userId, session.csrf);
  }

  app.post('/api/auth/login', { config: { access: 'public', rateLimit: { max: 20, timeWindow: 60_000 } }, schema: { tags, body: Credentials, response: errorResponses } }, async (request, reply) => {
    const user = await verifyPassword(s.stores.meta, request.body.email, request.body.password);
    if (!user) throw new AppError('invalid_credentials', 'wrong email or password');
    return signIn(reply, user.id);
  });

  app.post('/api/auth/setup', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: { tags, body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }), response: errorResponses },
  }, async (request, reply) => {
    // Someone who already has an account joins with their own password; anyone else gets a new account.
    const existing = await s.stores.meta.getUserByEmail(request.body.email.trim().toLowerCase());
    const known = existing ? await verifyPassword(s.stores.meta, request.body.email, request.body.password) : null;
    if (existing && !known) throw new AppError('invalid_credentials', 'this email already has an account: use its password to accept the invitation');
    const grant = await s.stores.meta.useSetupToken(hashSecret(request.body.token), s.now());
    if (!grant) throw new AppError('invalid_credentials', 'this setup link is unknown, used or expired');
    const workspace = await s.stores.meta.getWorkspace(grant.workspaceId);
    if (!workspace) throw new AppError('not_found', 'the workspace of this setup link no longer exists');
    if (known) {
      await s.stores.meta.setMembership({ userId: known.id, workspaceId: workspace.id, role: grant.role }, s.now());
      return signIn(reply, known.id);
    }
    const user = await createUser(s.stores.meta, request.body.email, request.body.password, grant.role, workspace, s.now());
    return signIn(reply, user.id);
  });

  app.get('/api/auth/me', { config: { access: 'session' }, schema: { tags, response: errorResponses } }, async (request) => {
    const cookie = request.cookies[SESSION_COOKIE]!;
    const session = await s.stores.meta.getSession(hashSecret(cookie), s.now());
    if (!session || !request.principal?.userId) throw new AppError('unauthorized', 'not signed in');
    return me(session.userId, session.csrf);
  });

  app.post('/api/auth/logout', { config: { access: 'public' }, schema: { tags } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await s.stores.meta.deleteSession(hashSecret(cookie));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
