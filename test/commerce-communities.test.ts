// Communities and ambassadors: invite URLs as tracked invite links, personal links in one call, member-count history.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, headers: t.auth(key), ...(payload !== undefined && { payload: payload as object }) });
const communityCount = async () => (await api('GET', '/api/communities?limit=500')).json().items.length;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('a community\'s invite URL behind a tracked invite link', () => {
  test.each([
    ['WhatsApp', 'whatsapp', 'https://chat.whatsapp.com/AbCdEfGhIjK1234567890', 'https://chat.whatsapp.com/AbCdEfGhIjK1234567890?ls='],
    ['Discord', 'discord', 'https://discord.gg/xyzLaunch', 'https://discord.gg/xyzLaunch?ls='],
    ['Telegram', 'telegram', 'https://t.me/+AbC123xyz', 'https://t.me/+AbC123xyz?ls='],
    ['Signal', 'signal', 'https://signal.group/#CjQKIPlk2Wq8', 'https://signal.group/?ls='],
  ])('%s: created with the community in one call, followed on /i/:slug as a join', async (_name, platform, inviteUrl, prefix) => {
    const res = await api('POST', '/api/communities', { name: `${platform} group`, platform, inviteUrl, link: { url: inviteUrl, kind: 'invite' } });
    expect(res.statusCode, res.body).toBe(201);
    const community = res.json();
    expect(community.inviteUrl).toBe(inviteUrl);
    expect(community.link).toMatchObject({ kind: 'invite', url: inviteUrl, community: community.id, shortUrl: `http://lnt.test/i/${community.link.slug}` });
    const join = await t.app.inject({ method: 'GET', url: `/i/${community.link.slug}`, headers: { 'user-agent': UA.safariIphone } });
    expect(join.statusCode).toBe(302);
    const location = join.headers.location as string;
    expect(location.startsWith(prefix)).toBe(true);
    if (inviteUrl.includes('#')) expect(location.endsWith(inviteUrl.slice(inviteUrl.indexOf('#')))).toBe(true);
    const rows = (await api('GET', '/api/stats/breakdown?by=community')).json().rows;
    expect(rows.find((r: { key: string }) => r.key === community.id)).toMatchObject({ joins: 1, visits: 0 });
  });
});

describe('personal links in one call', () => {
  test('an ambassador is created with a link crediting them and their community', async () => {
    const community = (await api('POST', '/api/communities', { name: 'Runners', platform: 'whatsapp' })).json();
    const res = await api('POST', '/api/ambassadors', { name: 'Ana', community: community.id, link: { url: 'https://shop.example/ana', slug: 'ana-runs', title: 'Ana\'s picks' } });
    expect(res.statusCode, res.body).toBe(201);
    const ambassador = res.json();
    expect(ambassador.link).toMatchObject({ slug: 'ana-runs', shortUrl: 'http://lnt.test/ana-runs', kind: 'link', title: 'Ana\'s picks', ambassador: ambassador.id, community: community.id });
    expect((await api('GET', `/api/links/${ambassador.link.id}`)).json().ambassador).toBe(ambassador.id);
    // The link is made at creation only; PATCH does not accept one.
    expect((await api('PATCH', `/api/ambassadors/${ambassador.id}`, { link: { url: 'https://shop.example/x' } })).statusCode).toBe(400);
    expect((await api('GET', `/api/ambassadors/${ambassador.id}`)).json()).not.toHaveProperty('link');
  });

  test('a taken slug or a bad URL refuses the whole call: nothing is created', async () => {
    await api('POST', '/api/links', { url: 'https://shop.example/', slug: 'taken-one' });
    const before = await communityCount();
    const taken = await api('POST', '/api/communities', { name: 'Dupes', platform: 'discord', link: { url: 'https://discord.gg/abc', slug: 'taken-one' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slug_taken');
    const unsafe = await api('POST', '/api/communities', { name: 'Bad', platform: 'discord', link: { url: 'javascript:alert(1)' } });
    expect(unsafe.statusCode).toBe(400);
    expect(await communityCount()).toBe(before);
  });
});

describe('GET /api/communities/:id/members', () => {
  test('keeps a point each time the member count changes', async () => {
    const community = (await api('POST', '/api/communities', { name: 'Book club', platform: 'telegram', members: 100 })).json();
    await api('PATCH', `/api/communities/${community.id}`, { members: 120 });
    await api('PATCH', `/api/communities/${community.id}`, { members: 120 });
    await api('PATCH', `/api/communities/${community.id}`, { name: 'Book club (EU)' });
    const res = await api('GET', `/api/communities/${community.id}/members`);
    expect(res.statusCode).toBe(200);
    expect(res.json().community).toBe(community.id);
    expect(res.json().points.map((p: { members: number }) => p.members)).toEqual([100, 120]);
    expect(res.json().points[0].t).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('another workspace\'s community is a 404', async () => {
    const community = (await api('POST', '/api/communities', { name: 'Private', platform: 'signal', members: 5 })).json();
    expect((await api('GET', `/api/communities/${community.id}/members`, undefined, t.other.key)).statusCode).toBe(404);
  });
});
