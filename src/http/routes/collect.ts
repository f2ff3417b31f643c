// POST /api/collect: the tracker's public endpoint, keyed by site id; 202 once the event is durable.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { runCollectPipeline, type CollectBody } from '../../ingest/collect-hit.js';
import type { Services } from '../../services.js';
import type { Site } from '../../store/types.js';

// Tokens and referrers are read leniently: a malformed parent or an over-long referrer loses that field, not the page view.
const Token = Type.String({ maxLength: 200 });
const CollectSchema = Type.Object({
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

const SITE_TTL_MS = 30_000;

/** Registers the collector in its own scope (it alone parses text/plain bodies as JSON). */
export function registerCollectRoutes(app: FastifyInstance, s: Services): void {
  const sites = new Map<string, { site: Site | null; at: number }>();
  async function findSite(id: string, now: number): Promise<Site | null> {
    const hit = sites.get(id);
    if (hit && now - hit.at < SITE_TTL_MS) return hit.site;
    const site = await s.stores.meta.getSiteById(id);
    if (sites.size > 10_000) sites.clear();
    sites.set(id, { site, at: now });
    return site;
  }

  function cors(request: FastifyRequest, reply: FastifyReply): void {
    const origin = request.headers.origin;
    if (origin) reply.header('access-control-allow-origin', origin).header('vary', 'origin');
    reply.header('access-control-allow-methods', 'POST, OPTIONS').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '86400');
  }

  app.register(async (scope) => {
    scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new AppError('invalid_json', 'the body is not valid JSON'), undefined);
      }
    });
    scope.options('/api/collect', { schema: { hide: true } }, async (request, reply) => {
      cors(request, reply);
      return reply.code(204).send();
    });
    scope.post('/api/collect', {
      config: { access: 'public' },
      schema: { tags: ['collect'], summary: 'Tracker events (public, keyed by site id)', body: CollectSchema },
    }, async (request, reply) => {
      cors(request, reply);
      const body = request.body as CollectBody;
      const now = s.now();
      const site = await findSite(body.s, now);
      if (!site) {
        s.ingest.drop('unknown_site');
        throw new AppError('not_found', `site ${JSON.stringify(body.s)} not found`, { details: { site: body.s } });
      }
      const origin = typeof request.headers.origin === 'string' && request.headers.origin !== 'null' ? request.headers.origin : null;
      const result = runCollectPipeline({
        body, site, ip: request.ip, userAgent: request.headers['user-agent'] ?? '', origin, gpc: request.headers['sec-gpc'] === '1', now,
      }, s.hasher);
      if ('drop' in result) {
        s.ingest.drop(result.drop);
        if (result.drop === 'invalid') throw new AppError('validation_failed', 'u must be an absolute http(s) URL', { details: { field: 'u' } });
        if (result.drop === 'origin_not_allowed') throw new AppError('origin_not_allowed', `this page is not on ${site.domain}, the site's domain`, { details: { domain: site.domain } });
        return reply.code(202).send({ accepted: false, reason: result.drop });
      }
      await s.ingest.recordAsync(result);
      return reply.code(202).send({ accepted: true });
    });
  });
}
