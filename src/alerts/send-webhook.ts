// One webhook POST behind the SSRF guard: a hard timeout, no redirects, at most 1 KB of the answer read.
import http from 'node:http';
import https from 'node:https';
import { assertPublicLiteral, guardedLookup } from '../links/ssrf-guard.js';

export interface SendOptions {
  /** Lets the target resolve to loopback or private addresses (set by a workspace owner). */
  allowPrivate: boolean;
  /** Whole request budget, ms. Default 5000. */
  timeoutMs?: number;
  /** Most bytes of the response body kept. Default 1024. */
  maxBytes?: number;
}

/** What came back: a status code (null when no response), the time taken, the start of the body, or an error. */
export interface SendResult {
  statusCode: number | null;
  /** From the start of the request to the end of the (truncated) response, ms. */
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
}

/**
 * POSTs `body` to `url` with `headers`. Never throws: refusals (non-public address), timeouts and network
 * errors come back as `error` with a null status code.
 */
export async function sendWebhook(url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 1024;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`unsupported protocol ${target.protocol}`);
    assertPublicLiteral(target, options.allowPrivate);
    const client = target.protocol === 'https:' ? https : http;
    const signal = AbortSignal.timeout(timeoutMs);
    const { statusCode, excerpt } = await new Promise<{ statusCode: number; excerpt: string }>((resolve, reject) => {
      const req = client.request(target, {
        method: 'POST', signal, lookup: guardedLookup(options.allowPrivate) as never,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Lantern-Webhooks/1.0', ...headers },
      }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          resolve({ statusCode: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8') });
        };
        res.on('data', (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk);
          size += chunk.length;
          // Enough read: stop here rather than download a large answer.
          if (size >= maxBytes) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', (err) => (done ? undefined : reject(err)));
      });
      req.on('error', reject);
      req.end(body);
    });
    return { statusCode, latencyMs: elapsed(), excerpt, error: null };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
    const message = timedOut ? `timed out after ${timeoutMs} ms` : err instanceof Error ? err.message : String(err);
    return { statusCode: null, latencyMs: elapsed(), excerpt: null, error: message };
  }
}
