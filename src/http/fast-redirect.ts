// The redirect's fast path on raw node:http: a cached link visited by a person skips framework routing entirely
// (MEASUREMENTS.md: routing and per-request work are what cost). Anything else falls through to Fastify.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseShareToken } from '../links/share-token.js';
import { RESERVED_SLUGS } from '../links/slug.js';
import { visitLinkCached, type VisitDeps, type VisitOutcome } from '../links/visit-link.js';
import type { IngestService } from '../ingest/ingest-service.js';

const SHORT_PATH = /^\/(i\/)?([A-Za-z0-9][A-Za-z0-9_-]{0,63})(?:\?(.*))?$/;

export interface FastRedirectDeps extends VisitDeps { ingest: IngestService; now: () => number; trustProxy: boolean }

/**
 * The client address as Fastify's `request.ip` gives it: behind a trusted proxy the first non-empty X-Forwarded-For
 * entry (trimmed as @fastify/forwarded trims), else the socket's.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const xff = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  if (typeof xff === 'string' && xff) {
    if (!xff.includes(',')) return xff.trim() || (req.socket.remoteAddress ?? '');
    for (const part of xff.split(',')) {
      const ip = part.replace(/^[ \t]+|[ \t]+$/g, '');
      if (ip) return ip;
    }
  }
  return req.socket.remoteAddress ?? '';
}

function lsParam(query: string | undefined): string | null {
  if (!query) return null;
  for (const part of query.split('&')) if (part.startsWith('ls=')) return parseShareToken(part.slice(3));
  return null;
}

/** Writes a visit outcome on a raw response (headers as the Fastify route sends them). */
export function writeOutcome(res: ServerResponse, outcome: VisitOutcome): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer-when-downgrade' };
  if (outcome.location) {
    headers.location = outcome.location;
    headers['content-length'] = '0';
    res.writeHead(outcome.status, headers).end();
  } else {
    const body = outcome.html ?? '';
    headers['content-type'] = 'text/html; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(outcome.status, headers).end(res.req.method === 'HEAD' ? undefined : body);
  }
}

/** Handles the request if it is a cached short-link visit; returns false to let Fastify answer. */
export function tryFastRedirect(req: IncomingMessage, res: ServerResponse, deps: FastRedirectDeps): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const m = SHORT_PATH.exec(req.url ?? '');
  if (!m || (!m[1] && RESERVED_SLUGS.has(m[2].toLowerCase()))) return false;
  const ua = req.headers['user-agent'] ?? '';
  const outcome = visitLinkCached({
    slug: m[2], route: m[1] ? 'invite' : 'link', head: req.method === 'HEAD', userAgent: ua, ip: clientIp(req, deps.trustProxy),
    referrer: req.headers.referer ?? '', parent: lsParam(m[3]), now: deps.now(),
  }, deps);
  if (!outcome) return false;
  if (!outcome.event) {
    writeOutcome(res, outcome);
    return true;
  }
  deps.ingest.record(outcome.event, (err) => {
    if (err) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"error":{"code":"unavailable","message":"could not record the visit; try again","details":{}}}');
    } else writeOutcome(res, outcome);
  });
  return true;
}
