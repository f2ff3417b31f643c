// Who is calling the API: an API key (Bearer) or a dashboard session (cookie + CSRF header), and what they may do.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashSecret, type Scope } from '../../auth/api-keys.js';
import { AppError } from '../../errors.js';
import type { MetaStore } from '../../store/index.js';
import type { Role } from '../../store/types.js';

export const SESSION_COOKIE = 'lantern_session';
export type Access = 'public' | 'session' | Scope;

export interface Principal {
  workspaceId: string;
  /** What this caller may do: read, write, admin. */
  scopes: Scope[];
  role: Role | null;
  keyId: string | null;
  userId: string | null;
  /** The key or session, for rate limiting. */
  rateKey: string;
}

declare module 'fastify' {
  interface FastifyRequest { principal: Principal | null }
  interface FastifyContextConfig { access?: Access }
}

const ROLE_SCOPES: Record<Role, Scope[]> = { owner: ['read', 'write', 'admin'], admin: ['read', 'write', 'admin'], member: ['read', 'write'], viewer: ['read'] };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function fromApiKey(meta: MetaStore, token: string, now: number): Promise<Principal> {
  const key = await meta.findApiKeyByHash(hashSecret(token));
  if (!key || key.revokedAt !== null) throw new AppError('invalid_api_key', 'the API key is unknown or revoked');
  if (key.lastUsedAt === null || now - key.lastUsedAt > 60_000) await meta.touchApiKey(key.id, now);
  return { workspaceId: key.workspaceId, scopes: key.scopes as Scope[], role: null, keyId: key.id, userId: null, rateKey: `key:${key.id}` };
}

async function fromSession(meta: MetaStore, request: FastifyRequest, cookie: string, now: number): Promise<Principal> {
  const session = await meta.getSession(hashSecret(cookie), now);
  if (!session) throw new AppError('unauthorized', 'your session has expired; sign in again');
  if (!SAFE_METHODS.has(request.method) && request.headers['x-lantern-csrf'] !== session.csrf) {
    throw new AppError('csrf_failed', 'missing or wrong X-Lantern-CSRF header');
  }
  const memberships = await meta.listMemberships(session.userId);
  // EventSource cannot send headers: the live feed names its workspace in the query instead.
  const wanted = request.headers['x-lantern-workspace'] ?? (request.query as { workspace?: string } | undefined)?.workspace;
  const m = typeof wanted === 'string' && wanted ? memberships.find((x) => x.workspaceId === wanted || x.workspace.slug === wanted) : memberships[0];
  if (!m) throw new AppError('forbidden', 'you are not a member of that workspace');
  return { workspaceId: m.workspaceId, scopes: ROLE_SCOPES[m.role], role: m.role, keyId: null, userId: session.userId, rateKey: `user:${session.userId}` };
}

/** Resolves the principal on every /api route whose config asks for access, and enforces it. */
export function registerAuth(app: FastifyInstance, meta: MetaStore, now: () => number): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const header = request.headers.authorization;
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (header?.startsWith('Bearer ')) request.principal = await fromApiKey(meta, header.slice(7).trim(), now());
    else if (cookie) request.principal = await fromSession(meta, request, cookie, now());
    else throw new AppError('unauthorized', 'send an API key as "Authorization: Bearer <key>" or sign in');
    if (access !== 'session' && !request.principal.scopes.includes(access)) {
      throw new AppError('forbidden', `this needs the ${JSON.stringify(access)} permission`, { details: { needs: access } });
    }
  });
}

/** The authenticated principal of a route that required access. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'not authenticated');
  return request.principal;
}
