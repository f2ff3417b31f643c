// GET /:slug as people, chat apps' preview fetchers and bots see it; and what each records.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let destination: Server;
let destinationOrigin: string;
let destinationHits = 0;

beforeAll(async () => {
  t = await createTestApp();
  destination = createServer((req, res) => {
    destinationHits++;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><title>Plain title</title>
      <meta property="og:title" content="Spring drop &amp; more"><meta property="og:description" content="Only for the VIP group">
      <meta property="og:image" content="/img/card.png"></head><body>hi</body></html>`);
  });
  await new Promise<void>((r) => destination.listen(0, '127.0.0.1', r));
  destinationOrigin = `http://127.0.0.1:${(destination.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
  destination.close();
});

async function createLink(payload: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(), payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; slug: string };
}
const visit = (slug: string, ua: string, extra: Record<string, string> = {}, path = `/${slug}`) =>
  t.app.inject({ method: 'GET', url: path, headers: { 'user-agent': ua, ...extra } });
const events = async (linkId: string) => {
  await t.app.services.ingest.catchUp();
  return t.app.services.stores.events.db.prepare('SELECT * FROM events WHERE link_id = ? ORDER BY rowid').all(linkId) as Record<string, unknown>[];
};

describe('people', () => {
  test('a person gets a 302 with a fresh share token, query and fragment kept, and a click is recorded', async () => {
    const link = await createLink({ url: 'https://shop.example/p?color=red#reviews' });
    const res = await visit(link.slug, UA.chromeDesktop);
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('color')).toBe('red');
    expect(location.hash).toBe('#reviews');
    const token = location.searchParams.get('ls');
    expect(token).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const [click] = await events(link.id);
    expect(click).toMatchObject({ type: 'click', token, parent: null, channel: 'dark_social', device: 'desktop' });
    expect(click.visitor).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  test('a visit carrying a token names it as parent; each visit gets a new token', async () => {
    const link = await createLink({ url: 'https://shop.example/' });
    const first = new URL((await visit(link.slug, UA.safariIphone)).headers.location as string).searchParams.get('ls')!;
    const second = await visit(link.slug, UA.whatsappInApp, {}, `/${link.slug}?ls=${first}`);
    const secondToken = new URL(second.headers.location as string).searchParams.get('ls');
    expect(secondToken).not.toBe(first);
    const rows = await events(link.id);
    expect(rows[1]).toMatchObject({ parent: first, token: secondToken, platform: 'whatsapp', in_app: 'whatsapp', channel: 'dark_social' });
  });

  test('the stored event has no raw IP and no full user agent', async () => {
    const link = await createLink({ url: 'https://shop.example/privacy' });
    await t.app.inject({ method: 'GET', url: `/${link.slug}`, headers: { 'user-agent': UA.chromeDesktop, 'x-forwarded-for': '81.2.69.160' } });
    const [row] = await events(link.id);
    const text = JSON.stringify(row);
    expect(text).not.toContain('81.2.69.160');
    expect(text).not.toContain('AppleWebKit');
    expect(row.country).toBe('GB');
  });

  test('HEAD answers like GET and records nothing', async () => {
    const link = await createLink({ url: 'https://shop.example/head' });
    const res = await t.app.inject({ method: 'HEAD', url: `/${link.slug}`, headers: { 'user-agent': UA.chromeDesktop } });
    expect(res.statusCode).toBe(302);
    expect(await events(link.id)).toHaveLength(0);
  });

  test('an unknown slug is a small 404 page; a disabled link a 410', async () => {
    const missing = await visit('nope-nope', UA.chromeDesktop);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    const link = await createLink({ url: 'https://shop.example/off', disabled: true });
    expect((await visit(link.slug, UA.chromeDesktop)).statusCode).toBe(410);
  });
});

describe('chat apps building a link preview', () => {
  test.each([
    ['whatsapp', UA.whatsapp], ['signal', UA.signal], ['telegram', UA.telegram], ['discord', UA.discord], ['slack', UA.slack], ['imessage', UA.imessage],
  ])('a %s preview fetch gets the card and records a share, not a click', async (platform, ua) => {
    const link = await createLink({ url: 'https://shop.example/card', title: 'VIP <launch>', description: 'Tonight only', image: 'https://cdn.example/c.png' });
    const res = await visit(link.slug, ua);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta property="og:title" content="VIP &lt;launch&gt;">');
    expect(res.body).toContain('<meta property="og:image" content="https://cdn.example/c.png">');
    expect(res.body).toContain('twitter:card');
    const rows = await events(link.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'preview', platform, channel: 'dark_social', visitor: null });
  });

  test('without its own card, the destination card is fetched once and cached', async () => {
    const link = await createLink({ url: `${destinationOrigin}/products/spring` });
    await t.app.services.cards.destinationCard(`${destinationOrigin}/products/spring`, Date.now()); // the warm-up creation started
    const before = destinationHits;
    const a = await visit(link.slug, UA.whatsapp);
    const b = await visit(link.slug, UA.telegram);
    expect(a.body).toContain('content="Spring drop &amp; more"');
    expect(a.body).toContain(`content="${destinationOrigin}/img/card.png"`);
    expect(b.body).toContain('Only for the VIP group');
    expect(destinationHits).toBe(before);
  });

  test('a preview of a tokened URL names the shared visit', async () => {
    const link = await createLink({ url: 'https://shop.example/fwd', title: 'Fwd' });
    const token = new URL((await visit(link.slug, UA.safariIphone)).headers.location as string).searchParams.get('ls')!;
    await visit(link.slug, UA.whatsapp, {}, `/${link.slug}?ls=${token}`);
    const rows = await events(link.id);
    expect(rows[1]).toMatchObject({ type: 'preview', platform: 'whatsapp', token });
  });
});

describe('other bots', () => {
  test.each([['googlebot', UA.googlebot], ['curl', UA.curl], ['empty user agent', '']])('%s gets a 302 recorded as bot, not counted as people', async (_name, ua) => {
    const link = await createLink({ url: 'https://shop.example/bots' });
    const res = await visit(link.slug, ua);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://shop.example/bots');
    const rows = await events(link.id);
    expect(rows[0]).toMatchObject({ type: 'bot', visitor: null });
    const summary = (await t.app.inject({ method: 'GET', url: `/api/stats/summary?link=${link.id}`, headers: t.auth() })).json();
    expect(summary).toMatchObject({ visits: 0, visitors: 0, shares: 0, bots: 1 });
  });
});

describe('exclusive links', () => {
  test('a limited link grants exactly N uses under concurrent requests; previews never consume one', async () => {
    const link = await createLink({ url: 'https://shop.example/vip', maxUses: 5, title: 'VIP', fallbackUrl: 'https://shop.example/sold-out' });
    for (let i = 0; i < 3; i++) expect((await visit(link.slug, UA.whatsapp)).statusCode).toBe(200);
    const answers = await Promise.all(Array.from({ length: 12 }, () => visit(link.slug, UA.chromeDesktop)));
    const granted = answers.filter((r) => String(r.headers.location).startsWith('https://shop.example/vip'));
    const fallback = answers.filter((r) => r.headers.location === 'https://shop.example/sold-out');
    expect(granted).toHaveLength(5);
    expect(fallback).toHaveLength(7);
  });

  test('an expired link shows a clear page', async () => {
    const link = await createLink({ url: 'https://shop.example/flash', expiresAt: '2020-01-01T00:00:00Z' });
    const res = await visit(link.slug, UA.chromeDesktop);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('expired');
  });
});
