// The dashboard in real Chromium against a real Lantern: sign-in, the overview's charts, creating a link, the
// cascade view, a viewer's limits, a phone-sized screen, and no console errors along the way. The workspace is
// filled through the real redirect edge (preview fetchers, in-app browsers, reshared tokens) over four weeks.
// Screenshots for the README: run with UPDATE_SCREENSHOTS=1 to write docs/overview.png and docs/cascades.png.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/auth/accounts.js';
import { UA } from './fixtures/user-agents.js';
import { launchChromium } from './helpers/chromium.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'correct horse battery';
const OWNER = 'owner@lantern.test';
const VIEWER = 'viewer@lantern.test';
const DAY = 86_400_000;

let t: TestApp;
let origin: string;
let browser: Browser;
let shotDir: string;
let links: { id: string; slug: string }[] = [];
const clock: { t: number | null } = { t: null };
/** Console errors and uncaught exceptions of every page, with the page's URL. */
const problems: string[] = [];
/** Failed API answers a test provokes on purpose (path and status): the browser logs them, they are no problem. */
const provoked: { path: string; status: number }[] = [];

/** Where a screenshot goes: docs/ when UPDATE_SCREENSHOTS=1, else a temporary folder. */
function shotPath(name: string): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', name) : join(shotDir, name);
}

/** A small seeded generator, so every run sees the same four weeks. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where people come from: the chat app's preview fetcher (a share) and the browser its users open links in. */
const SOURCES = [
  { preview: UA.whatsapp, browser: UA.whatsappInApp, referer: '', weight: 6 },
  { preview: UA.telegram, browser: UA.firefoxAndroid, referer: 'https://web.telegram.org/', weight: 3 },
  { preview: UA.discord, browser: UA.chromeDesktop, referer: 'https://discord.com/channels/1/2', weight: 2 },
  { preview: UA.signal, browser: UA.safariIphone, referer: '', weight: 2 },
  { preview: UA.slack, browser: UA.chromeDesktop, referer: 'https://app.slack.com/client/T1', weight: 1 },
  { preview: UA.imessage, browser: UA.safariIphone, referer: '', weight: 2 },
  { preview: null, browser: UA.safariIphone, referer: 'https://www.facebook.com/', weight: 1 },
  { preview: null, browser: UA.chromeDesktop, referer: 'https://www.google.com/', weight: 1 },
];
type Source = (typeof SOURCES)[number];
/** Public address prefixes in several countries (only looked up in the bundled country database, never contacted). */
const NETWORKS = ['85.214.132.', '81.2.69.', '89.160.20.', '216.160.83.', '200.147.67.', '49.44.117.', '133.242.0.', '41.206.0.', '5.135.0.'];

