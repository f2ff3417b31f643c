// /healthz (the process answers) and /readyz (the stores answer).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

/** Registers the health routes. */
export function registerHealthRoutes(app: FastifyInstance, s: Services): void {
  app.get('/healthz', { schema: { tags: ['health'] } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'] } }, async (request, reply) => {
    try {
      await s.stores.meta.ping();
      return { status: 'ready', backlogBytes: 0 };
    } catch (err) {
      request.log.error({ err }, 'store not reachable');
      return reply.code(503).send({ error: { code: 'unavailable', message: 'the metadata store does not answer', details: {} } });
    }
  });
}
