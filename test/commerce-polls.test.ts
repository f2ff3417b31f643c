// Polls: validation and isolation, the page as a plain form post, one answer per visitor per day, previews, results per community.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let clock = Date.parse('2026-05-04T09:00:00Z');
let community: string;

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, headers: t.auth(key), ...(payload !== undefined && { payload: payload as object }) });
const createPoll = async (body: Record<string, unknown>) => {
  const res = await api('POST', '/api/polls', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
/** A browser submitting the form, from `ip`. */
const answer = (slug: string, form: Record<string, string>, ip = '203.0.113.7', ua: string = UA.safariIphone) => t.app.inject({
  method: 'POST', url: `/p/${slug}`, payload: new URLSearchParams(form).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': ua, 'x-forwarded-for': ip },
});
const results = async (id: string) => (await api('GET', `/api/polls/${id}/results`)).json();

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  community = (await api('POST', '/api/communities', { name: 'Book club', platform: 'telegram' })).json().id;
});
afterAll(async () => t.close());

describe('/api/polls', () => {
  test('a poll is created with its public page address', async () => {
    const poll = await createPoll({ question: 'Next meetup?', options: ['Friday', 'Saturday'], community, slug: 'meetup' });
    expect(poll).toMatchObject({ id: expect.stringMatching(/^pol_/), slug: 'meetup', url: 'http://lnt.test/p/meetup', question: 'Next meetup?', options: ['Friday', 'Saturday'], freeText: false, community, link: null });
    expect((await api('POST', '/api/polls', { question: 'Again?', options: ['a', 'b'], slug: 'meetup' })).statusCode).toBe(409);
  });

  test.each([
    ['one option', { question: 'Q', options: ['only'] }, 400],
    ['seven options', { question: 'Q', options: ['1', '2', '3', '4', '5', '6', '7'] }, 400],
    ['the same option twice', { question: 'Q', options: ['Yes', 'yes'] }, 400],
    ['options and free text', { question: 'Q', options: ['a', 'b'], freeText: true }, 400],
    ['neither options nor free text', { question: 'Q' }, 400],
    ['a blank question', { question: '  ', freeText: true }, 400],
    ['a reserved slug', { question: 'Q', freeText: true, slug: 'api' }, 400],
    ['an unknown community', { question: 'Q', freeText: true, community: 'com_nope' }, 422],
    ['an unknown link', { question: 'Q', freeText: true, link: 'lnk_nope' }, 422],
  ])('%s is refused', async (_name, body, status) => {
    const res = await api('POST', '/api/polls', body);
    expect(res.statusCode, res.body).toBe(status);
  });

  test('another workspace gets 404 for a poll and its results, and cannot reference my community', async () => {
    const poll = await createPoll({ question: 'Private?', freeText: true });
    for (const url of [`/api/polls/${poll.id}`, `/api/polls/${poll.id}/results`]) expect((await api('GET', url, undefined, t.other.key)).statusCode).toBe(404);
    expect((await api('DELETE', `/api/polls/${poll.id}`, undefined, t.other.key)).statusCode).toBe(404);
    expect((await api('GET', '/api/polls', undefined, t.other.key)).json().items).toEqual([]);
    expect((await api('POST', '/api/polls', { question: 'Q', freeText: true, community }, t.other.key)).statusCode).toBe(422);
    expect((await api('DELETE', `/api/polls/${poll.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/p/${poll.slug}` })).statusCode).toBe(404);
  });
});

