// Workspaces never see each other: every route answers 404 for another workspace's id and lists only its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
const ids: Record<string, string> = {};
const BODIES: Record<string, Record<string, unknown>> = {
  links: { url: 'https://mine.example/secret' },
  communities: { name: 'VIP WhatsApp', platform: 'whatsapp' },
  ambassadors: { name: 'Alice' },
  campaigns: { name: 'Spring' },
  sites: { domain: 'mine.example' },
};

beforeAll(async () => {
  t = await createTestApp();
  for (const [resource, body] of Object.entries(BODIES)) {
    const res = await t.app.inject({ method: 'POST', url: `/api/${resource}`, headers: t.auth(), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    ids[resource] = res.json().id;
  }
  const keys = await t.app.inject({ method: 'GET', url: '/api/keys', headers: t.auth() });
  ids.keys = keys.json().items[0].id;
});
afterAll(async () => t.close());

describe.each(Object.keys(BODIES))('/api/%s', (resource) => {
  const theirs = () => t.auth(t.other.key);
  test('another workspace gets 404 on read, update and delete', async () => {
    const url = `/api/${resource}/${ids[resource]}`;
    for (const method of ['GET', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url, headers: theirs() });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const patch = await t.app.inject({ method: 'PATCH', url, headers: theirs(), payload: resource === 'links' ? { title: 'x' } : { name: 'x' } });
    expect(patch.statusCode).toBe(404);
    // Still there, unchanged, for its owner.
    expect((await t.app.inject({ method: 'GET', url, headers: t.auth() })).statusCode).toBe(200);
  });

  test('lists show only the workspace\'s own resources', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/${resource}`, headers: theirs() });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(ids[resource]);
  });
});

test('another workspace cannot revoke a key', async () => {
  const res = await t.app.inject({ method: 'DELETE', url: `/api/keys/${ids.keys}`, headers: t.auth(t.other.key) });
  expect(res.statusCode).toBe(404);
  expect((await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth() })).statusCode).toBe(200);
});

test('stats filtered on another workspace\'s link show nothing', async () => {
  const link = (await t.app.inject({ method: 'GET', url: `/api/links/${ids.links}`, headers: t.auth() })).json();
  await t.app.inject({ method: 'GET', url: `/${link.slug}`, headers: { 'user-agent': UA.chromeDesktop } });
  const mine = (await t.app.inject({ method: 'GET', url: `/api/stats/summary?link=${ids.links}`, headers: t.auth() })).json();
  const theirs = (await t.app.inject({ method: 'GET', url: `/api/stats/summary?link=${ids.links}`, headers: t.auth(t.other.key) })).json();
  expect(mine.visits).toBe(1);
  expect(theirs.visits).toBe(0);
  const breakdown = (await t.app.inject({ method: 'GET', url: '/api/stats/breakdown?by=link', headers: t.auth(t.other.key) })).json();
  expect(breakdown.rows).toEqual([]);
});

test('a revoked key stops working at once', async () => {
  const created = (await t.app.inject({ method: 'POST', url: '/api/keys', headers: t.auth(), payload: { name: 'temp' } })).json();
  expect(created.key).toMatch(/^lk_/);
  expect((await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth(created.key) })).statusCode).toBe(200);
  await t.app.inject({ method: 'DELETE', url: `/api/keys/${created.id}`, headers: t.auth() });
  const after = await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth(created.key) });
  expect(after.statusCode).toBe(401);
  const listed = (await t.app.inject({ method: 'GET', url: '/api/keys', headers: t.auth() })).json().items;
  expect(JSON.stringify(listed)).not.toContain(created.key);
  expect(listed.find((k: { id: string }) => k.id === created.id).revokedAt).toBeTruthy();
});
