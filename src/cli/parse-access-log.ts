// Parses one line of an nginx/Apache "combined" access log into the fields an import needs; malformed lines give null.

/** One request, as the web server logged it. */
export interface AccessLogEntry {
  /** The client address as logged (IPv4 or IPv6). */
  ip: string;
  /** When the request was logged, ms since the epoch (UTC, the line's offset applied). */
  ts: number;
  method: string;
  /** The request path, still percent-encoded, without the query. */
  path: string;
  /** The query string without '?', '' when none. */
  query: string;
  status: number;
  /** Referer header, '' when the log has '-'. */
  referrer: string;
  /** User-Agent header, '' when the log has '-'. */
  userAgent: string;
}

// $remote_addr <ident> $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" …
// Quoted fields may hold \" and \\ (Apache) or \xHH (nginx); anything may follow the user agent (request time, upstream…).
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const LINE_RE = new RegExp(String.raw`^(\S+) \S+ (?:\S+|"[^"]*") \[([^\]]+)\] ${QUOTED} (\d{3}) (?:\d+|-)(?: ${QUOTED}(?: ${QUOTED})?)?(?:\s|$)`);
const TIME_RE = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const REQUEST_RE = /^([A-Z]{3,10}) (\S+)(?: HTTP\/\d(?:\.\d)?)?$/;
const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const ESCAPES = /((?:\\x[0-9a-fA-F]{2})+)|\\(.)/g;

/** `10/Oct/2000:13:55:36 -0700` → ms UTC, or null. */
export function parseLogTime(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const month = MONTHS[m[2]];
  if (month === undefined) return null;
  const local = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  const offset = (Number(m[8]) * 60 + Number(m[9])) * 60_000 * (m[7] === '-' ? -1 : 1);
  return Number.isNaN(local) ? null : local - offset;
}

/** Undoes the log's escaping: `\"` and `\\` (Apache), `\xHH` byte runs decoded as UTF-8 (nginx). */
function unescapeField(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPES, (_all, hex: string | undefined, char: string | undefined) =>
    hex !== undefined ? Buffer.from(hex.replace(/\\x/g, ''), 'hex').toString('utf8') : char!);
}

function dashless(text: string | undefined): string {
  return text === undefined || text === '-' ? '' : unescapeField(text);
}

/** Splits a request target into path and query; absolute-form targets (`GET http://host/p`) lose scheme and host. */
function splitTarget(target: string): { path: string; query: string } | null {
  let t = target;
  if (!t.startsWith('/')) {
    const m = /^https?:\/\/[^/?#]+(.*)$/i.exec(t);
    if (!m) return null;
    t = m[1] === '' ? '/' : m[1];
    if (!t.startsWith('/')) t = '/' + t;
  }
  const hash = t.indexOf('#');
  if (hash !== -1) t = t.slice(0, hash);
  const q = t.indexOf('?');
  return q === -1 ? { path: t, query: '' } : { path: t.slice(0, q), query: t.slice(q + 1) };
}

/**
 * Parses a combined-format line (nginx's default `combined`, Apache's `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"`).
 * Tolerates '-' fields, escaped quotes in the user agent, IPv6 clients, a missing referrer/user agent and extra trailing
 * fields. Returns null for anything else (a truncated line, a request line that is not `METHOD target [HTTP/x]`, a bad
 * date); never throws.
 */
export function parseAccessLogLine(line: string): AccessLogEntry | null {
  const m = LINE_RE.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (!m) return null;
  const ts = parseLogTime(m[2]);
  if (ts === null) return null;
  const request = REQUEST_RE.exec(unescapeField(m[3]));
  if (!request) return null;
  const target = splitTarget(request[2]);
  if (!target) return null;
  return {
    ip: m[1], ts, method: request[1], path: target.path, query: target.query, status: Number(m[4]),
    referrer: dashless(m[5]), userAgent: dashless(m[6]),
  };
}
