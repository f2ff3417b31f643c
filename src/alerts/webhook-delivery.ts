// Sends queued webhook deliveries: signed POSTs, exponential backoff with jitter for 24 h, durable across restarts.
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { randomBase62 } from '../ids.js';
import type { AlertTables } from './alert-tables.js';
import type { Delivery } from './alert-types.js';
import { DeliveryQueue } from './delivery-queue.js';
import { sendWebhook, type SendResult } from './send-webhook.js';
import { openSecret, signPayload } from './sign-payload.js';

export interface DeliveryOptions {
  /** How often due deliveries are looked for, ms. */
  pollMs: number;
  /** First retry delay, ms; doubles per failed attempt. */
  backoffBaseMs: number;
  /** Longest delay between attempts, ms. */
  backoffCapMs: number;
  /** A delivery still failing this long after it was queued is given up, ms. */
  maxAgeMs: number;
  /** Whole budget of one attempt, ms. */
  timeoutMs: number;
  /** Most attempts in flight at once on this node. */
  concurrency: number;
}

export const DEFAULT_DELIVERY_OPTIONS: Readonly<DeliveryOptions> = Object.freeze({
  pollMs: 1000, backoffBaseMs: 10_000, backoffCapMs: 3_600_000, maxAgeMs: 24 * 3_600_000, timeoutMs: 5000, concurrency: 16,
});

/**
 * Delay before the next attempt after `failures` failed ones (≥ 1), ms: base × 2^(failures−1), capped, plus up
 * to 25 % jitter so that receivers coming back are not hit by every queued delivery at once.
 */
export function retryDelay(failures: number, options: Pick<DeliveryOptions, 'backoffBaseMs' | 'backoffCapMs'>, random: () => number = Math.random): number {
  const exp = Math.min(options.backoffCapMs, options.backoffBaseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.round(exp * (1 + 0.25 * random()));
}

/** Polls the queue and sends; each node runs one, claims keep two nodes from sending the same attempt. */
export class DeliveryWorker {
  /** This node's claim name. */
  readonly owner = `${hostname()}:${process.pid}:${randomBase62(6)}`;
  readonly queue: DeliveryQueue;
  options: DeliveryOptions;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private polling: Promise<number> | null = null;
  private pollAgain = false;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly tables: AlertTables,
    private readonly serverSecret: string,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    options: Partial<DeliveryOptions> = {},
  ) {
    this.queue = new DeliveryQueue(tables);
    this.options = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  }

  /** Starts polling every `pollMs` (the timer does not keep the process alive). */
  start(): void {
    this.stop();
    // A tick during a slow poll is skipped rather than queued: the next tick comes soon enough.
    this.timer = setInterval(() => {
      if (!this.polling) void this.pollOnce();
    }, this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Changes options (tests: shorter backoff and polling); restarts the timer if it was running. */
  configure(options: Partial<DeliveryOptions>): void {
    this.options = { ...this.options, ...options };
    if (this.timer) this.start();
  }

  /**
   * Claims due deliveries up to the concurrency limit and starts sending them; resolves to how many started. A call
   * while a poll runs shares it and polls once more after it (the claim may have missed a delivery queued meanwhile).
   */
  pollOnce(): Promise<number> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = this.claimAndSend().finally(() => {
      const again = this.pollAgain;
      this.polling = null;
      this.pollAgain = false;
      if (again) void this.pollOnce();
    });
    return this.polling;
  }

  private async claimAndSend(): Promise<number> {
    if (this.closed) return 0;
    const now = this.now();
    let claimed: Delivery[];
    try {
      claimed = await this.queue.claimDue(this.owner, now, now + this.claimMs(), this.options.concurrency - this.inflight.size);
    } catch (err) {
      this.log.error({ err }, 'claiming webhook deliveries failed');
      return 0;
    }
    for (const d of claimed) this.track(this.attempt(d));
    return claimed.length;
  }

  /** Sends a delivery this node has claimed and records the outcome; returns the updated delivery. */
  async attempt(d: Delivery): Promise<Delivery> {
    const hook = await this.tables.webhooks.get(d.workspaceId, d.webhookId);
    let result: SendResult;
    if (!hook) return d;
    if (!hook.enabled) result = { statusCode: null, latencyMs: 0, excerpt: null, error: 'the webhook is disabled' };
    else {
      let secret: string | null = null;
      try {
        secret = openSecret(hook.secret, this.serverSecret);
      } catch (err) {
        result = { statusCode: null, latencyMs: 0, excerpt: null, error: (err as Error).message };
      }
      if (secret !== null) {
        result = await sendWebhook(hook.url, d.body, {
          'x-lantern-event': d.event, 'x-lantern-delivery': d.id, 'x-lantern-signature': signPayload(d.body, secret),
        }, { allowPrivate: hook.allowPrivate, timeoutMs: this.options.timeoutMs });
      }
    }
    return this.recordResult(d, result!);
  }

  private async recordResult(d: Delivery, result: SendResult): Promise<Delivery> {
    const now = this.now();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const delay = retryDelay(d.attempts + 1, this.options);
    const giveUp = !ok && now + delay - d.createdAt > this.options.maxAgeMs;
    const updated = await this.queue.record(d.id, this.owner, {
      status: ok ? 'succeeded' : giveUp ? 'failed' : 'pending',
      nextAttemptAt: ok || giveUp ? null : now + delay,
      attempt: { at: now, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error },
      excerpt: result.excerpt,
      now,
    });
    const fields = { delivery: d.id, webhook: d.webhookId, statusCode: result.statusCode, latencyMs: result.latencyMs, attempts: d.attempts + 1 };
    if (!ok) this.log.warn({ ...fields, error: result.error, giveUp }, 'webhook delivery failed');
    else this.log.info(fields, 'webhook delivered');
    return updated ?? d;
  }

  /** Longest an attempt may hold its claim: its timeout plus a margin. */
  claimMs(): number {
    return this.options.timeoutMs + 10_000;
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => this.log.error({ err }, 'webhook delivery crashed')).finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  /** Sends a delivery inserted already claimed by this node (the `test` endpoint), waiting for the outcome. */
  async sendClaimed(d: Delivery): Promise<Delivery> {
    const p = this.attempt(d);
    this.track(p);
    return p;
  }

  /** Stops polling and waits for attempts in flight (at most one timeout), so none is left half-recorded. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    // A poll in progress still starts what it claimed; wait for it so those attempts are waited for too.
    await this.polling?.catch(() => undefined);
    await Promise.allSettled([...this.inflight]);
  }
}
