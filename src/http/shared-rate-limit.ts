// A rate-limit store in the shared metadata database, so N nodes behind a load balancer enforce one limit, not N.
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { SqlClient } from '../store/sql/sql-client.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

const PRUNE_EVERY_MS = 60_000;

/**
 * The `store` option of @fastify/rate-limit: fixed windows counted by an upsert. Like the built-in store, each route
 * counts apart (`child`). Keys are hashed: an API key or session id never reaches the table.
 */
export function sharedRateLimitStore(sql: SqlClient, now: () => number = Date.now) {
  let prunedAt = 0;
  const prune = (windowMs: number) => {
    const at = now();
    if (at - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at;
    sql.run('DELETE FROM rate_limits WHERE window_start < ?', [at - 2 * windowMs]).catch(() => undefined);
  };

  return class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;

    constructor(options: { scope?: string } = {}) {
      this.scope = options.scope ?? '';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const at = now();
      const windowStart = Math.floor(at / timeWindow) * timeWindow;
      const hashed = createHash('sha256').update(`${this.scope}\n${key}`).digest('base64url').slice(0, 32);
      sql.get<{ hits: number }>(`INSERT INTO rate_limits (key, window_start, hits) VALUES (?, ?, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits`, [hashed, windowStart])
        .then((row) => cb(null, { current: row!.hits, ttl: windowStart + timeWindow - at }), (err: Error) => cb(err));
      prune(timeWindow);
    }

    /** The plugin passes the route as `routeInfo` (its typings say otherwise). */
    child(options: Parameters<FastifyRateLimitStore['child']>[0]): SharedRateLimitStore {
      const route = (options as { routeInfo?: { method?: unknown; url?: string } }).routeInfo ?? {};
      return new SharedRateLimitStore({ scope: `${String(route.method)} ${route.url}` });
    }
  };
}
