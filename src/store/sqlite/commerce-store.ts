// Community commerce in the embedded SQLite file: offers, conversions, polls and community member counts.
import type { Conversion, MemberCount, Offer, Poll, PollAnswer, PollCountRow } from '../../commerce/types.js';
import { AppError } from '../../errors.js';
import { EntityTable } from './entity-table.js';
import type { SqliteDb } from './open-database.js';

type Row = Record<string, unknown>;

/** Offers, conversions and polls with the transactions that keep use limits and order ids exact. */
export class SqliteCommerceStore {
  readonly offers: EntityTable<Offer>;
  readonly conversions: EntityTable<Conversion>;
  readonly polls: EntityTable<Poll>;

  constructor(readonly db: SqliteDb) {
    const [id, ws, at] = [['id', 'text'], ['workspace_id', 'text'], ['created_at', 'int']] as const;
    const ref = (name: string) => [`${name}_id`, 'text'] as const;
    this.offers = new EntityTable<Offer>(this.db, 'offers', {
        id, workspaceId: ws, code: ['code', 'text'], codeKey: ['code_key', 'text'], communityId: ref('community'), ambassadorId: ref('ambassador'),
        campaignId: ref('campaign'), maxUses: ['max_uses', 'int'], uses: ['uses', 'int'], validFrom: ['valid_from', 'int'], validTo: ['valid_to', 'int'],
        createdAt: at, updatedAt: ['updated_at', 'int'],
      });
    this.conversions = new EntityTable<Conversion>(this.db, 'conversions', {
        id, workspaceId: ws, orderId: ['order_id', 'text'], value: ['value', 'real'], currency: ['currency', 'text'], promoCode: ['promo_code', 'text'],
        token: ['token', 'text'], method: ['method', 'text'], offerId: ref('offer'), linkId: ref('link'), communityId: ref('community'),
        ambassadorId: ref('ambassador'), campaignId: ref('campaign'), rootToken: ['root_token', 'text'], platform: ['platform', 'text'],
        channel: ['channel', 'text'], path: ['path', 'json'], recorded: ['recorded', 'bool'], refundedAt: ['refunded_at', 'int'],
        createdAt: at, updatedAt: ['updated_at', 'int'],
      });
    this.polls = new EntityTable<Poll>(this.db, 'polls', {
        id, workspaceId: ws, slug: ['slug', 'text'], question: ['question', 'text'], options: ['options', 'json'], freeText: ['free_text', 'bool'],
        communityId: ref('community'), linkId: ref('link'), createdAt: at, updatedAt: ['updated_at', 'int'],
      });
  }

  /** Inserts (`isNew`) or rewrites an offer. @throws AppError conflict when another offer of the workspace has the same code. */
  async saveOffer(offer: Offer, isNew: boolean): Promise<Offer> {
    try {
      return isNew ? this.offers.insert(offer) : (this.offers.update(offer.workspaceId, offer.id, offer) ?? offer);
    } catch (err) {
      if (!String(err).includes('UNIQUE')) throw err;
      throw new AppError('conflict', `promo code ${JSON.stringify(offer.code)} is already taken in this workspace`, { details: { field: 'code', code: offer.code } });
    }
  }

  /** The offer whose normalised code is `codeKey`, or null. */
  async getOfferByCode(workspaceId: string, codeKey: string): Promise<Offer | null> {
    const row = this.db.prepare('SELECT * FROM offers WHERE workspace_id = ? AND code_key = ?').get(workspaceId, codeKey) as Row | undefined;
    return row ? this.offers.fromRow(row) : null;
  }

  /**
   * Stores a conversion at most once per (workspace, orderId), in one write transaction: a known order returns the stored
   * conversion; otherwise one use of `offerId` is taken if the offer is valid at `now` (ms) and has uses left, and
   * `build(offerGranted)` makes the conversion that is inserted.
   */
  async insertConversionOnce(workspaceId: string, orderId: string | null, offerId: string | null, now: number,
    build: (offerGranted: boolean) => Conversion): Promise<{ conversion: Conversion; created: boolean }> {
    const tables = this;
    return this.db.transaction(() => {
      const known = orderId === null ? undefined : this.db.prepare('SELECT * FROM conversions WHERE workspace_id = ? AND order_id = ?').get(workspaceId, orderId) as Row | undefined;
      if (known) return { conversion: tables.conversions.fromRow(known), created: false };
      const granted = offerId !== null && this.db.prepare(`UPDATE offers SET uses = uses + 1 WHERE workspace_id = ? AND id = ? AND (max_uses IS NULL OR uses < max_uses)
        AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)`).run(workspaceId, offerId, now, now).changes === 1;
      return { conversion: tables.conversions.insert(build(granted)), created: true };
    }).immediate();
  }

