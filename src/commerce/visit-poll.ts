// What a request for a poll page gets: the form, a preview card for chat apps (recorded as a share), or the thank-you page.
import { classifyAgent } from '../classify/index.js';
import { AppError } from '../errors.js';
import { buildEvent } from '../ingest/build-event.js';
import { lookupCountry } from '../ingest/lookup-country.js';
import type { LinkService } from '../links/link-service.js';
import { renderMessagePage, renderPreviewPage } from '../links/render-pages.js';
import type { MetaStore } from '../store/index.js';
import type { StoredEvent } from '../store/types.js';
import type { PollService } from './poll-service.js';
import { renderPollPage, renderPollThanks } from './render-poll-pages.js';
import type { Poll } from './types.js';

export interface PollRequest {
  slug: string;
  /** HEAD answers like GET and records nothing. */
  head: boolean;
  userAgent: string;
  ip: string;
  /** The well-formed share token (`ls`) the page was opened with or the form carried. */
  ls: string | null;
  now: number;
}

export interface PollOutcome { status: number; html: string; event?: StoredEvent }

export interface PollDeps { polls: PollService; links: LinkService; meta: MetaStore }

const NOT_FOUND: PollOutcome = { status: 404, html: renderMessagePage('Poll not found', 'This poll does not exist. Check that the address was copied whole.') };
const NO_BOTS: PollOutcome = { status: 403, html: renderMessagePage('Not for robots', 'Automated clients cannot answer polls.') };

/** The page of a poll: the form for people (and other bots), an Open Graph card showing the question for preview fetchers. */
export async function viewPoll(req: PollRequest, deps: PollDeps): Promise<PollOutcome> {
  const poll = await deps.polls.findBySlug(req.slug);
  if (!poll) return NOT_FOUND;
  const agent = classifyAgent(req.userAgent);
  if (agent.kind !== 'preview') return { status: 200, html: renderPollPage(poll, { action: `/p/${poll.slug}`, ls: req.ls }) };
  const url = deps.polls.url(poll);
  const description = poll.freeText ? 'Answer in a few words: anonymous, one tap away.' : `${poll.options.join(' · ')} — anonymous, one tap to answer.`;
  const html = renderPreviewPage({ title: poll.question, description, image: null, siteName: 'Poll', shortUrl: url, destination: url });
  // Like a link's preview fetch: a share of the poll into that chat app, naming the visit whose address was pasted.
  const event = req.head ? undefined : buildEvent({
    ts: req.now, workspaceId: poll.workspaceId, type: 'preview', platform: agent.platform, channel: 'dark_social', communityId: poll.communityId,
    token: req.ls, device: agent.device, browser: agent.browser, os: agent.os, country: lookupCountry(req.ip), path: `/p/${poll.slug}`, data: { poll: poll.id },
  });
  return { status: 200, html, event };
}

/** A posted answer: stored (replacing the visitor's earlier answer of the day), then thanks; the form again with a message if refused. */
export async function answerPoll(req: PollRequest & { form: Record<string, unknown> }, deps: PollDeps): Promise<PollOutcome> {
  const poll = await deps.polls.findBySlug(req.slug);
  if (!poll) return NOT_FOUND;
  if (classifyAgent(req.userAgent).kind !== 'person') return NO_BOTS;
  const field = (name: string) => (typeof req.form[name] === 'string' ? (req.form[name] as string) : undefined);
  try {
    const { replaced } = await deps.polls.answer(poll, { choice: field('choice'), text: field('text'), ls: req.ls, ip: req.ip, userAgent: req.userAgent, now: req.now });
    return { status: 200, html: renderPollThanks(poll, replaced, await nextLink(poll, deps)) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    return { status: 400, html: renderPollPage(poll, { action: `/p/${poll.slug}`, ls: req.ls, error: err.message }) };
  }
}

async function nextLink(poll: Poll, deps: PollDeps): Promise<string | null> {
  const link = poll.linkId ? await deps.meta.links.get(poll.workspaceId, poll.linkId) : null;
  return link && !link.disabled ? deps.links.shortUrl(link) : null;
}
