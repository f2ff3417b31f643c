// Community commerce over SqlClient (SQLite or PostgreSQL): offers, conversions, polls and community member counts.
import type { Conversion, MemberCount, Offer, Poll, PollAnswer, PollCountRow } from '../../commerce/types.js';
import { AppError } from '../../errors.js';
import { EntityTable } from './entity-table.js';
import { isUniqueViolation, type SqlClient } from './sql-client.js';

/** Offers, conversions and polls with the transactions that keep use limits and order ids exact. */
export class SqlCommerceStore {
  readonly offers: EntityTable<Offer>;
  readonly conversions: EntityTable<Conversion>;
  readonly polls: EntityTable<Poll>;

  constructor(private readonly sql: SqlClient) {
    const [id, ws, at] = [['id', 'text'], ['workspace_id', 'text'], ['created_at', 'int']] as const;
    const ref = (name: string) => [`${name}_id`, 'text'] as const;
    this.offers = new EntityTable<Offer>(sql, 'offers', {
        id, workspaceId: ws, code: ['code', 'text'], codeKey: ['code_key', 'text'], communityId: ref('community'), ambassadorId: ref('ambassador'),
        campaignId: ref('campaign'), maxUses: ['max_uses', 'int'], uses: ['uses', 'int'], validFrom: ['valid_from', 'int'], validTo: ['valid_to', 'int'],
        createdAt: at, updatedAt: ['updated_at', 'int'],
      });
    this.conversions = new EntityTable<Conversion>(sql, 'conversions', {
        id, workspaceId: ws, orderId: ['order_id', 'text'], value: ['value', 'real'], currency: ['currency', 'text'], promoCode: ['promo_code', 'text'],
        token: ['token', 'text'], method: ['method', 'text'], offerId: ref('offer'), linkId: ref('link'), communityId: ref('community'),
        ambassadorId: ref('ambassador'), campaignId: ref('campaign'), rootToken: ['root_token', 'text'], platform: ['platform', 'text'],
        channel: ['channel', 'text'], path: ['path', 'json'], recorded: ['recorded', 'bool'], refundedAt: ['refunded_at', 'int'],
        createdAt: at, updatedAt: ['updated_at', 'int'],
      });
    this.polls = new EntityTable<Poll>(sql, 'polls', {
        id, workspaceId: ws, slug: ['slug', 'text'], question: ['question', 'text'], options: ['options', 'json'], freeText: ['free_text', 'bool'],
        communityId: ref('community'), linkId: ref('link'), createdAt: at, updatedAt: ['updated_at', 'int'],
      });
  }

  /** Inserts (`isNew`) or rewrites an offer. @throws AppError conflict when another offer of the workspace has the same code. */
  async saveOffer(offer: Offer, isNew: boolean): Promise<Offer> {
    try {
      return isNew ? await this.offers.insert(offer) : ((await this.offers.update(offer.workspaceId, offer.id, offer)) ?? offer);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new AppError('conflict', `promo code ${JSON.stringify(offer.code)} is already taken in this workspace`, { details: { field: 'code', code: offer.code } });
    }
  }

  /** The offer whose normalised code is `codeKey`, or null. */
  async getOfferByCode(workspaceId: string, codeKey: string): Promise<Offer | null> {
    const row = await this.sql.get('SELECT * FROM offers WHERE workspace_id = ? AND code_key = ?', [workspaceId, codeKey]);
    return row ? this.offers.fromRow(row) : null;
  }

  /**
   * Stores a conversion at most once per (workspace, orderId), in one write transaction: a known order returns the stored
   * conversion; otherwise one use of `offerId` is taken if the offer is valid at `now` (ms) and has uses left, and
   * `build(offerGranted)` makes the conversion that is inserted. Two nodes racing on one order id: the loser's
   * transaction (offer use included) rolls back on the unique key and it answers with the winner's conversion.
   */
  async insertConversionOnce(workspaceId: string, orderId: string | null, offerId: string | null, now: number,
    build: (offerGranted: boolean) => Conversion): Promise<{ conversion: Conversion; created: boolean }> {
    const known = async (sql: SqlClient) => {
      const row = orderId === null ? undefined : await sql.get('SELECT * FROM conversions WHERE workspace_id = ? AND order_id = ?', [workspaceId, orderId]);
      return row ? { conversion: this.conversions.fromRow(row), created: false } : null;
    };
    try {
      return await this.sql.transaction(async (tx) => {
        const found = await known(tx);
        if (found) return found;
        const granted = offerId !== null && (await tx.run(`UPDATE offers SET uses = uses + 1 WHERE workspace_id = ? AND id = ?
          AND (max_uses IS NULL OR uses < max_uses) AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)`,
        [workspaceId, offerId, now, now])) === 1;
        return { conversion: await this.conversions.insert(build(granted), tx), created: true };
      });
    } catch (err) {
      const found = isUniqueViolation(err) ? await known(this.sql) : null;
      if (found) return found;
      throw err;
    }
  }

