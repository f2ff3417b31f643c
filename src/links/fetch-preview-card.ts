// Fetches a destination's own Open Graph card once (http(s) only, public addresses only, small and quick).
import http from 'node:http';
import https from 'node:https';
import { Parser } from 'htmlparser2';
import type { PreviewCard } from '../store/types.js';
import { assertPublicLiteral, guardedLookup } from './ssrf-guard.js';

export interface FetchCardOptions {
  allowPrivate?: boolean;
  /** Whole fetch budget, ms. */
  timeoutMs?: number;
  /** Most bytes read from the body. */
  maxBytes?: number;
  maxRedirects?: number;
}

interface Fetched { status: number; location: string | null; body: string; contentType: string }

function getOnce(url: URL, opts: Required<FetchCardOptions>, signal: AbortSignal): Promise<Fetched> {
  assertPublicLiteral(url, opts.allowPrivate);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET', signal, lookup: guardedLookup(opts.allowPrivate) as never,
      headers: { 'user-agent': 'LanternPreview/1.0 (+link preview cards)', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
    }, (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      if (status >= 300 && status < 400 || !contentType.includes('html')) {
        res.resume();
        return resolve({ status, location: res.headers.location ?? null, body: '', contentType });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
        if (size >= opts.maxBytes) res.destroy();
      });
      const finish = () => resolve({ status, location: null, body: Buffer.concat(chunks).subarray(0, opts.maxBytes).toString('utf8'), contentType });
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads title, description, image and site name from an HTML head (Open Graph, then Twitter, then plain tags). */
export function parseCard(html: string, baseUrl: string): Pick<PreviewCard, 'title' | 'description' | 'image' | 'siteName'> {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'title') inTitle = true;
      if (name === 'meta') {
        const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
        if (key && attrs.content && !meta.has(key)) meta.set(key, attrs.content.trim());
      }
    },
    ontext(text) {
      if (inTitle) title += text;
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
      if (name === 'head') parser.pause();
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v) ?? null;
  let image = pick('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src');
  if (image) {
    try {
      const abs = new URL(image, baseUrl);
      image = abs.protocol === 'http:' || abs.protocol === 'https:' ? abs.href : null;
    } catch {
      image = null;
    }
  }
  return {
    title: (pick('og:title', 'twitter:title') ?? title.trim()) || null,
    description: pick('og:description', 'twitter:description', 'description'),
    image,
    siteName: pick('og:site_name'),
  };
}

/** Fetches and parses the card of `destination`; failures are recorded in the card, never thrown. */
export async function fetchPreviewCard(destination: string, now: number, options: FetchCardOptions = {}): Promise<PreviewCard> {
  const opts: Required<FetchCardOptions> = { allowPrivate: false, timeoutMs: 3000, maxBytes: 256 * 1024, maxRedirects: 3, ...options };
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const empty = { url: destination, fetchedAt: now, title: null, description: null, image: null, siteName: null };
  let url = new URL(destination);
  try {
    for (let hop = 0; hop <= opts.maxRedirects; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`redirected to a ${url.protocol} URL`);
      const res = await getOnce(url, opts, signal);
      if (res.location && res.status >= 300 && res.status < 400) {
        url = new URL(res.location, url);
        continue;
      }
      if (res.status < 200 || res.status >= 300) return { ...empty, ok: false, error: `HTTP ${res.status}` };
      if (!res.body) return { ...empty, ok: false, error: `not HTML (${res.contentType || 'no content type'})` };
      return { url: destination, fetchedAt: now, ok: true, error: null, ...parseCard(res.body, url.href) };
    }
    return { ...empty, ok: false, error: 'too many redirects' };
  } catch (err) {
    return { ...empty, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
