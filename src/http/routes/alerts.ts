// Alert rules, alerts, webhooks and the live feed (routes registered here).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

/** Registers the early-warning routes. */
export function registerAlertRoutes(_app: FastifyInstance, _s: Services): void {}
