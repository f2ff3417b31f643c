// Tracked links through the HTTP API: creation, validation, slugs, pagination, update and delete.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const post = (payload: unknown, key?: string) => t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(key), payload: payload as object });

describe('POST /api/links', () => {
  test('creates a link with a random 7-character slug and answers the object itself', async () => {
    const res = await post({ url: 'https://shop.example/summer?ref=1', title: 'Summer sale', tags: ['vip'] });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link.id).toMatch(/^lnk_/);
    expect(link.slug).toMatch(/^[0-9A-Za-z]{7}$/);
    expect(link.shortUrl).toBe(`http://lnt.test/${link.slug}`);
    expect(link).toMatchObject({ url: 'https://shop.example/summer?ref=1', title: 'Summer sale', tags: ['vip'], disabled: false });
  });

  test('a custom slug is kept, and taking it twice is a 409 slug_taken', async () => {
    expect((await post({ url: 'https://shop.example/', slug: 'black-friday' })).statusCode).toBe(201);
    const again = await post({ url: 'https://shop.example/other', slug: 'black-friday' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('slug_taken');
  });

  test('another workspace cannot take a slug either (one short-link origin serves all)', async () => {
    expect((await post({ url: 'https://a.example/', slug: 'shared-slug' })).statusCode).toBe(201);
    const res = await post({ url: 'https://b.example/', slug: 'shared-slug' }, t.other.key);
    expect(res.statusCode).toBe(409);
  });

  test.each([
    [{ url: 'javascript:alert(1)' }, 'unsafe_url'],
    [{ url: 'data:text/html,hi' }, 'unsafe_url'],
    [{ url: 'https://u:p@example.com/' }, 'unsafe_url'],
    [{ url: 'not a url' }, 'unsafe_url'],
    [{ url: '/relative' }, 'invalid_url'],
    [{ url: 'https://example.com/', slug: 'api' }, 'invalid_slug'],
    [{ url: 'https://example.com/', slug: 'bad slug' }, 'invalid_slug'],
    [{ url: 'https://example.com/', image: 'javascript:x' }, 'unsafe_url'],
    [{ url: 'https://example.com/', unknownField: 1 }, 'validation_failed'],
    [{}, 'validation_failed'],
    [{ url: 'https://example.com/', maxUses: 0 }, 'validation_failed'],
  ])('refuses %j with %s', async (payload, code) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toBeTruthy();
  });

  test('a reference to a community of another workspace is a 422', async () => {
    const com = await t.app.inject({ method: 'POST', url: '/api/communities', headers: t.auth(t.other.key), payload: { name: 'Theirs', platform: 'discord' } });
    const res = await post({ url: 'https://example.com/', community: com.json().id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('unprocessable');
  });

  test('a malformed JSON body is a 400 invalid_json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/links', headers: { ...t.auth(), 'content-type': 'application/json' }, payload: '{"url":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  test('no key is a 401, a bad key a 401, a read-only key cannot create (403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/links', payload: { url: 'https://e.example/' } })).statusCode).toBe(401);
    expect((await post({ url: 'https://e.example/' }, 'lk_nope')).json().error.code).toBe('invalid_api_key');
    const ro = await t.app.inject({ method: 'POST', url: '/api/keys', headers: t.auth(), payload: { name: 'ro', scopes: ['read'] } });
    expect(ro.statusCode).toBe(201);
    const denied = await post({ url: 'https://e.example/' }, ro.json().key);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
  });
});

describe('listing, reading, updating and deleting', () => {
  test('lists newest first with a cursor across pages', async () => {
    for (let i = 0; i < 5; i++) await post({ url: `https://page.example/${i}` }, t.other.key);
    const first = await t.app.inject({ method: 'GET', url: '/api/links?limit=2', headers: t.auth(t.other.key) });
    const body = first.json();
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).toBeTruthy();
    const seen = new Set(body.items.map((l: { id: string }) => l.id));
    let cursor = body.nextCursor;
    while (cursor) {
      const page = (await t.app.inject({ method: 'GET', url: `/api/links?limit=2&cursor=${cursor}`, headers: t.auth(t.other.key) })).json();
      page.items.forEach((l: { id: string }) => seen.add(l.id));
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(5);
  });

  test('PATCH changes fields, keeps the slug, and DELETE makes the link 404', async () => {
    const link = (await post({ url: 'https://shop.example/a' })).json();
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/links/${link.id}`, headers: t.auth(), payload: { title: 'New', url: 'https://shop.example/b' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'New', url: 'https://shop.example/b', slug: link.slug });
    const redirect = await t.app.inject({ method: 'GET', url: `/${link.slug}`, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' } });
    expect(redirect.headers.location).toMatch(/^https:\/\/shop\.example\/b\?ls=/);
    const slugChange = await t.app.inject({ method: 'PATCH', url: `/api/links/${link.id}`, headers: t.auth(), payload: { slug: 'other' } });
    expect(slugChange.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/links/${link.id}`, headers: t.auth() })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/links/${link.id}`, headers: t.auth() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/${link.slug}` })).statusCode).toBe(404);
  });
});