/** Creates communities, ambassadors and links, then four weeks of visits, previews and reshared tokens. */
async function seedWorkspace(): Promise<void> {
  const rand = random(42);
  const pickSource = (): Source => {
    let r = rand() * SOURCES.reduce((sum, s) => sum + s.weight, 0);
    for (const source of SOURCES) if ((r -= source.weight) <= 0) return source;
    return SOURCES[0];
  };
  const post = async (url: string, payload: object): Promise<{ id: string; slug: string }> => {
    const res = await t.app.inject({ method: 'POST', url, headers: t.auth(), payload });
    if (res.statusCode !== 201) throw new Error(`POST ${url} answered ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  // Links carry their own title, description and image, so no preview card is fetched from the internet.
  const image = `${origin}/app/favicon.svg`;
  const berlin = await post('/api/communities', { name: 'Coffee Lovers Berlin', platform: 'whatsapp', region: 'DE', members: 240 });
  const nerds = await post('/api/communities', { name: 'Brew Nerds', platform: 'discord', members: 1800 });
  const club = await post('/api/communities', { name: 'Espresso Club', platform: 'telegram', members: 560 });
  const mara = await post('/api/ambassadors', { name: 'Mara K.', community: berlin.id });
  const jonas = await post('/api/ambassadors', { name: 'Jonas', community: nerds.id });
  links = [
    await post('/api/links', { url: 'https://lantern-coffee.example/spring-blend', slug: 'spring', title: 'Spring Blend is here', description: 'Bright, floral, limited. 15% off this week for friends of friends.', image, community: berlin.id, ambassador: mara.id }),
    await post('/api/links', { url: 'https://lantern-coffee.example/grinder-guide', slug: 'grind', title: 'The grinder guide', description: 'Burr or blade? Everything we learned in ten years.', image, community: nerds.id, ambassador: jonas.id }),
    await post('/api/links', { url: 'https://lantern-coffee.example/subscribe', slug: 'sub', title: 'Coffee subscription', description: 'Fresh beans at your door every other week.', image, community: club.id }),
  ];

  const visit = async (slug: string, source: Source, ts: number, parent: string | null, asPreview: boolean): Promise<string | null> => {
    clock.t = ts;
    const headers: Record<string, string> = {
      'user-agent': asPreview && source.preview ? source.preview : source.browser,
      'x-forwarded-for': NETWORKS[Math.floor(rand() * NETWORKS.length)] + String(2 + Math.floor(rand() * 250)),
    };
    if (!asPreview && source.referer) headers.referer = source.referer;
    const res = await t.app.inject({ method: 'GET', url: `/${slug}${parent ? `?ls=${parent}` : ''}`, headers });
    const location = res.headers.location;
    return typeof location === 'string' ? new URL(location).searchParams.get('ls') : null;
  };
  // A visit's link is pasted into a chat (a preview fetch naming its token), and some friends open it: a cascade.
  const reshare = async (slug: string, parent: string, ts: number, generation: number): Promise<void> => {
    const children = generation > 5 ? 0 : Math.floor(rand() * (generation < 2 ? 4 : 2.6));
    for (let i = 0; i < children; i++) {
      const source = pickSource();
      const at = ts + 60_000 + Math.floor(rand() * 3 * 3600_000);
      if (source.preview) await visit(slug, source, at - 30_000, parent, true);
      const token = await visit(slug, source, at, parent, false);
      if (token) await reshare(slug, token, at, generation + 1);
    }
  };
  const start = Date.now() - 27 * DAY;
  for (let day = 0; day < 28; day++) {
    const count = 4 + Math.floor(day * 0.8 + rand() * 8);
    for (let i = 0; i < count; i++) {
      const link = links[Math.floor(rand() * rand() * links.length)];
      const source = pickSource();
      const ts = Math.min(Date.now() - 60_000, start + day * DAY + Math.floor(rand() * DAY));
      if (source.preview) await visit(link.slug, source, ts - 120_000, null, true);
      const token = await visit(link.slug, source, ts, null, false);
      if (token && rand() < 0.4) await reshare(link.slug, token, ts, 1);
    }
  }
  clock.t = null;
}

/** A fresh browser context whose console errors and page errors are recorded in `problems`. */
async function openContext(width = 1280, height = 900): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: 'dark' });
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // Before sign-in the dashboard asks who is signed in; the browser logs that expected 401 as an error.
    if (message.location().url.endsWith('/api/auth/me') && message.text().includes('401')) return;
    const failed = message.location().url;
    if (provoked.some((p) => new URL(failed, origin).pathname === p.path && message.text().includes(`status of ${p.status}`))) return;
    problems.push(`${page.url()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  return { context, page };
}

async function signIn(page: Page, email: string, path = '/app/'): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** How many pixels of a chart's canvas are drawn (not transparent). */
async function drawnPixels(page: Page, testId: string): Promise<number> {
  const chart = page.locator(`[data-testid="${testId}"][data-ready="true"] canvas`).first();
  await chart.waitFor();
  // ECharts animates in; give it a moment to paint its final frame.
  await page.waitForTimeout(600);
  return chart.evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
    return drawn;
  });
}

beforeAll(async () => {
  shotDir = mkdtempSync(join(tmpdir(), 'lantern-dashboard-shots-'));
  if (!existsSync(join(ROOT, 'dashboard', 'dist', 'index.html'))) {
    // `npm test` builds it first; a lone `vitest run` of this file builds it here.
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'dashboard', 'vite.config.ts'), logLevel: 'warn' });
  }
  t = await createTestApp({ now: () => clock.t ?? Date.now() });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const meta = t.app.services.stores.meta;
  await createUser(meta, OWNER, PASSWORD, 'owner', t.workspace, Date.now());
  await createUser(meta, VIEWER, PASSWORD, 'viewer', t.workspace, Date.now());
  await seedWorkspace();
  // Routes still being written answer 404; the pages cope (the leaderboard falls back to the ambassador breakdown).
  for (const path of ['/api/ambassadors/leaderboard', '/api/webhooks']) {
    if (!t.app.hasRoute({ method: 'GET', url: path })) provoked.push({ path, status: 404 });
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (shotDir) rmSync(shotDir, { recursive: true, force: true });
});

