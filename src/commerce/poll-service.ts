// Polls: one question for a community, answered anonymously at /p/:slug (one answer per visitor per day), counted per option and community.
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { utcDay, type VisitorHasher } from '../ingest/visitor-hash.js';
import { randomSlug, validateSlug } from '../links/slug.js';
import type { MetaStore } from '../store/index.js';
import type { EventReader, Page } from '../store/types.js';
import { findCascadeRoot } from './find-cascade-root.js';
import { checkReferences } from './references.js';
import type { Poll } from './types.js';

export interface PollInput { question: string; options?: string[]; freeText?: boolean; community?: string | null; link?: string | null; slug?: string }

export interface PollView {
  id: string; slug: string; url: string; question: string; options: string[]; freeText: boolean;
  community: string | null; link: string | null; createdAt: string; updatedAt: string;
}

/** What a visitor posted: the index of a choice, or free text; `ls` is the share token the page was opened with. */
export interface PollAnswerInput { choice?: string; text?: string; ls: string | null; ip: string; userAgent: string; now: number }

export interface PollResults {
  id: string; question: string; freeText: boolean; total: number;
  options: { index: number; label: string; count: number }[];
  /** Per community the answer came from (null: unknown); `counts[i]` answers chose option i. */
  byCommunity: { community: string | null; name?: string; total: number; counts: number[] }[];
  /** Most frequent free-text answers (free-text polls only). */
  texts: { text: string; count: number }[];
}

export const MAX_TEXT_ANSWER = 500;

/** Poll CRUD, answers and results. */
export class PollService {
  constructor(private readonly meta: MetaStore, private readonly events: EventReader, private readonly hasher: VisitorHasher, private readonly baseUrl: string) {}

  /** Public address of a poll's page. */
  url(poll: Pick<Poll, 'slug'>): string {
    return `${this.baseUrl}/p/${poll.slug}`;
  }

  toView(p: Poll): PollView {
    return {
      id: p.id, slug: p.slug, url: this.url(p), question: p.question, options: p.options, freeText: p.freeText, community: p.communityId,
      link: p.linkId, createdAt: new Date(p.createdAt).toISOString(), updatedAt: new Date(p.updatedAt).toISOString(),
    };
  }

  /**
   * Creates a poll: either 2–6 distinct options or `freeText: true`, never both.
   * @throws AppError validation_failed / invalid_slug (400), unprocessable (422: unknown community or link), slug_taken (409).
   */
  async create(workspaceId: string, input: PollInput, now: number): Promise<Poll> {
    const question = input.question.trim();
    if (question === '') throw new AppError('validation_failed', 'question must not be blank', { details: { field: 'question' } });
    const freeText = input.freeText === true;
    if (freeText === (input.options !== undefined)) {
      throw new AppError('validation_failed', 'give either options (2 to 6 choices) or freeText: true', { details: { field: 'options' } });
    }
    const options = (input.options ?? []).map((o) => o.trim());
    const distinct = new Set(options.map((o) => o.toLowerCase()));
    if (!freeText && (options.length < 2 || options.length > 6 || options.includes('') || distinct.size !== options.length)) {
      throw new AppError('validation_failed', `options must be 2 to 6 distinct, non-blank choices; got ${JSON.stringify(input.options)}`, { details: { field: 'options' } });
    }
    await checkReferences(this.meta, workspaceId, { community: input.community, link: input.link });
    const custom = input.slug !== undefined ? validateSlug(input.slug) : null;
    for (let attempt = 0; ; attempt++) {
      const poll: Poll = {
        id: newId('pol'), workspaceId, slug: custom ?? randomSlug(), question, options, freeText, communityId: input.community ?? null,
        linkId: input.link ?? null, createdAt: now, updatedAt: now,
      };
      try {
        return await this.meta.commerce.insertPoll(poll);
      } catch (err) {
        if (custom || attempt >= 5 || !(err instanceof AppError && err.code === 'slug_taken')) throw err;
      }
    }
  }

  /** @throws AppError not_found (also for another workspace's poll). */
  async get(workspaceId: string, id: string): Promise<Poll> {
    return (await this.meta.commerce.polls.get(workspaceId, id)) ?? notFound('poll', id);
  }

