// The tracker in real Chromium: a brand's pages on one origin load the built lantern.js from a second origin that
// stands in for Lantern and records every event posted to it. Tokens, cascades, copies, shares and privacy signals are
// checked as a visitor would see them. The last block sends the events to Lantern's own collector instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UA } from './fixtures/user-agents.js';
import { launchChromium } from './helpers/chromium.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

declare global {
  interface Window {
    lantern: { share(options?: object): void; track(name: string, props?: object): void; convert(c: object): void };
  }
}

/** The JSON object the tracker posts (see the wire format in tracker/README.md). */
interface WireEvent {
  s: string;
  e: 'pageview' | 'copy' | 'share' | 'custom' | 'conversion';
  u: string;
  r: string;
  k: string;
  p?: string;
  w: number;
  h?: { tg?: number };
  d?: Record<string, unknown>;
}

/** One request that reached Lantern's origin other than the script itself. */
interface Hit {
  method: string;
  path: string;
  contentType: string;
  raw: string;
  event: WireEvent | undefined;
}

/** A page of the brand's site: which site id its snippet carries, extra snippet attributes, its body. */
interface TestPage {
  site: string;
  attrs?: string;
  body?: string;
}

const BUDGET_GZIP = 1200;
const TOKEN = /^[A-Za-z0-9_-]{6,32}$/; // what the collector accepts
const LONG_TEXT =
  'Lantern follows how a link travels through private chats, from the first person who shares it to the friends '
  + 'of friends who open it days later, without cookies or any identifier stored on the device.';

const hits: Hit[] = [];
const pages = new Map<string, TestPage>();
let workDir: string;
let script: Buffer;
let lanternServer: Server;
let siteServer: Server;
let lantern: string; // origin serving lantern.js and /api/collect
let site: string; // origin of the brand's pages
let browser: Browser;

function isWireEvent(value: unknown): value is WireEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.s === 'string' && typeof v.e === 'string' && typeof v.u === 'string' && typeof v.k === 'string';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleLantern(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', lantern).pathname;
  if (req.method === 'GET' && path === '/lantern.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    return;
  }
  const raw = await readBody(req);
  let event: WireEvent | undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isWireEvent(parsed)) event = parsed;
  } catch {
    // Not JSON: kept as a hit with no event, so a test can see it.
  }
  hits.push({ method: req.method ?? '', path, contentType: req.headers['content-type'] ?? '', raw, event });
  res.writeHead(req.method === 'OPTIONS' ? 204 : 202, {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
  }).end();
}

