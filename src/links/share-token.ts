// Share tokens (`ls`): 12 base64url characters (72 random bits) cut from a pooled random buffer, one per visit.
import { pooledToken } from '../ids.js';

/** A new share token (12 base64url characters, 72 random bits). */
export function mintShareToken(): string {
  return pooledToken();
}

const TOKEN_RE = /^[A-Za-z0-9_-]{6,32}$/;

/** The token a request carries (`ls` query parameter), if well-formed; anything else is ignored. */
export function parseShareToken(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && TOKEN_RE.test(v) ? v : null;
}

/** A destination split once so that adding a token per visit is string concatenation. */
export interface RedirectTarget { base: string; hash: string }

/**
 * Splits a destination into what comes before and after the token, dropping any `ls` parameter it already has.
 * Other parameters keep their exact original encoding.
 */
export function prepareRedirectTarget(destination: string): RedirectTarget {
  const hashAt = destination.indexOf('#');
  const hash = hashAt === -1 ? '' : destination.slice(hashAt);
  const beforeHash = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return { base: beforeHash + '?', hash };
  const kept = beforeHash.slice(queryAt + 1).split('&').filter((p) => p !== '' && p !== 'ls' && !p.startsWith('ls='));
  return { base: beforeHash.slice(0, queryAt + 1) + kept.map((p) => p + '&').join(''), hash };
}

/** The destination with `ls=token` added (or replaced), query and fragment otherwise kept. */
export function withShareToken(target: RedirectTarget, token: string): string {
  return `${target.base}ls=${token}${target.hash}`;
}