describe('dashboard', () => {
  it('sends a signed-out visitor to sign-in, says so in words when the password is wrong, then opens the overview', async () => {
    const { context, page } = await openContext();
    await page.goto(`${origin}/app/links`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app/links');

    await page.getByLabel('Email').fill(OWNER);
    provoked.push({ path: '/api/auth/login', status: 401 });
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong email or password/i);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Links' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/links');
    await context.close();
  });

  it('shows the overview with its totals, the change against the period before, and charts that are drawn', async () => {
    const { context, page } = await openContext();
    await signIn(page, OWNER);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    const visits = page.getByTestId('stat-visits');
    await visits.locator('.stat-change').waitFor();
    const visitsText = await visits.textContent();
    expect(Number((visitsText ?? '').match(/Visits\s*([\d,.\s]+)/)?.[1]?.replace(/\D/g, ''))).toBeGreaterThan(100);
    await expect.poll(() => page.getByTestId('stat-dark-social').textContent()).toMatch(/\d+\s?%/);

    expect(await drawnPixels(page, 'timeseries-chart')).toBeGreaterThan(2_000);
    expect(await drawnPixels(page, 'breakdown-chart-platform')).toBeGreaterThan(2_000);
    expect(await drawnPixels(page, 'channel-chart')).toBeGreaterThan(2_000);
    // Every chart has a text alternative that names what it shows.
    const label = await page.locator('[data-testid="breakdown-chart-platform"] [role="img"]').getAttribute('aria-label');
    expect(label).toMatch(/WhatsApp \d+ visits and \d+ shares/);
    await page.getByRole('cell', { name: 'Coffee Lovers Berlin' }).or(page.getByRole('rowheader', { name: 'Coffee Lovers Berlin' })).first().waitFor();

    await page.screenshot({ path: shotPath('overview.png'), fullPage: true });
    await context.close();
  });

  it('keeps the range and filters in the address: presets, a platform filter, and the back button', async () => {
    const { context, page } = await openContext();
    await signIn(page, OWNER);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    await page.getByRole('button', { name: '7 days' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Platform', { exact: true }).selectOption('whatsapp');
    await expect.poll(() => new URL(page.url()).searchParams.get('platform')).toBe('whatsapp');
    await page.getByTestId('stat-visits').locator('.stat-value').waitFor();

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('platform')).toBeNull();
    expect(await page.getByLabel('Platform', { exact: true }).inputValue()).toBe('');
    await context.close();
  });

  it('creates a link from the form, with its chat preview, and opens the new link with its short URL', async () => {
    const { context, page } = await openContext();
    await signIn(page, OWNER, '/app/links');
    await page.getByRole('link', { name: 'New link' }).click();
    await page.getByRole('heading', { level: 1, name: 'New link' }).waitFor();

    await page.getByLabel('Destination URL').fill('ftp://lantern-coffee.example/files');
    await page.getByRole('button', { name: 'Create link' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/only http:\/\/ and https:\/\//i);

    await page.getByLabel('Destination URL').fill('https://lantern-coffee.example/cupping-night');
    await page.getByLabel('Slug (optional)').fill('cupping');
    await page.getByLabel('Preview title (optional)').fill('Cupping night, Friday');
    await page.getByLabel('Preview description (optional)').fill('Taste six single origins with our roasters.');
    await page.getByLabel('Preview image URL (optional)').fill(`${origin}/app/favicon.svg`);
    await page.getByLabel('Community').selectOption({ label: 'Brew Nerds' });
    const preview = page.getByRole('figure', { name: 'Preview of the link in a chat' });
    await expect.poll(() => preview.textContent()).toContain('Cupping night, Friday');
    expect(await preview.textContent()).toContain('lantern-coffee.example');

    await page.getByRole('button', { name: 'Create link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cupping night, Friday' }).waitFor();
    expect(await page.getByTestId('short-url').textContent()).toBe('http://lnt.test/cupping');
    expect(await page.getByRole('button', { name: 'Copy short link' }).isVisible()).toBe(true);

    const listed = await t.app.inject({ method: 'GET', url: '/api/links?limit=100', headers: t.auth() });
    const created = (listed.json() as { items: { slug: string; title: string; community: string | null }[] }).items.find((l) => l.slug === 'cupping');
    expect(created).toMatchObject({ title: 'Cupping night, Friday' });
    expect(created?.community).toMatch(/\S/);
    await context.close();
  });

  it('draws the share trees of a link and shows a visit’s details, without anything personal', async (ctx) => {
    if (!t.app.hasRoute({ method: 'GET', url: '/api/cascades' })) ctx.skip();
    const { context, page } = await openContext();
    await signIn(page, OWNER, `/app/cascades?link=${links[0].id}`);
    await page.getByRole('heading', { level: 1, name: 'Cascades' }).waitFor();

    const facts = page.getByTestId('cascade-facts');
    await facts.waitFor();
    expect(await facts.textContent()).toMatch(/Depth\s*[1-9]/);
    expect(await facts.textContent()).toMatch(/K-factor\s*\d/);
    expect(await drawnPixels(page, 'cascade-tree-chart')).toBeGreaterThan(1_000);
    expect(await page.locator('[data-testid="cascade-tree-chart"] [role="img"]').getAttribute('aria-label')).toMatch(/Share tree started .* visits over \d+ levels/);

    // The accessible list of visits selects the same nodes as a click on the drawing.
    await page.getByText(/^All \d+ visits as a list$/).click();
    await page.locator('.outline-node').nth(1).click();
    const details = page.getByTestId('cascade-node-details');
    await expect.poll(() => details.textContent()).toMatch(/Reshare, level 1/);
    const text = (await details.textContent()) ?? '';
    expect(text).toMatch(/Arrived from/);
    expect(text).not.toMatch(/token|visitor|\d+\.\d+\.\d+\.\d+/i);

    await page.locator('.outline-node').first().click();
    await page.getByText(/^All \d+ visits as a list$/).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shotPath('cascades.png'), fullPage: true });
    await context.close();
  });

  it('shows a viewer no create or edit buttons, and the API refuses their writes', async () => {
    const { context, page } = await openContext();
    await signIn(page, VIEWER, '/app/links');
    await page.getByRole('heading', { level: 1, name: 'Links' }).waitFor();
    await page.getByRole('link', { name: 'Spring Blend is here' }).waitFor();
    expect(await page.getByRole('link', { name: 'New link' }).count()).toBe(0);
    expect(await page.getByText('viewer', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Spring Blend is here' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring Blend is here' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Communities' }).click();
    await page.getByRole('heading', { level: 1, name: 'Communities & ambassadors' }).waitFor();
    expect(await page.getByText('Add a community').count()).toBe(0);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add site' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0);

    provoked.push({ path: '/api/links', status: 403 });
    const refused = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/links', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lantern-csrf': me.csrfToken },
        body: JSON.stringify({ url: 'https://lantern-coffee.example/sneaky' }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    await context.close();
  });

  it('fits a 375 px phone: no sideways scrolling, and the sections stay reachable', async () => {
    const { context, page } = await openContext(375, 740);
    await signIn(page, OWNER);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByTestId('timeseries-chart').locator('canvas').waitFor();
    for (const path of ['/app/', '/app/links', '/app/communities', '/app/settings']) {
      await page.goto(`${origin}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.getByRole('link', { name: 'Cascades' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cascades' }).waitFor();
    await context.close();
  });

  it('can be used with the keyboard: a skip link, real links in the navigation, and a visible focus', async () => {
    const { context, page } = await openContext();
    await signIn(page, OWNER);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    // A fresh load, so the keyboard starts from the top of the page rather than where the Sign in button was.
    await page.goto(`${origin}/app/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Tab on to the Links section and follow it with Enter.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Links') break;
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Links' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await context.close();
  });

  it('logged no console errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