  /** Newest first, `limit` per page. */
  async list(workspaceId: string, limit: number, cursor: string | null): Promise<Page<Poll>> {
    return this.meta.commerce.polls.list(workspaceId, limit, cursor);
  }

  /** Deletes the poll and its answers. @throws AppError not_found. */
  async delete(workspaceId: string, id: string): Promise<void> {
    if (!(await this.meta.commerce.deletePoll(workspaceId, id))) notFound('poll', id);
  }

  /** The poll a public page names, in any workspace; null when unknown. */
  async findBySlug(slug: string): Promise<Poll | null> {
    return this.meta.commerce.getPollBySlug(slug);
  }

  /**
   * Stores an anonymous answer. One answer per visitor hash, poll and UTC day: a second answer the same day REPLACES the
   * first (`replaced: true`), so a visitor can change their mind but counts once. The community is the one of the tracked
   * link at the root of the share token's cascade, else the poll's own.
   * @throws AppError validation_failed with a message fit to show the visitor.
   */
  async answer(poll: Poll, input: PollAnswerInput): Promise<{ replaced: boolean }> {
    let optionIndex: number | null = null;
    let text: string | null = null;
    if (poll.freeText) {
      text = (input.text ?? '').trim();
      if (text === '') throw new AppError('validation_failed', 'Please write an answer first.', { details: { field: 'text' } });
      if (text.length > MAX_TEXT_ANSWER) throw new AppError('validation_failed', `Please keep it under ${MAX_TEXT_ANSWER} characters.`, { details: { field: 'text' } });
    } else {
      optionIndex = /^\d{1,2}$/.test(input.choice ?? '') ? Number(input.choice) : -1;
      if (optionIndex < 0 || optionIndex >= poll.options.length) throw new AppError('validation_failed', 'Please choose one of the answers.', { details: { field: 'choice' } });
    }
    const replaced = await this.meta.commerce.putPollAnswer({
      pollId: poll.id, workspaceId: poll.workspaceId, day: utcDay(input.now), visitor: this.hasher.hash(input.now, poll.workspaceId, input.ip, input.userAgent),
      optionIndex, text, communityId: await this.communityOf(poll, input.ls), ts: input.now,
    });
    return { replaced };
  }

  /** Counts per option and per community, and the top free-text answers. @throws AppError not_found. */
  async results(workspaceId: string, id: string): Promise<PollResults> {
    const poll = await this.get(workspaceId, id);
    const rows = await this.meta.commerce.countPollAnswers(workspaceId, id);
    const options = poll.options.map((label, index) => ({ index, label, count: 0 }));
    const groups = new Map<string | null, PollResults['byCommunity'][number]>();
    let total = 0;
    for (const r of rows) {
      total += r.count;
      const group = groups.get(r.communityId) ?? { community: r.communityId, total: 0, counts: poll.options.map(() => 0) };
      groups.set(r.communityId, group);
      group.total += r.count;
      if (r.optionIndex !== null && options[r.optionIndex]) {
        options[r.optionIndex].count += r.count;
        group.counts[r.optionIndex] += r.count;
      }
    }
    const names = await this.meta.communities.names(workspaceId, [...groups.keys()].filter((k): k is string => k !== null));
    const byCommunity = [...groups.values()]
      .map((g) => (g.community !== null && names.has(g.community) ? { ...g, name: names.get(g.community) } : g))
      .sort((a, b) => b.total - a.total || String(a.community).localeCompare(String(b.community)));
    const texts = poll.freeText ? await this.meta.commerce.topPollTexts(workspaceId, id, 100) : [];
    return { id: poll.id, question: poll.question, freeText: poll.freeText, total, options, byCommunity, texts };
  }

  private async communityOf(poll: Poll, ls: string | null): Promise<string | null> {
    const root = ls ? await findCascadeRoot(this.events, poll.workspaceId, ls) : null;
    const link = root?.linkId ? await this.meta.links.get(poll.workspaceId, root.linkId) : null;
    return link?.communityId ?? poll.communityId;
  }
}