describe('the poll page', () => {
  test('people get an accessible form that posts to itself without JavaScript', async () => {
    const poll = await createPoll({ question: 'Tea or <coffee>?', options: ['Tea', 'Coffee & cake'] });
    const res = await t.app.inject({ method: 'GET', url: `/p/${poll.slug}`, headers: { 'user-agent': UA.safariIphone } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(html).toContain(`<form method="post" action="/p/${poll.slug}">`);
    expect(html).toContain('<legend><h1>Tea or &lt;coffee&gt;?</h1></legend>');
    expect(html).toContain('<label class="opt"><input type="radio" name="choice" value="1" required> <span>Coffee &amp; cake</span></label>');
    expect(html).toContain('<button type="submit">');
    expect(html).not.toContain('<script');
    expect((await t.app.inject({ method: 'GET', url: '/p/nope-nope' })).statusCode).toBe(404);
  });

  test('one answer per visitor per day: a second answer the same day replaces the first; the next day counts again', async () => {
    const poll = await createPoll({ question: 'Best day?', options: ['Mon', 'Tue', 'Wed'] });
    const first = await answer(poll.slug, { choice: '1' });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Your answer has been recorded.');
    const again = await answer(poll.slug, { choice: '2' });
    expect(again.body).toContain('replaces the one you gave earlier today');
    await answer(poll.slug, { choice: '2' }, '198.51.100.23');
    let r = await results(poll.id);
    expect(r.total).toBe(2);
    expect(r.options.map((o: { count: number }) => o.count)).toEqual([0, 0, 2]);
    clock += 86_400_000;
    await answer(poll.slug, { choice: '0' });
    r = await results(poll.id);
    expect(r.total).toBe(3);
    expect(r.options.map((o: { count: number }) => o.count)).toEqual([1, 0, 2]);
  });

  test('a refused post shows the form again with the reason; robots cannot answer', async () => {
    const poll = await createPoll({ question: 'Pick one', options: ['A', 'B'] });
    const bad = await answer(poll.slug, { choice: '7' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert">Please choose one of the answers.</p>');
    expect(bad.body).toContain('<form method="post"');
    expect((await answer(poll.slug, { choice: '0' }, '192.0.2.1', UA.googlebot)).statusCode).toBe(403);
    expect((await results(poll.id)).total).toBe(0);
  });

  test('a free-text poll collects short texts', async () => {
    const poll = await createPoll({ question: 'What should we read?', freeText: true });
    expect((await t.app.inject({ method: 'GET', url: `/p/${poll.slug}` })).body).toContain('<label for="poll-text">Your answer</label><textarea id="poll-text" name="text"');
    await answer(poll.slug, { text: '  Dune ' }, '192.0.2.10');
    await answer(poll.slug, { text: 'Dune' }, '192.0.2.11');
    await answer(poll.slug, { text: 'Middlemarch' }, '192.0.2.12');
    expect((await answer(poll.slug, { text: ' ' }, '192.0.2.13')).statusCode).toBe(400);
    expect((await results(poll.id)).texts).toEqual([{ text: 'Dune', count: 2 }, { text: 'Middlemarch', count: 1 }]);
  });

  test('a chat app\'s preview fetch gets a card showing the question, recorded as a share', async () => {
    const poll = await createPoll({ question: 'Pizza on Friday?', options: ['Yes', 'No'], community });
    const before = (await api('GET', '/api/stats/summary')).json().sharesByPlatform.whatsapp ?? 0;
    const res = await t.app.inject({ method: 'GET', url: `/p/${poll.slug}`, headers: { 'user-agent': UA.whatsapp } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta property="og:title" content="Pizza on Friday?">');
    expect(res.body).toContain('<meta property="og:description" content="Yes · No');
    expect(res.body).not.toContain('<form');
    clock += 1000; // the summary's range ends (exclusive) at now
    expect((await api('GET', '/api/stats/summary')).json().sharesByPlatform.whatsapp).toBe(before + 1);
  });

  test('an answer arriving through a community\'s tracked link counts for that community', async () => {
    const poll = await createPoll({ question: 'Which book?', options: ['Dune', 'Emma'] });
    const other = (await api('POST', '/api/communities', { name: 'Sci-fi fans', platform: 'discord' })).json();
    const link = (await api('POST', '/api/links', { url: poll.url, community: other.id })).json();
    const redirect = await t.app.inject({ method: 'GET', url: `/${link.slug}`, headers: { 'user-agent': UA.chromeDesktop } });
    const location = new URL(redirect.headers.location as string);
    expect(location.pathname).toBe(`/p/${poll.slug}`);
    const ls = location.searchParams.get('ls')!;
    const page = await t.app.inject({ method: 'GET', url: `${location.pathname}${location.search}`, headers: { 'user-agent': UA.chromeDesktop } });
    expect(page.body).toContain(`<input type="hidden" name="ls" value="${ls}">`);
    await answer(poll.slug, { choice: '0', ls }, '192.0.2.50', UA.chromeDesktop);
    await answer(poll.slug, { choice: '1' }, '192.0.2.51');
    const r = await results(poll.id);
    expect(r.byCommunity).toEqual([
      { community: other.id, name: 'Sci-fi fans', total: 1, counts: [1, 0] },
      { community: null, total: 1, counts: [0, 1] },
    ]);
  });
});