function renderPage({ site: siteId, attrs = '', body = '<p>Hello.</p>' }: TestPage): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test page ${siteId}</title>
<script defer src="${lantern}/lantern.js" data-site="${siteId}"${attrs}></script></head><body>${body}</body></html>`;
}

function handleSite(req: IncomingMessage, res: ServerResponse): void {
  // Any path below a registered page serves that page, so SPA paths survive a reload.
  const path = new URL(req.url ?? '/', site).pathname;
  const key = [...pages.keys()].find((p) => path === p || path.startsWith(`${p}/`));
  if (!key) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderPage(pages.get(key)!));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function eventsOf(siteId: string): WireEvent[] {
  return hits.flatMap((hit) => (hit.event?.s === siteId ? [hit.event] : []));
}

/** Waits until `siteId` has sent at least `count` events matching `match`; returns all of them, oldest first. */
async function waitForEvents(
  siteId: string, count: number, match: (e: WireEvent) => boolean = () => true, timeoutMs = 5_000,
): Promise<WireEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = eventsOf(siteId).filter(match);
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} matching events from site ${siteId}, got ${JSON.stringify(eventsOf(siteId))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function pageview(siteId: string, n = 1): Promise<WireEvent> {
  const views = await waitForEvents(siteId, n, (e) => e.e === 'pageview');
  return views[n - 1];
}

/** Registers `path` as a page and opens it (with `query` / `fragment` appended) in a fresh context. */
async function visit(
  path: string, testPage: TestPage, suffix = '', init?: (context: BrowserContext) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page }> {
  pages.set(path, testPage);
  const context = await browser.newContext();
  await init?.(context);
  const page = await context.newPage();
  await page.goto(`${site}${path}${suffix}`);
  return { context, page };
}

async function selectAndCopy(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    (document.activeElement as HTMLElement | null)?.blur(); // Ctrl+C copies the focused field's selection otherwise
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel)!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, selector);
  await page.keyboard.press('Control+C');
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'lantern-tracker-'));
  const outfile = join(workDir, 'lantern.js');
  execFileSync(process.execPath, ['scripts/build-tracker.js', `--outfile=${outfile}`], { stdio: 'pipe' });
  script = readFileSync(outfile);
  lanternServer = createServer((req, res) => void handleLantern(req, res));
  siteServer = createServer(handleSite);
  lantern = await listen(lanternServer);
  site = await listen(siteServer);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const server of [lanternServer, siteServer]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the tracker in Chromium', () => {
  it('stays within its budget of 1200 bytes gzipped', () => {
    expect(gzipSync(script).length).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('a first visit records a page view with no parent and writes its token into the address as #ls=', async () => {
    const { context, page } = await visit('/first', { site: 'first' });
    const view = await pageview('first');
    expect(view).toMatchObject({ s: 'first', e: 'pageview', u: `${site}/first`, r: '', w: 1280 });
    expect(view.k).toMatch(TOKEN);
    expect(view).not.toHaveProperty('p');
    expect(view).not.toHaveProperty('h');
    expect(page.url()).toBe(`${site}/first#ls=${view.k}`);

    // Cross-origin, yet a "simple" request: text/plain and no CORS preflight before it.
    const hit = hits.find((h) => h.event === view)!;
    expect(hit).toMatchObject({ method: 'POST', path: '/api/collect' });
    expect(hit.contentType).toMatch(/^text\/plain/);
    expect(hits.filter((h) => h.method === 'OPTIONS')).toEqual([]);
    await context.close();
  });

  it('an address shared on to fresh browsers chains three generations: each visit names the previous as parent', async () => {
    pages.set('/chain', { site: 'chain' });
    let address = `${site}/chain`;
    const tokens: string[] = [];
    for (let generation = 1; generation <= 3; generation++) {
      const context = await browser.newContext(); // a different person: nothing shared but the address
      const page = await context.newPage();
      await page.goto(address);
      const view = await pageview('chain', generation);
      expect(view.u).toBe(`${site}/chain`);
      expect(view.p).toBe(tokens.at(-1)); // undefined for the first visit
      expect(tokens).not.toContain(view.k);
      tokens.push(view.k);
      address = page.url();
      expect(address).toBe(`${site}/chain#ls=${view.k}`);
      await context.close();
    }
  });

  it('reads ?ls= from the query as the parent, leaves it out of the reported URL and moves the new token to #ls=', async () => {
    const { context, page } = await visit('/landing', { site: 'landing' }, '?ref=chat&ls=clickToken42');
    const view = await pageview('landing');
    expect(view.p).toBe('clickToken42');
    expect(view.u).toBe(`${site}/landing?ref=chat`);
    expect(page.url()).toBe(`${site}/landing?ref=chat#ls=${view.k}`);
    await context.close();
  });

  it('with data-token="query", writes ?ls= and keeps the rest of the query', async () => {
    const { context, page } = await visit('/query', { site: 'query', attrs: ' data-token="query"' }, '?ls=parent7&a=1');
    const view = await pageview('query');
    expect(view).toMatchObject({ p: 'parent7', u: `${site}/query?a=1` });
    expect(page.url()).toBe(`${site}/query?a=1&ls=${view.k}`);
    await context.close();
  });

  it('with data-token="off", sends events but leaves the address as it was', async () => {
    const { context, page } = await visit('/off', { site: 'off', attrs: ' data-token="off"' }, '?x=1');
    const view = await pageview('off');
    expect(view.k).toMatch(TOKEN);
    expect(page.url()).toBe(`${site}/off?x=1`);
    await context.close();
  });

  it('keeps a page\'s own fragment (an anchor) and puts the token in the query instead', async () => {
    const { context, page } = await visit('/doc', { site: 'doc', body: '<h2 id="intro">Intro</h2>' }, '#intro');
    const view = await pageview('doc');
    expect(view.u).toBe(`${site}/doc#intro`);
    expect(page.url()).toBe(`${site}/doc?ls=${view.k}#intro`);
    await context.close();
  });

  it('copying records the kind and length of the selection, never the text', async () => {
    const secret = 'Meet me at the old lighthouse';
    const address = 'https://shop.example/p/lamp-42';
    const { context, page } = await visit('/copy', {
      site: 'copy', body: `<p id="secret">${secret}</p><p id="address">${address}</p>`,
    });
    const view = await pageview('copy');
    await selectAndCopy(page, '#secret');
    await selectAndCopy(page, '#address');
    const copies = await waitForEvents('copy', 2, (e) => e.e === 'copy');
    expect(copies.map((e) => e.d)).toEqual([{ kind: 'text', len: secret.length }, { kind: 'url', len: address.length }]);
    expect(copies.every((e) => e.k === view.k && e.u === view.u)).toBe(true);
    const raw = hits.filter((h) => h.event?.s === 'copy').map((h) => h.raw).join('\n');
    expect(raw).not.toContain('lighthouse');
    expect(raw).not.toContain('shop.example');
    await context.close();
  });

  it('with data-copy-link="on", copying 20 words or more appends the tokened page URL; shorter copies stay as they are', async () => {
    const short = 'Five words are not enough';
    const { context, page } = await visit('/quote', {
      site: 'quote',
      attrs: ' data-copy-link="on"',
      body: `<p id="long">${LONG_TEXT}</p><p id="short">${short}</p><textarea id="paste"></textarea>`,
    });
    const view = await pageview('quote');
    const pasted = async (): Promise<string> => {
      await page.fill('#paste', '');
      await page.focus('#paste');
      await page.keyboard.press('Control+V');
      return page.inputValue('#paste');
    };
    await selectAndCopy(page, '#long');
    expect(await pasted()).toBe(`${LONG_TEXT}\n\n${site}/quote#ls=${view.k}`);
    await selectAndCopy(page, '#short');
    expect(await pasted()).toBe(short);
    await context.close();
  });

  it('an SPA navigation through history.pushState records a new page view with a new token and the same parent', async () => {
    const { context, page } = await visit('/app', {
      site: 'app',
      body: `<a id="next" href="/app/two" onclick="event.preventDefault(); history.pushState({}, '', this.href)">Next</a>
        <a id="anchor" href="#details" onclick="event.preventDefault(); history.pushState({}, '', '#details')">Details</a>`,
    }, '/one#ls=arrivedWith9');
    const first = await pageview('app');
    expect(first).toMatchObject({ u: `${site}/app/one`, p: 'arrivedWith9' });

    await page.click('#next');
    const second = await pageview('app', 2);
    expect(second).toMatchObject({ u: `${site}/app/two`, p: 'arrivedWith9' });
    expect(second.k).not.toBe(first.k);
    expect(page.url()).toBe(`${site}/app/two#ls=${second.k}`);

    await page.goBack(); // popstate: back on the first path is a page view of its own
    const third = await pageview('app', 3);
    expect(third).toMatchObject({ u: `${site}/app/one`, p: 'arrivedWith9' });
    expect([first.k, second.k]).not.toContain(third.k);

    await page.click('#anchor'); // a move within the page is not a page view
    await page.evaluate(() => window.lantern.track('after-anchor'));
    await waitForEvents('app', 1, (e) => e.e === 'custom');
    expect(eventsOf('app').filter((e) => e.e === 'pageview')).toHaveLength(3);
    await context.close();
  });

  it('a visit that arrived with no parent keeps none, even back on an address that carries its own earlier token', async () => {
    const { context, page } = await visit('/spa', {
      site: 'spa', body: `<a id="next" href="/spa/two" onclick="event.preventDefault(); history.pushState({}, '', this.href)">Next</a>`,
    }, '/one');
    const first = await pageview('spa');
    await page.click('#next');
    await pageview('spa', 2);
    await page.goBack(); // the address is /spa/one#ls=<first token> again
    const third = await pageview('spa', 3);
    expect(third.u).toBe(`${site}/spa/one`);
    expect(eventsOf('spa').map((e) => e.p)).toEqual([undefined, undefined, undefined]);
    expect(third.k).not.toBe(first.k);
    await context.close();
  });

  it('lantern.share({target: "whatsapp"}) opens wa.me with the tokened URL and records the share', async () => {
    const { context, page } = await visit('/share', { site: 'share' });
    await context.route('https://wa.me/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>wa</p>' }));
    const view = await pageview('share');
    const popup = context.waitForEvent('page');
    await page.evaluate(() => window.lantern.share({ target: 'whatsapp' }));
    const wa = await popup;
    await wa.waitForURL(/^https:\/\/wa\.me\//);
    const text = new URL(wa.url()).searchParams.get('text');
    expect(text).toBe(`Test page share ${site}/share#ls=${view.k}`);
    const [shared] = await waitForEvents('share', 1, (e) => e.e === 'share');
    expect(shared).toMatchObject({ k: view.k, u: view.u, d: { target: 'whatsapp' } });
    await context.close();
  });

  it('an element with data-lantern-share="telegram" shares on click with no code', async () => {
    const { context, page } = await visit('/button', {
      site: 'button', body: '<button data-lantern-share="telegram"><span id="label">Send on Telegram</span></button>',
    });
    await context.route('https://t.me/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>tg</p>' }));
    const view = await pageview('button');
    const popup = context.waitForEvent('page');
    await page.click('#label'); // the click lands on a child: delegation finds the button
    const tg = await popup;
    await tg.waitForURL(/^https:\/\/t\.me\//);
    expect(new URL(tg.url()).searchParams.get('url')).toBe(`${site}/button#ls=${view.k}`);
    const [shared] = await waitForEvents('button', 1, (e) => e.e === 'share');
    expect(shared.d).toEqual({ target: 'telegram' });
    await context.close();
  });

  it('with no target, hands the tokened URL to the system share sheet and records the share once it completes', async () => {
    // Headless Chromium on Linux has no share sheet: this stand-in for the operating system's one records what it is
    // given and lets the test complete or cancel it.
    const { context, page } = await visit('/sheet', { site: 'sheet' }, '', (c) => c.addInitScript(() => {
      const shared: ShareData[] = [];
      let outcome: 'done' | 'cancel' = 'done';
      Object.assign(window, { shared, setOutcome: (o: typeof outcome) => { outcome = o; } });
      Object.defineProperty(Navigator.prototype, 'share', {
        value: (data: ShareData) => {
          shared.push(data);
          return outcome === 'done' ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'));
        },
      });
    }));
    const view = await pageview('sheet');
    const given = await page.evaluate(() => {
      const w = window as unknown as { shared: ShareData[]; setOutcome(o: string): void };
      window.lantern.share({ text: 'Have a look' });
      w.setOutcome('cancel');
      window.lantern.share();
      return w.shared;
    });
    expect(given).toEqual([
      { url: `${site}/sheet#ls=${view.k}`, text: 'Have a look' },
      { url: `${site}/sheet#ls=${view.k}`, text: 'Test page sheet' },
    ]);
    await waitForEvents('sheet', 1, (e) => e.e === 'share');
    await page.waitForTimeout(300); // room for a wrongly recorded second share to arrive
    expect(eventsOf('sheet').filter((e) => e.e === 'share').map((e) => e.d)).toEqual([{ target: 'native' }]);
    await context.close();
  });

  it('every event of one page view carries its token and parent: custom events and conversions too', async () => {
    const { context, page } = await visit('/checkout', { site: 'checkout' }, '?ls=ambassador1');
    const view = await pageview('checkout');
    await page.evaluate(() => {
      window.lantern.track('signup', { plan: 'pro' });
      window.lantern.convert({ value: 49.9, currency: 'EUR', orderId: 'A-1001', promoCode: 'SPRING' });
    });
    const [custom] = await waitForEvents('checkout', 1, (e) => e.e === 'custom');
    const [conversion] = await waitForEvents('checkout', 1, (e) => e.e === 'conversion');
    expect(custom.d).toEqual({ name: 'signup', props: { plan: 'pro' } });
    expect(conversion.d).toEqual({ value: 49.9, currency: 'EUR', orderId: 'A-1001', promoCode: 'SPRING' });
    for (const e of [custom, conversion]) expect(e).toMatchObject({ k: view.k, p: 'ambassador1', u: view.u });
    await context.close();
  });

  it('inside Telegram\'s in-app browser, events carry the hint h.tg', async () => {
    const { context } = await visit('/telegram', { site: 'telegram' }, '', (c) =>
      c.addInitScript(() => { Object.assign(window, { TelegramWebviewProxy: { postEvent() {} } }); }));
    expect((await pageview('telegram')).h).toEqual({ tg: 1 });
    await context.close();
  });

  it('data-api sends the events to the collector it names', async () => {
    pages.set('/elsewhere', { site: 'elsewhere', attrs: ` data-api="${lantern}/custom/collect"` });
    const context = await browser.newContext();
    await (await context.newPage()).goto(`${site}/elsewhere`);
    await pageview('elsewhere');
    expect(hits.filter((h) => h.event?.s === 'elsewhere').map((h) => h.path)).toEqual(['/custom/collect']);
    await context.close();
  });

  const signals = {
    'Global Privacy Control': () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    'Do Not Track': () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }),
  };
  for (const [signal, declare] of Object.entries(signals)) {
    it(`with ${signal} on, sends nothing at all and writes no token`, async () => {
      const id = signal === 'Do Not Track' ? 'dnt' : 'gpc';
      const { context, page } = await visit(`/${id}`, {
        site: id, body: `<p id="text">${LONG_TEXT}</p>`,
      }, '?ls=parent3', (c) => c.addInitScript(declare));
      await page.waitForFunction(() => typeof window.lantern === 'object'); // the script did run
      expect(page.url()).toBe(`${site}/${id}?ls=parent3`);
      await selectAndCopy(page, '#text');
      await page.evaluate(() => {
        history.pushState({}, '', `${location.pathname}/two`);
        window.lantern.track('ignored');
        window.lantern.convert({ value: 1 });
      });
      await page.waitForTimeout(500);
      expect(eventsOf(id)).toEqual([]);
      const posted = await page.evaluate(() =>
        performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/collect')).length);
      expect(posted).toBe(0);
      await context.close();
    });
  }

  it('a visit leaves no cookies, localStorage, sessionStorage or IndexedDB behind', async () => {
    const { context, page } = await visit('/clean', {
      site: 'clean', attrs: ' data-copy-link="on"', body: `<p id="text">${LONG_TEXT}</p>`,
    });
    await pageview('clean');
    await selectAndCopy(page, '#text');
    await page.evaluate(() => {
      history.pushState({}, '', '/clean/next');
      window.lantern.track('x');
    });
    await waitForEvents('clean', 4);
    expect(await context.storageState({ indexedDB: true })).toEqual({ cookies: [], origins: [] });
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    await context.close();
  });
});

