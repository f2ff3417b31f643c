// buildApp(config, stores): the one place routes and plugins are registered, in this order. It never listens.
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { sharedRateLimitStore } from './http/shared-rate-limit.js';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { fastPathServerFactory, type FastPathDeps } from './http/fast-path-server.js';
import { registerAuth } from './http/plugins/auth.js';
import { registerErrorHandler } from './http/plugins/error-handler.js';
import { registerAlertRoutes } from './http/routes/alerts.js';
import { registerAuthRoutes } from './http/routes/auth.js';
import { registerCascadeRoutes } from './http/routes/cascades.js';
import { registerCollectRoutes } from './http/routes/collect.js';
import { registerCommerceRoutes } from './http/routes/commerce.js';
import { registerHealthRoutes } from './http/routes/health.js';
import { registerKeyRoutes } from './http/routes/keys.js';
import { registerLinkRoutes } from './http/routes/links.js';
import { registerLiveRoutes } from './http/routes/live.js';
import { registerMemberRoutes } from './http/routes/members.js';
import { registerRedirectRoutes } from './http/routes/redirect.js';
import { registerResourceRoutes } from './http/routes/resources.js';
import { registerStatsRoutes } from './http/routes/stats.js';
import { ErrorBody } from './http/schemas/common.js';
import { LinkView } from './http/schemas/links.js';
import { createServices, type ServiceOptions, type Services } from './services.js';
import type { Stores } from './store/index.js';

/** The repository root: static assets (tracker, dashboard) are found from here, in src/ and dist/ alike. */
export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface AppOptions extends ServiceOptions {
  /** pino options or false (tests). */
  logger?: boolean | object;
}

/** Builds the Fastify instance with every route; `app.services` holds the service graph. Call `app.close()` to stop. */
export async function buildApp(config: Readonly<Config>, stores: Stores, options: AppOptions = {}): Promise<FastifyInstance & { services: Services }> {
  let fastPath: FastPathDeps | null = null;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    serverFactory: fastPathServerFactory(() => fastPath),
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  const services = await createServices(config, stores, app.log, options);
  app.decorate('services', services);
  fastPath = { ...services, trustProxy: config.trustProxy, log: app.log, inject: (options) => app.inject(options) };
  app.addHook('onClose', async () => services.close());
  // Once closing starts, Fastify answers every request (503 while closing): the fast paths would write to a closing log.
  app.addHook('preClose', async () => void (fastPath = null));

  app.addSchema(ErrorBody);
  app.addSchema(LinkView);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lantern API', version: '0.1.0', description: 'Dark social intelligence: tracked links, shares, cascades, stats.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    hideUntagged: false,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  app.addHook('onRoute', (route) => {
    // Every authenticated API route is rate-limited per key (or session, or address). This hook must run before
    // the rate-limit plugin's own onRoute hook, which reads the config: so it is added before the plugin.
    const access = route.config?.access;
    if (route.url.startsWith('/api/') && access && access !== 'public' && !route.config?.rateLimit) {
      route.config = { ...route.config, rateLimit: { max: config.rateLimitPerMinute, timeWindow: 60_000 } };
    }
  });
  await app.register(rateLimit, {
    global: false,
    // Several nodes share PostgreSQL: count there. One node alone counts in memory.
    ...(stores.shared && { store: sharedRateLimitStore(stores.meta.sql), skipOnError: true }),
    keyGenerator: (req) => req.headers.authorization ?? req.cookies?.lantern_session ?? req.ip,
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `rate limit of ${ctx.max} requests per minute exceeded; retry in ${Math.ceil(ctx.ttl / 1000)} s`, { details: { limit: ctx.max } }),
  });
  registerErrorHandler(app);
  registerAuth(app, stores.meta, services.now);

  registerHealthRoutes(app, services);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAuthRoutes(app, services);
  registerKeyRoutes(app, services);
  registerMemberRoutes(app, services);
  registerLinkRoutes(app, services);
  registerResourceRoutes(app, services);
  registerStatsRoutes(app, services);
  registerCollectRoutes(app, services);
  registerCascadeRoutes(app, services);
  registerCommerceRoutes(app, services);
  registerAlertRoutes(app, services);
  registerLiveRoutes(app, services);
  registerStaticRoutes(app);
  registerRedirectRoutes(app, services);
  return app as unknown as FastifyInstance & { services: Services };
}

/** The tracker script and the dashboard, from the build output. */
function registerStaticRoutes(app: FastifyInstance): void {
  const tracker = join(ROOT_DIR, 'dist', 'public');
  const dashboard = join(ROOT_DIR, 'dashboard', 'dist');
  app.get('/lantern.js', { schema: { hide: true } }, (_request, reply) => {
    if (!existsSync(join(tracker, 'lantern.js'))) return reply.code(503).send({ error: { code: 'unavailable', message: 'the tracker is not built; run npm run build', details: {} } });
    return reply.header('cache-control', 'public, max-age=3600').header('access-control-allow-origin', '*').sendFile('lantern.js', tracker);
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/app/'));
  if (existsSync(dashboard)) {
    app.register(fastifyStatic, { root: dashboard, prefix: '/app/', decorateReply: true, wildcard: false, index: ['index.html'] });
    app.get('/app/*', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html', dashboard));
  } else {
    app.register(fastifyStatic, { root: tracker, serve: false });
    app.get('/app/*', { schema: { hide: true } }, (_request, reply) => reply.code(503).type('text/plain').send('The dashboard is not built; run npm run build.'));
  }
}
