// The poll's public pages: a plain HTML form that works without JavaScript (labels, large touch targets, fine at 375 px), and the thank-you page.
import { escapeHtml as e } from '../links/render-pages.js';
import { MAX_TEXT_ANSWER } from './poll-service.js';
import type { Poll } from './types.js';

const STYLE = 'body{font:18px/1.5 system-ui,sans-serif;margin:0;background:#14161a;color:#f2efe9}' +
  'main{box-sizing:border-box;max-width:34rem;margin:0 auto;padding:1.5rem 1rem}' +
  'fieldset{border:0;margin:0;padding:0;min-width:0}legend{padding:0;margin-bottom:.75rem}' +
  'h1{font-size:1.4rem;line-height:1.3;margin:0;color:#f5b942;overflow-wrap:anywhere}' +
  '.opt{display:flex;align-items:center;gap:.75rem;min-height:3rem;box-sizing:border-box;padding:.6rem 1rem;margin:.5rem 0;' +
  'border:2px solid #5c6370;border-radius:.75rem;cursor:pointer;overflow-wrap:anywhere}' +
  '.opt:has(input:checked){border-color:#f5b942;background:#262a31}.opt input{width:1.5rem;height:1.5rem;flex:none;margin:0;accent-color:#f5b942}' +
  'textarea{box-sizing:border-box;width:100%;min-height:8rem;font:inherit;padding:.75rem;border:2px solid #5c6370;border-radius:.75rem;background:#1d2026;color:inherit}' +
  'button,.button{display:block;box-sizing:border-box;width:100%;min-height:3rem;margin-top:1rem;padding:.75rem 1rem;font:inherit;font-weight:600;text-align:center;' +
  'border:0;border-radius:.75rem;background:#f5b942;color:#14161a;cursor:pointer;text-decoration:none}' +
  ':focus-visible{outline:3px solid #8ab4f8;outline-offset:2px}.error{color:#ffb4a8;font-weight:600}.note{color:#b9bcc2;font-size:.9rem}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${e(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface PollFormState {
  /** Where the form posts: the poll's own path. */
  action: string;
  /** The share token the page was opened with, carried through the post. */
  ls: string | null;
  /** A message for the visitor after a refused post. */
  error?: string;
}

/** The poll as a form: radio buttons (or a text box) in a fieldset whose legend is the question. */
export function renderPollPage(poll: Pick<Poll, 'question' | 'options' | 'freeText'>, state: PollFormState): string {
  const error = state.error ? `<p class="error" id="poll-error" role="alert">${e(state.error)}</p>` : '';
  const describedBy = state.error ? ' aria-describedby="poll-error"' : '';
  const inputs = poll.freeText
    ? `<label for="poll-text">Your answer</label><textarea id="poll-text" name="text" maxlength="${MAX_TEXT_ANSWER}" required${describedBy}></textarea>`
    : poll.options.map((label, i) => `<label class="opt"><input type="radio" name="choice" value="${i}" required> <span>${e(label)}</span></label>`).join('');
  return page(poll.question,
    `<form method="post" action="${e(state.action)}"><fieldset${describedBy}><legend><h1>${e(poll.question)}</h1></legend>${error}${inputs}</fieldset>` +
    (state.ls ? `<input type="hidden" name="ls" value="${e(state.ls)}">` : '') +
    `<button type="submit">Send my answer</button></form>` +
    `<p class="note">Anonymous: no name, no account, no cookie. One answer per person per day; answering again replaces your answer.</p>`);
}

/** After an answer: thanks, and the poll's tracked link if it has one. */
export function renderPollThanks(poll: Pick<Poll, 'question'>, replaced: boolean, next: string | null): string {
  return page('Thank you',
    `<h1>Thank you!</h1><p>${replaced ? 'Your new answer replaces the one you gave earlier today.' : 'Your answer has been recorded.'}</p>` +
    `<p class="note">${e(poll.question)}</p>` + (next ? `<a class="button" href="${e(next)}">Continue</a>` : ''));
}
