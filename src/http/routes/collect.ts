// POST /api/collect: the tracker's public endpoint, keyed by site id; 202 once the event is durable.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { collectHit, type CollectBody } from '../../ingest/collect-hit.js';
import type { Services } from '../../services.js';

// Tokens and referrers are read leniently: a malformed parent or an over-long referrer loses that field, not the page view.
const Token = Type.String({ maxLength: 200 });
export const CollectSchema = Type.Object({
  s: Type.String({ minLength: 1, maxLength: 64 }),
  e: Type.Union(['pageview', 'copy', 'share', 'custom', 'conversion'].map((e) => Type.Literal(e))),
  u: Type.String({ minLength: 1, maxLength: 2048 }),
  r: Type.Optional(Type.String({ maxLength: 8192 })),
  k: Type.Optional(Token),
  p: Type.Optional(Token),
  w: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
  h: Type.Optional(Type.Object({ tg: Type.Optional(Type.Integer()) })),
  d: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { maxProperties: 20 })),
});

/** The largest body the collector reads, in bytes (the tracker's are well under 1 KB). */
export const COLLECT_BODY_LIMIT = 16 * 1024;

/** CORS headers of an answer to a beacon: the page's origin echoed (the collector is public, keyed by site id). */
export function collectCorsHeaders(origin: string | undefined): Record<string, string> {
  return origin ? { 'access-control-allow-origin': origin, vary: 'origin' } : {};
}

/** A preflight's: the beacon's origin, and what it may send, remembered for a day. */
export function collectPreflightHeaders(origin: string | undefined): Record<string, string> {
  const headers = collectCorsHeaders(origin);
  headers['access-control-allow-methods'] = 'POST, OPTIONS';
  headers['access-control-allow-headers'] = 'content-type';
  headers['access-control-max-age'] = '86400';
  return headers;
}

/** Registers the collector in its own scope (it alone parses text/plain bodies as JSON). src/http/fast-collect.ts answers most hits first. */
export function registerCollectRoutes(app: FastifyInstance, s: Services): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string', bodyLimit: COLLECT_BODY_LIMIT }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new AppError('invalid_json', 'the body is not valid JSON'), undefined);
      }
    });
    scope.options('/api/collect', { schema: { hide: true } }, async (request, reply) => reply.code(204).headers(collectPreflightHeaders(request.headers.origin)).send());
    scope.post('/api/collect', {
      config: { access: 'public' },
      schema: { tags: ['collect'], summary: 'Tracker events (public, keyed by site id)', body: CollectSchema },
    }, async (request, reply) => {
      reply.headers(collectCorsHeaders(request.headers.origin));
      return reply.code(202).send(await collectHit(request.body as CollectBody, request.headers, request.ip, s));
    });
  });
}
