// GET /api/live: server-sent events of new events and alerts, with heartbeats and Last-Event-ID resume.
import type { FastifyInstance } from 'fastify';
import type { LiveMessage } from '../../live/live-feed.js';
import type { Services } from '../../services.js';
import { principalOf } from '../plugins/auth.js';

const HEARTBEAT_MS = 15_000;

function frame(m: LiveMessage): string {
  return `id: ${m.id}\nevent: ${m.type}\ndata: ${JSON.stringify({ type: m.type, ...m.data })}\n\n`;
}

/** Registers the live feed. */
export function registerLiveRoutes(app: FastifyInstance, s: Services): void {
  app.get('/api/live', { config: { access: 'read' }, schema: { tags: ['live'], summary: 'Server-sent events: new events and alerts' } }, (request, reply) => {
    const ws = principalOf(request).workspaceId;
    const lastId = Number(request.headers['last-event-id'] ?? (request.query as { lastEventId?: string }).lastEventId ?? 0) || 0;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 3000\n: connected\n\n`);
    for (const m of s.live.since(ws, lastId)) res.write(frame(m));
    const unsubscribe = s.live.subscribe(ws, (m) => res.write(frame(m)));
    const heartbeat = setInterval(() => res.write(`: ping ${Date.now()}\n\n`), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.raw.on('close', close);
    res.on('error', close);
  });
}
