// GET/HEAD /:slug and /i/:slug: the redirect edge. The event is durable before the response leaves.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseShareToken } from '../../links/share-token.js';
import { visitLink, type VisitOutcome } from '../../links/visit-link.js';
import type { Services } from '../../services.js';

function send(reply: FastifyReply, outcome: VisitOutcome): void {
  reply.code(outcome.status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer-when-downgrade');
  if (outcome.location) reply.header('location', outcome.location).send();
  else reply.type('text/html; charset=utf-8').send(outcome.html ?? '');
}

/** Registers the short-link routes. */
export function registerRedirectRoutes(app: FastifyInstance, s: Services): void {
  const handler = (route: 'link' | 'invite') => async (request: FastifyRequest<{ Params: { slug: string }; Querystring: Record<string, unknown> }>, reply: FastifyReply) => {
    const outcome = await visitLink({
      slug: request.params.slug, route, head: request.method === 'HEAD', userAgent: request.headers['user-agent'] ?? '',
      ip: request.ip, referrer: request.headers.referer ?? '', parent: parseShareToken(request.query.ls), now: s.now(),
    }, s);
    if (!outcome.event) return send(reply, outcome);
    return new Promise<void>((resolve) => {
      s.ingest.record(outcome.event!, (err) => {
        if (err) {
          request.log.error({ err }, 'could not record a visit');
          reply.code(503).header('retry-after', '1').type('application/json').send({ error: { code: 'unavailable', message: 'could not record the visit; try again', details: {} } });
        } else send(reply, outcome);
        resolve();
      });
    });
  };
  const schema = { hide: true, params: { type: 'object', properties: { slug: { type: 'string', maxLength: 64 } }, required: ['slug'] } };
  app.get('/:slug', { schema }, handler('link'));
  app.get('/i/:slug', { schema }, handler('invite'));
}
