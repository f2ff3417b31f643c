// Visitor counting without identifiers: hash(daily random salt, workspace, IP, user agent); salts rotate daily.
import * as crypto from 'node:crypto';

/** A source of the salt of a UTC day (YYYY-MM-DD); it deletes older salts. */
export type SaltSource = (day: string) => Promise<string>;

/** UTC day of `ts` (ms) as YYYY-MM-DD. */
export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

// One-shot crypto.hash (Node ≥ 20.12) costs a third of a Hash object's create/update/digest on this short input.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;
const sha256Base64url = oneShot
  ? (data: string) => oneShot('sha256', data, 'base64url')
  : (data: string) => crypto.createHash('sha256').update(data).digest('base64url');

/** Keeps today's salt in memory and hashes visitors with it. */
export class VisitorHasher {
  private day = '';
  private salt = '';
  /** End of the salt's day, ms: comparing numbers beats formatting a date per request. */
  private dayEnd = 0;
  private rotating: Promise<void> | null = null;

  constructor(private readonly source: SaltSource) {}

  /** Loads the salt of the day of `now` (ms); call at start and on a timer. */
  async rotate(now: number): Promise<void> {
    const day = utcDay(now);
    if (day <= this.day) return;
    this.salt = await this.source(day);
    this.day = day;
    this.dayEnd = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  }

  /**
   * A 16-character hash of the visitor for `now`'s day. If the day just changed and the new salt is not loaded yet,
   * the rotation starts and the previous salt is used for these few milliseconds.
   * @throws Error if `rotate` never ran.
   */
  hash(now: number, workspaceId: string, ip: string, userAgent: string): string {
    if (!this.salt) throw new Error('VisitorHasher.rotate() must run before hash()');
    // Only a newer day rotates: hashing a past event (a log import) uses today's salt and never revives an old one.
    if (now >= this.dayEnd && !this.rotating) {
      this.rotating = this.rotate(now).finally(() => (this.rotating = null));
    }
    return sha256Base64url(`${this.salt}\0${workspaceId}\0${ip}\0${userAgent}`).slice(0, 16);
  }
}
