// /healthz (the process answers) and /readyz (the stores answer; events waiting for ClickHouse only degrade it).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

/** Registers the health routes. */
export function registerHealthRoutes(app: FastifyInstance, s: Services): void {
  app.get('/healthz', { schema: { tags: ['health'] } }, async () => ({ status: 'ok' }));
  // 503 only when the metadata store fails: without it nothing works. ClickHouse down is `degraded` with a 200, because
  // redirects and the collector still answer (the spool keeps their events) and taking the node out of a load balancer
  // would not bring ClickHouse back.
  app.get('/readyz', { schema: { tags: ['health'] } }, async (request, reply) => {
    try {
      await s.stores.meta.ping();
    } catch (err) {
      request.log.error({ err }, 'store not reachable');
      return reply.code(503).send({ error: { code: 'unavailable', message: 'the metadata store does not answer', details: {} } });
    }
    const events = await s.ingest.eventsStatus();
    if (!events.reachable || events.failing) {
      return {
        status: 'degraded', events: events.reachable ? 'failing' : 'unreachable', store: events.store,
        backlogBytes: events.backlogBytes, refused: events.refused, lastError: events.lastError,
      };
    }
    return { status: 'ready', events: 'ok', store: events.store, backlogBytes: events.backlogBytes, refused: events.refused };
  });
}
