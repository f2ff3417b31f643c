// The API is rate-limited per key: one key's burst does not slow another's, and the answer is a 429 with a code.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LANTERN_RATE_LIMIT: '5' } });
});
afterAll(async () => t.close());

test('the sixth request of a minute with one key is a 429 rate_limited; another key is unaffected; redirects are never limited', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) codes.push((await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth() })).statusCode);
  expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
  const limited = await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth() });
  expect(limited.json().error.code).toBe('rate_limited');
  expect(limited.headers['retry-after']).toBeDefined();
  expect((await t.app.inject({ method: 'GET', url: '/api/links', headers: t.auth(t.other.key) })).statusCode).toBe(200);
  for (let i = 0; i < 10; i++) expect((await t.app.inject({ method: 'GET', url: '/nope-nope' })).statusCode).toBe(404);
});
