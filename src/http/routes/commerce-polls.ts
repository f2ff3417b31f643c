// /api/polls (create, list, get, delete, results) and the public poll page GET/POST /p/:slug (a plain form post).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PollService } from '../../commerce/poll-service.js';
import { answerPoll, viewPoll, type PollOutcome, type PollRequest } from '../../commerce/visit-poll.js';
import { parseShareToken } from '../../links/share-token.js';
import type { Services } from '../../services.js';
import { principalOf } from '../plugins/auth.js';
import { PollBody, PollResultsView } from '../schemas/commerce.js';
import { errorResponses, IdParams, Nullable, PageQuery } from '../schemas/common.js';

// The page allows inline styles and posting to itself, nothing else.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 64 }) });

/** Registers the poll API and the public poll page. */
export function registerPollRoutes(root: FastifyInstance, s: Services, polls: PollService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['polls'];
  const ws = (request: FastifyRequest) => principalOf(request).workspaceId;

  app.post('/api/polls', { config: { access: 'write' }, schema: { tags, body: PollBody, response: { 201: Type.Ref('Poll'), ...errorResponses, 409: Type.Ref('Error'), 422: Type.Ref('Error') } } },
    async (request, reply) => reply.code(201).send(polls.toView(await polls.create(ws(request), request.body, s.now()))));
  app.get('/api/polls', { config: { access: 'read' }, schema: { tags, querystring: PageQuery, response: { 200: Type.Object({ items: Type.Array(Type.Ref('Poll')), nextCursor: Nullable(Type.String()) }), ...errorResponses } } },
    async (request) => {
      const result = await polls.list(ws(request), request.query.limit ?? 50, request.query.cursor ?? null);
      return { items: result.items.map((p) => polls.toView(p)), nextCursor: result.nextCursor };
    });
  app.get('/api/polls/:id', { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Type.Ref('Poll'), ...errorResponses } } },
    async (request) => polls.toView(await polls.get(ws(request), request.params.id)));
  app.delete('/api/polls/:id', { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await polls.delete(ws(request), request.params.id);
      return reply.code(204).send(null);
    });
  app.get('/api/polls/:id/results', { config: { access: 'read' }, schema: { tags, summary: 'Answers per option and per community', params: IdParams, response: { 200: PollResultsView, ...errorResponses } } },
    async (request) => polls.results(ws(request), request.params.id));

  const deps = { polls, links: s.links, meta: s.meta };
  const pollRequest = (request: FastifyRequest, ls: unknown): PollRequest => ({
    slug: (request.params as { slug: string }).slug, head: request.method === 'HEAD', userAgent: request.headers['user-agent'] ?? '', ip: request.ip, ls: parseShareToken(ls), now: s.now(),
  });

  // Its own scope: only here are form-encoded bodies parsed (no formbody plugin needed for one form).
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.get('/p/:slug', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const outcome = await viewPoll(pollRequest(request, (request.query as { ls?: unknown }).ls), deps);
      if (outcome.event) await s.ingest.recordAsync(outcome.event).catch((err) => request.log.error({ err }, 'could not record a poll preview'));
      return sendPage(reply, outcome);
    });
    scope.post('/p/:slug', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, unknown>;
      return sendPage(reply, await answerPoll({ ...pollRequest(request, form.ls), form }, deps));
    });
  });
}

function sendPage(reply: FastifyReply, outcome: PollOutcome): FastifyReply {
  return reply.code(outcome.status).header('cache-control', 'no-store').header('content-security-policy', PAGE_CSP)
    .type('text/html; charset=utf-8').send(outcome.html);
}
