import { expect, test } from 'vitest';
import { randomSlug, validateSlug } from './slug.js';

test('random slugs are 7 base62 characters', () => {
  for (let i = 0; i < 1000; i++) expect(randomSlug()).toMatch(/^[0-9A-Za-z]{7}$/);
});

test.each(['summer-sale', 'VIP_2026', 'a', 'x'.repeat(64)])('custom slug %j is accepted', (slug) => {
  expect(validateSlug(slug)).toBe(slug);
});

test.each(['', '-start', 'has space', 'slash/inside', 'é', 'x'.repeat(65), 'api', 'APP', 'healthz', 'lantern.js', '../etc'])('custom slug %j is refused', (slug) => {
  expect(() => validateSlug(slug)).toThrow(/slug/);
});
