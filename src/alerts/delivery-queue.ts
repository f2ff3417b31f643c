// The durable delivery queue in SQLite: claim due deliveries, and record an attempt's outcome in one statement.
import type { AlertTables } from './alert-tables.js';
import type { Delivery, DeliveryAttempt, DeliveryStatus } from './alert-types.js';

/** The outcome of one attempt, as written back. */
export interface AttemptRecord {
  status: DeliveryStatus;
  nextAttemptAt: number | null;
  attempt: DeliveryAttempt;
  excerpt: string | null;
  now: number;
}

/** Claims and records deliveries; a claim names its holder and expires, so a crashed node's work is picked up again. */
export class DeliveryQueue {
  private readonly claimDueStmt;
  private readonly claimOneStmt;
  private readonly recordStmt;

  constructor(private readonly tables: AlertTables) {
    const db = tables.db;
    this.claimDueStmt = db.prepare(`UPDATE webhook_deliveries SET claimed_by = :owner, claimed_until = :until
      WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= :now
        AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at LIMIT :limit)
      RETURNING *`);
    this.claimOneStmt = db.prepare(`UPDATE webhook_deliveries SET claimed_by = :owner, claimed_until = :until
      WHERE id = :id AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < :now) RETURNING *`);
    // Only the claim holder may record; success and the response are written together, so an acknowledged
    // delivery can never be claimed (and sent) again.
    this.recordStmt = db.prepare(`UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1,
        next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL, last_status_code = :code, last_latency_ms = :latency,
        last_error = :error, response_excerpt = :excerpt, attempt_log = json_insert(attempt_log, '$[#]', json(:entry)),
        updated_at = :now, delivered_at = CASE WHEN :status = 'succeeded' THEN :now ELSE delivered_at END
      WHERE id = :id AND claimed_by = :owner RETURNING *`);
  }

  /** Inserts a delivery, optionally already claimed by `owner` until `claimedUntil` (to send it at once). */
  insert(delivery: Delivery): Delivery {
    return this.tables.deliveries.insert(delivery);
  }

  /** Claims up to `limit` due, unclaimed (or claim-expired) pending deliveries for `owner` until `until` (ms). */
  claimDue(owner: string, now: number, until: number, limit: number): Delivery[] {
    if (limit <= 0) return [];
    const rows = this.claimDueStmt.all({ owner, now, until, limit }) as Record<string, unknown>[];
    return rows.map((r) => this.tables.deliveries.fromRow(r));
  }

  /** Claims one pending delivery if nobody holds it. */
  claimOne(id: string, owner: string, now: number, until: number): Delivery | null {
    const row = this.claimOneStmt.get({ id, owner, now, until }) as Record<string, unknown> | undefined;
    return row ? this.tables.deliveries.fromRow(row) : null;
  }

  /** Writes an attempt's outcome if `owner` still holds the claim; returns the updated delivery, or null. */
  record(id: string, owner: string, r: AttemptRecord): Delivery | null {
    const row = this.recordStmt.get({
      id, owner, status: r.status, next: r.nextAttemptAt, code: r.attempt.statusCode, latency: r.attempt.latencyMs,
      error: r.attempt.error, excerpt: r.excerpt, entry: JSON.stringify(r.attempt), now: r.now,
    }) as Record<string, unknown> | undefined;
    return row ? this.tables.deliveries.fromRow(row) : null;
  }
}