  /** The conversion of an order id, else the conversion with that id; null when neither exists in the workspace. */
  async findConversion(workspaceId: string, orderIdOrId: string): Promise<Conversion | null> {
    const row = await this.sql.get('SELECT * FROM conversions WHERE workspace_id = ? AND order_id = ?', [workspaceId, orderIdOrId]);
    return row ? this.conversions.fromRow(row) : this.conversions.get(workspaceId, orderIdOrId);
  }

  /** Compare-and-set of a conversion's `recorded` flag; false when another request changed it first. */
  async setConversionRecorded(workspaceId: string, id: string, from: boolean, to: boolean): Promise<boolean> {
    return (await this.sql.run('UPDATE conversions SET recorded = ? WHERE workspace_id = ? AND id = ? AND recorded = ?',
      [to ? 1 : 0, workspaceId, id, from ? 1 : 0])) === 1;
  }

  /** Marks a conversion refunded at `at` (ms) unless it already is; `at` null undoes it. False when nothing changed. */
  async setConversionRefunded(workspaceId: string, id: string, at: number | null): Promise<boolean> {
    const changed = at === null
      ? await this.sql.run('UPDATE conversions SET refunded_at = NULL WHERE workspace_id = ? AND id = ? AND refunded_at IS NOT NULL', [workspaceId, id])
      : await this.sql.run('UPDATE conversions SET refunded_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND refunded_at IS NULL', [at, at, workspaceId, id]);
    return changed === 1;
  }

  /** Inserts a poll. @throws AppError slug_taken when another poll has the slug (poll slugs are unique across the instance). */
  async insertPoll(poll: Poll): Promise<Poll> {
    try {
      return await this.polls.insert(poll);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('slug_taken', `poll slug ${JSON.stringify(poll.slug)} is already taken`, { details: { slug: poll.slug } });
      throw err;
    }
  }

  /** A poll by slug alone: the public page knows no workspace yet. */
  async getPollBySlug(slug: string): Promise<Poll | null> {
    const row = await this.sql.get('SELECT * FROM polls WHERE slug = ?', [slug]);
    return row ? this.polls.fromRow(row) : null;
  }

  /** Deletes a poll and its answers; false when the workspace has no such poll. */
  async deletePoll(workspaceId: string, id: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM poll_answers WHERE workspace_id = ? AND poll_id = ?', [workspaceId, id]);
      return (await tx.run('DELETE FROM polls WHERE workspace_id = ? AND id = ?', [workspaceId, id])) > 0;
    });
  }

  /** Stores an answer, replacing the same visitor's answer of the same day; true when it replaced one. */
  async putPollAnswer(a: PollAnswer): Promise<boolean> {
    const put = () => this.sql.transaction(async (tx) => {
      const replaced = (await tx.run('DELETE FROM poll_answers WHERE poll_id = ? AND day = ? AND visitor = ?', [a.pollId, a.day, a.visitor])) > 0;
      await tx.run('INSERT INTO poll_answers (poll_id, workspace_id, day, visitor, option_index, text, community_id, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [a.pollId, a.workspaceId, a.day, a.visitor, a.optionIndex, a.text, a.communityId, a.ts]);
      return replaced;
    });
    try {
      return await put();
    } catch (err) {
      // The same visitor answering twice at once on two nodes: the second write replaces the first.
      if (isUniqueViolation(err)) return put();
      throw err;
    }
  }

  /** Answer counts per community and option (option null for free text). */
  async countPollAnswers(workspaceId: string, pollId: string): Promise<PollCountRow[]> {
    const rows = await this.sql.all<{ community_id: string | null; option_index: number | null; n: number }>(
      `SELECT community_id, option_index, count(*) AS n FROM poll_answers WHERE workspace_id = ? AND poll_id = ?
      GROUP BY community_id, option_index`, [workspaceId, pollId]);
    return rows.map((r) => ({ communityId: r.community_id, optionIndex: r.option_index, count: r.n }));
  }

  /** The most frequent free-text answers (exact text), most frequent first. */
  async topPollTexts(workspaceId: string, pollId: string, limit: number): Promise<{ text: string; count: number }[]> {
    return this.sql.all(`SELECT text, count(*) AS count FROM poll_answers WHERE workspace_id = ? AND poll_id = ? AND text IS NOT NULL
      GROUP BY text ORDER BY count DESC, text LIMIT ?`, [workspaceId, pollId, limit]);
  }

  /** Appends a community's member count at `ts` (ms) to its history. */
  async addCommunityMembers(communityId: string, ts: number, members: number): Promise<void> {
    await this.sql.run('INSERT INTO community_members (community_id, ts, members) VALUES (?, ?, ?)', [communityId, ts, members]);
  }

  /** A community's member counts, oldest first (the latest `limit`); `rowid` orders counts taken in the same millisecond. */
  async listCommunityMembers(communityId: string, limit: number): Promise<MemberCount[]> {
    const rows = await this.sql.all<{ ts: number; members: number }>(
      'SELECT ts, members FROM community_members WHERE community_id = ? ORDER BY ts DESC, rowid DESC LIMIT ?', [communityId, limit]);
    return rows.reverse();
  }
}