  /** The conversion of an order id, else the conversion with that id; null when neither exists in the workspace. */
  async findConversion(workspaceId: string, orderIdOrId: string): Promise<Conversion | null> {
    const row = this.db.prepare('SELECT * FROM conversions WHERE workspace_id = ? AND order_id = ?').get(workspaceId, orderIdOrId) as Row | undefined;
    return row ? this.conversions.fromRow(row) : this.conversions.get(workspaceId, orderIdOrId);
  }

  /** Compare-and-set of a conversion's `recorded` flag; false when another request changed it first. */
  async setConversionRecorded(workspaceId: string, id: string, from: boolean, to: boolean): Promise<boolean> {
    return this.db.prepare('UPDATE conversions SET recorded = ? WHERE workspace_id = ? AND id = ? AND recorded = ?').run(to ? 1 : 0, workspaceId, id, from ? 1 : 0).changes === 1;
  }

  /** Marks a conversion refunded at `at` (ms) unless it already is; `at` null undoes it. False when nothing changed. */
  async setConversionRefunded(workspaceId: string, id: string, at: number | null): Promise<boolean> {
    const result = at === null
      ? this.db.prepare('UPDATE conversions SET refunded_at = NULL WHERE workspace_id = ? AND id = ? AND refunded_at IS NOT NULL').run(workspaceId, id)
      : this.db.prepare('UPDATE conversions SET refunded_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND refunded_at IS NULL').run(at, at, workspaceId, id);
    return result.changes === 1;
  }

  /** Inserts a poll. @throws AppError slug_taken when another poll has the slug (poll slugs are unique across the instance). */
  async insertPoll(poll: Poll): Promise<Poll> {
    try {
      return this.polls.insert(poll);
    } catch (err) {
      if (String(err).includes('UNIQUE')) throw new AppError('slug_taken', `poll slug ${JSON.stringify(poll.slug)} is already taken`, { details: { slug: poll.slug } });
      throw err;
    }
  }

  /** A poll by slug alone: the public page knows no workspace yet. */
  async getPollBySlug(slug: string): Promise<Poll | null> {
    const row = this.db.prepare('SELECT * FROM polls WHERE slug = ?').get(slug) as Row | undefined;
    return row ? this.polls.fromRow(row) : null;
  }

  /** Deletes a poll and its answers; false when the workspace has no such poll. */
  async deletePoll(workspaceId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM poll_answers WHERE workspace_id = ? AND poll_id = ?').run(workspaceId, id);
      return this.polls.delete(workspaceId, id);
    })();
  }

  /** Stores an answer, replacing the same visitor's answer of the same day; true when it replaced one. */
  async putPollAnswer(a: PollAnswer): Promise<boolean> {
    return this.db.transaction(() => {
      const replaced = this.db.prepare('DELETE FROM poll_answers WHERE poll_id = ? AND day = ? AND visitor = ?').run(a.pollId, a.day, a.visitor).changes > 0;
      this.db.prepare('INSERT INTO poll_answers (poll_id, workspace_id, day, visitor, option_index, text, community_id, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(a.pollId, a.workspaceId, a.day, a.visitor, a.optionIndex, a.text, a.communityId, a.ts);
      return replaced;
    }).immediate();
  }

  /** Answer counts per community and option (option null for free text). */
  async countPollAnswers(workspaceId: string, pollId: string): Promise<PollCountRow[]> {
    const rows = this.db.prepare(`SELECT community_id, option_index, count(*) AS n FROM poll_answers WHERE workspace_id = ? AND poll_id = ?
      GROUP BY community_id, option_index`).all(workspaceId, pollId) as { community_id: string | null; option_index: number | null; n: number }[];
    return rows.map((r) => ({ communityId: r.community_id, optionIndex: r.option_index, count: r.n }));
  }

  /** The most frequent free-text answers (exact text), most frequent first. */
  async topPollTexts(workspaceId: string, pollId: string, limit: number): Promise<{ text: string; count: number }[]> {
    return this.db.prepare(`SELECT text, count(*) AS count FROM poll_answers WHERE workspace_id = ? AND poll_id = ? AND text IS NOT NULL
      GROUP BY text ORDER BY count DESC, text LIMIT ?`).all(workspaceId, pollId, limit) as { text: string; count: number }[];
  }

  /** Appends a community's member count at `ts` (ms) to its history. */
  async addCommunityMembers(communityId: string, ts: number, members: number): Promise<void> {
    this.db.prepare('INSERT INTO community_members (community_id, ts, members) VALUES (?, ?, ?)').run(communityId, ts, members);
  }

  /** A community's member counts, oldest first (the latest `limit`). */
  async listCommunityMembers(communityId: string, limit: number): Promise<MemberCount[]> {
    const rows = this.db.prepare('SELECT ts, members FROM community_members WHERE community_id = ? ORDER BY ts DESC, rowid DESC LIMIT ?').all(communityId, limit) as { ts: number; members: number }[];
    return rows.reverse();
  }
}
