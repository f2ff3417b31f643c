// The collector's fast path on raw node:http: a well-formed tracker hit skips Fastify's routing, parsing and reply
// machinery (a bare Fastify POST route alone caps below the ingest goal). Anything unusual is answered by Fastify.
import type { FastifyBaseLogger, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Compile } from 'typebox/compile';
import { AppError } from '../errors.js';
import { collectHit, type CollectBody, type CollectDeps } from '../ingest/collect-hit.js';
import { clientIp } from './fast-redirect.js';
import { COLLECT_BODY_LIMIT, CollectSchema, collectCorsHeaders, collectPreflightHeaders } from './routes/collect.js';

// The media types the route's parser takes, spelt as trackers send them (sendBeacon: text/plain;charset=UTF-8).
const CONTENT_TYPE = /^(?:text\/plain|application\/json)(?:; ?charset=utf-8)?$/i;
// The route's own schema: a body it accepts, Fastify's validator accepts unchanged (nothing to coerce).
const isCollectBody = Compile(CollectSchema);

export interface FastCollectDeps extends CollectDeps {
  trustProxy: boolean;
  log: FastifyBaseLogger;
  /** Fastify's own handling of a request, for a body already read off the socket. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Answers as Fastify's reply.send(object) does; `headers` is the caller's own object, completed here. */
function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const json = JSON.stringify(body);
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(json));
  res.writeHead(status, headers).end(json);
}

// Connection-level headers are the real socket's business, not the injected response's.
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/** Lets Fastify answer a body the fast path will not judge (bad JSON, schema errors, values to coerce) exactly as it would. */
function replayThroughFastify(req: IncomingMessage, res: ServerResponse, payload: Buffer, deps: FastCollectDeps): void {
  deps.inject({ method: 'POST', url: req.url, headers: req.headers, payload, remoteAddress: req.socket.remoteAddress }).then((r) => {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(r.headers)) if (!HOP_HEADERS.has(name) && value !== undefined) headers[name] = value;
    res.writeHead(r.statusCode, headers).end(r.rawPayload);
  }, (err: unknown) => {
    deps.log.error({ err }, 'replaying a collector request through Fastify failed');
    res.destroy();
  });
}

function answer(req: IncomingMessage, res: ServerResponse, payload: Buffer, deps: FastCollectDeps): void {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return replayThroughFastify(req, res, payload, deps);
  }
  if (!isCollectBody.Check(body)) return replayThroughFastify(req, res, payload, deps);
  const cors = collectCorsHeaders(req.headers.origin);
  collectHit(body as CollectBody, req.headers, clientIp(req, deps.trustProxy), deps).then((result) => sendJson(res, 202, result, cors), (err: unknown) => {
    // As the error handler answers: AppErrors as they are, anything else logged and hidden.
    if (err instanceof AppError) return sendJson(res, err.status, { error: { code: err.code, message: err.message, details: err.details ?? {} } }, cors);
    deps.log.error({ err }, 'request failed');
    sendJson(res, 500, { error: { code: 'internal', message: 'internal error; the server log has the details', details: {} } }, cors);
  });
}

/** Handles POST and OPTIONS /api/collect with an ordinary body; returns false to let Fastify answer. */
export function tryFastCollect(req: IncomingMessage, res: ServerResponse, deps: FastCollectDeps): boolean {
  if (req.url !== '/api/collect') return false;
  const h = req.headers;
  // A preflight has no body (one with a body is Fastify's to parse or refuse).
  if (req.method === 'OPTIONS' && !h['content-type'] && !h['transfer-encoding'] && (h['content-length'] ?? '0') === '0') {
    res.writeHead(204, collectPreflightHeaders(h.origin)).end();
    return true;
  }
  const length = Number(h['content-length']);
  // Chunked, encoded, empty or oversized bodies are rare and Fastify's to judge (411, 413, 415...).
  if (req.method !== 'POST' || !(length > 0 && length <= COLLECT_BODY_LIMIT) || h['transfer-encoding'] || h['content-encoding'] || !CONTENT_TYPE.test(h['content-type'] ?? '')) return false;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => answer(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), deps));
  // The client went away mid-body: there is no one to answer.
  req.on('error', () => res.destroy());
  return true;
}
