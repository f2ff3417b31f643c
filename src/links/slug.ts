// Slugs of short links: random base62 by default, or a validated custom one that cannot shadow a route.
import { AppError } from '../errors.js';
import { randomBase62 } from '../ids.js';

export const RANDOM_SLUG_LENGTH = 7;
const SLUG_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** First path segments the server uses itself; a slug may not take them. */
export const RESERVED_SLUGS = new Set([
  'api', 'app', 'assets', 'i', 'p', 'healthz', 'readyz', 'metrics', 'lantern.js', 'favicon.ico', 'robots.txt', 'setup', 'login', 'docs', 'static',
]);

/** A fresh random slug (7 base62 characters: 3.5 × 10^12 possibilities). */
export function randomSlug(): string {
  return randomBase62(RANDOM_SLUG_LENGTH);
}

/**
 * Checks a custom slug.
 * @throws AppError `invalid_slug` naming the rule it breaks.
 */
export function validateSlug(slug: string): string {
  if (!SLUG_RE.test(slug)) {
    throw new AppError('invalid_slug', `slug ${JSON.stringify(slug)} must be 1-64 letters, digits, '-' or '_', starting with a letter or digit`, { details: { slug } });
  }
  if (RESERVED_SLUGS.has(slug.toLowerCase())) {
    throw new AppError('invalid_slug', `slug ${JSON.stringify(slug)} is reserved`, { details: { slug } });
  }
  return slug;
}
