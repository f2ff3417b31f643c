// Cheap, allocation-light URL splitting for the hot path (new URL() costs more than the whole classification).

/** The parts of a requested URL the classifier looks at. */
export interface UrlParts {
  /** Path without query or fragment; '/' when empty. */
  path: string;
  /** Query string without '?'; '' when absent. */
  query: string;
  /** Fragment without '#'; '' when absent. */
  fragment: string;
}

/** Splits an absolute URL or a path+query into path, query and fragment. Never throws. */
export function splitUrl(url: string): UrlParts {
  let start = 0;
  const scheme = url.indexOf('://');
  if (scheme > 0 && scheme < 12) {
    const slash = url.indexOf('/', scheme + 3);
    const q = url.indexOf('?', scheme + 3);
    const h = url.indexOf('#', scheme + 3);
    start = firstOf(slash, q, h, url.length);
  }
  const hash = url.indexOf('#', start);
  const end = hash < 0 ? url.length : hash;
  const qmark = url.indexOf('?', start);
  const hasQuery = qmark >= 0 && qmark < end;
  const path = url.slice(start, hasQuery ? qmark : end) || '/';
  return {
    path: path.charCodeAt(0) === 47 ? path : `/${path}`,
    query: hasQuery ? url.slice(qmark + 1, end) : '',
    fragment: hash < 0 ? '' : url.slice(hash + 1),
  };
}

function firstOf(a: number, b: number, c: number, fallback: number): number {
  let best = fallback;
  if (a >= 0 && a < best) best = a;
  if (b >= 0 && b < best) best = b;
  if (c >= 0 && c < best) best = c;
  return best;
}

/** A referrer's scheme and host: host lower-case, without port, trailing dot or a leading 'www.'. */
export interface ReferrerParts {
  scheme: string;
  host: string;
  /** Path and query after the host ('' when none). */
  rest: string;
}

/** Reads scheme and host of an absolute URL, or null when it has none (e.g. '', 'about:blank', a bare path). */
export function splitReferrer(referrer: string): ReferrerParts | null {
  const sep = referrer.indexOf('://');
  if (sep <= 0 || sep > 16) return null;
  let end = referrer.length;
  for (let i = sep + 3; i < referrer.length; i++) {
    const c = referrer.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) { end = i; break; } // / ? #
  }
  let host = referrer.slice(sep + 3, end).toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  if (colon >= 0 && host.charCodeAt(0) !== 91) host = host.slice(0, colon); // keep IPv6 literals whole
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === '') return null;
  return { scheme: referrer.slice(0, sep).toLowerCase(), host, rest: referrer.slice(end) };
}