describe('the tracker with Lantern\'s own collector', () => {
  let t: TestApp;
  let collector: string;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp();
    collector = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const created = await t.app.inject({ method: 'POST', url: '/api/sites', headers: t.auth(), payload: { domain: '127.0.0.1', name: 'Test shop' } });
    expect(created.statusCode, created.body).toBe(201);
    siteId = created.json().id;
  });
  afterAll(async () => t?.close());

  /**
   * Opens `address` as a new person: a fresh context with a browser of its own. All tests share one address
   * (127.0.0.1), so people tell apart by user agent, as two phones behind one home router would.
   */
  async function openAsNewPerson(address: string, userAgent: string = UA.chromeDesktop): Promise<{ context: BrowserContext; page: Page; token: string }> {
    const context = await browser.newContext({ userAgent });
    const page = await context.newPage();
    await page.goto(address);
    await page.waitForURL(/#ls=/);
    return { context, page, token: new URL(page.url()).hash.slice('#ls='.length) };
  }

  async function cascadeOf(token: string): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      await t.app.services.ingest.catchUp();
      const res = await t.app.inject({ method: 'GET', url: `/api/cascades/${token}`, headers: t.auth() });
      if (res.statusCode === 200) return res.json();
      if (Date.now() > deadline) throw new Error(`token ${token} never reached a cascade: ${res.statusCode} ${res.body}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('a tracked link clicked, shared on WhatsApp and forwarded twice forms one cascade of depth 3', async () => {
    pages.set('/e2e', { site: siteId, attrs: ` data-api="${collector}/api/collect"` });
    const created = await t.app.inject({ method: 'POST', url: '/api/links', headers: t.auth(), payload: { url: `${site}/e2e` } });
    expect(created.statusCode, created.body).toBe(201);
    const link = created.json() as { id: string; shortUrl: string; slug: string };

    // Generation 1 follows the short link: the redirect adds ?ls=<click token>, the tracker reports it as parent.
    const first = await openAsNewPerson(`${collector}/${link.slug}`);
    expect(new URL(first.page.url()).search).toBe('');
    await first.context.route('https://wa.me/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>wa</p>' }));
    const popup = first.context.waitForEvent('page');
    await first.page.evaluate(() => window.lantern.share({ target: 'whatsapp' }));
    const forwarded = new URL((await popup).url()).searchParams.get('text')!.split(' ').at(-1)!;
    expect(forwarded).toBe(first.page.url());

    const second = await openAsNewPerson(forwarded, UA.safariIphone);
    const third = await openAsNewPerson(second.page.url(), UA.firefoxAndroid);
    const tree = await cascadeOf(third.token) as {
      size: number; depth: number; shares: number;
      root: { token: string; type: string; children: { token: string; shares: { platform: string }[]; children: unknown[] }[] };
    };
    expect(tree).toMatchObject({ size: 4, depth: 3, shares: 1 });
    expect(tree.root.type).toBe('click');
    const chain: string[] = [];
    for (let node: { token: string; children: unknown[] } | undefined = tree.root; node; node = node.children[0] as typeof node) {
      chain.push(node.token);
    }
    expect(chain.slice(1)).toEqual([first.token, second.token, third.token]);
    expect(tree.root.children[0].shares.map((s) => s.platform)).toEqual(['whatsapp']);
    for (const person of [first, second, third]) await person.context.close();
  });

  it('a reload is the same visit, not a share: the tree keeps its size, and a forward after it joins the first visit', async () => {
    pages.set('/reload', { site: siteId, attrs: ` data-api="${collector}/api/collect"` });
    const first = await openAsNewPerson(`${site}/reload`);
    for (let i = 0; i < 2; i++) {
      const before = first.page.url();
      await first.page.reload();
      await first.page.waitForURL((url) => url.href !== before && url.hash.startsWith('#ls='));
    }
    const friend = await openAsNewPerson(first.page.url(), UA.safariIphone);
    const tree = await cascadeOf(friend.token) as { size: number; depth: number; root: { token: string; children: { token: string }[] } };
    expect(tree).toMatchObject({ size: 2, depth: 1 });
    expect(tree.root.token).toBe(first.token);
    expect(tree.root.children.map((c) => c.token)).toEqual([friend.token]);
    for (const person of [first, friend]) await person.context.close();
  });
});
