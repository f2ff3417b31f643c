// Is a landing page one people type or bookmark (home, section) or one they can only have been sent (a deep page)?

// A leading language segment ('/en/', '/pt-br/') is not depth.
const LOCALE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i;
const INDEX = /^(?:index|default|home)\.(?:html?|php|aspx?)$/i;

/**
 * The Chartbeat/Atlantic heuristic: nobody types a long article URL, so a referrer-less visit to one was most likely
 * a link opened from a chat or an email app that sends no referrer. A page is deep when, after dropping a leading
 * locale segment and a trailing index file, it has at least two path segments, or one slug-like segment (two or more
 * hyphens or underscores, 20+ characters, or a run of 5+ digits), or query parameters other than tracking ones.
 * '/', '/blog/', '/pricing', '/en/' are not deep.
 * @param path URL path ('/' for the home page).
 * @param otherParams true when the query has parameters other than tracking ones.
 */
export function isDeepLanding(path: string, otherParams: boolean): boolean {
  if (otherParams) return true;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length > 0 && INDEX.test(segments[segments.length - 1])) segments.pop();
  if (segments.length > 0 && LOCALE.test(segments[0])) segments.shift();
  if (segments.length >= 2) return true;
  if (segments.length === 0) return false;
  const slug = segments[0];
  const separators = slug.length - slug.replace(/[-_]/g, '').length;
  return separators >= 2 || slug.length >= 20 || /\d{5,}/.test(slug);
}
