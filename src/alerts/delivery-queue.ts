// The durable delivery queue: claim due deliveries, and record an attempt's outcome in one statement (SQLite or PostgreSQL).
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

// The outer conditions repeat the subquery's on purpose: when another node claims a row first, PostgreSQL waits for
// it and re-checks the outer WHERE (not the subquery) on the new row, which then no longer matches: it is skipped, not
// claimed twice. SQLite runs one writer at a time, so it never sees the race.
const CLAIM_DUE = `UPDATE webhook_deliveries SET claimed_by = ?, claimed_until = ?
  WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
      AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at LIMIT ?)
    AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
  RETURNING *`;

// Only the claim holder may record; success and the response are written together, so an acknowledged delivery can
// never be claimed (and sent) again. The attempt log is a JSON array kept as text (always written compact, `[]` when
// empty): the entry is spliced in before its closing bracket, as neither engine's JSON functions exist in the other.
const RECORD = `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?,
    claimed_by = NULL, claimed_until = NULL, last_status_code = ?, last_latency_ms = ?, last_error = ?, response_excerpt = ?,
    attempt_log = CASE WHEN attempt_log = '[]' THEN '[' || CAST(? AS TEXT) || ']'
      ELSE substr(attempt_log, 1, length(attempt_log) - 1) || ',' || CAST(? AS TEXT) || ']' END,
    updated_at = ?, delivered_at = coalesce(?, delivered_at)
  WHERE id = ? AND claimed_by = ? RETURNING *`;

/** Claims and records deliveries; a claim names its holder and expires, so a crashed node's work is picked up again. */
export class DeliveryQueue {
  constructor(private readonly tables: AlertTables) {}

  /** Inserts a delivery, optionally already claimed (`claimedBy` until `claimedUntil`) to send it at once. */
  insert(delivery: Delivery): Promise<Delivery> {
    return this.tables.deliveries.insert(delivery);
  }

  /**
   * Claims up to `limit` due, unclaimed (or claim-expired) pending deliveries for `owner` until `until` (ms). Nodes
   * claiming at once each get different deliveries (possibly fewer than `limit`).
   */
  async claimDue(owner: string, now: number, until: number, limit: number): Promise<Delivery[]> {
    if (limit <= 0) return [];
    const rows = await this.tables.sql.all(CLAIM_DUE, [owner, until, now, now, limit, now]);
    return rows.map((r) => this.tables.deliveries.fromRow(r));
  }

  /** Writes an attempt's outcome if `owner` still holds the claim; resolves to the updated delivery, or null. */
  async record(id: string, owner: string, r: AttemptRecord): Promise<Delivery | null> {
    const entry = JSON.stringify(r.attempt);
    const row = await this.tables.sql.get(RECORD, [
      r.status, r.nextAttemptAt, r.attempt.statusCode, r.attempt.latencyMs, r.attempt.error, r.excerpt, entry, entry,
      r.now, r.status === 'succeeded' ? r.now : null, id, owner,
    ]);
    return row ? this.tables.deliveries.fromRow(row) : null;
  }
}
