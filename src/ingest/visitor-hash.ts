// Visitor counting without identifiers: hash(daily random salt, workspace, IP, user agent); salts rotate daily.
import { createHash } from 'node:crypto';

/** A source of the salt of a UTC day (YYYY-MM-DD); it deletes older salts. */
export type SaltSource = (day: string) => Promise<string>;

/** UTC day of `ts` (ms) as YYYY-MM-DD. */
export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

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
    return createHash('sha256').update(`${this.salt}\0${workspaceId}\0${ip}\0${userAgent}`).digest('base64url').slice(0, 16);
  }
}
