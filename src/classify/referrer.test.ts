// classifyReferrer, and its coverage measured against Matomo's community lists (read from ../shared/data/referrers).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyReferrer, isOwnHost } from './index.js';

describe('classifyReferrer', () => {
  it('reads the host lower-case, without www., port or credentials', () => {
    expect(classifyReferrer('HTTPS://WWW.Example.COM:8443/a?b#c').host).toBe('example.com');
    expect(classifyReferrer('https://user:pw@news.example.org/').host).toBe('news.example.org');
  });

  it('gives no host and no hint for an absent or unreadable referrer', () => {
    for (const ref of [undefined, '', 'about:blank', '/relative/path', 'not a url']) {
      expect(classifyReferrer(ref), String(ref)).toEqual({ host: null, hint: null });
    }
  });

  it('matches Google under any country TLD, but not a look-alike', () => {
    for (const host of ['google.com', 'google.de', 'google.co.uk', 'google.com.br', 'news.google.co.jp']) {
      expect(classifyReferrer(`https://${host}/`).hint?.channel, host).toBe('search');
    }
    expect(classifyReferrer('https://google.example.com/').hint?.channel).toBe('referral');
    expect(classifyReferrer('https://www.researchgate.net/').hint?.channel).toBe('referral');
  });

  it('lets a more specific host win over its parent (Messenger shim on facebook.com, Gmail on google.com)', () => {
    expect(classifyReferrer('https://lm.facebook.com/l.php').hint).toMatchObject({ channel: 'dark_social', platform: 'messenger' });
    expect(classifyReferrer('https://m.facebook.com/').hint).toMatchObject({ channel: 'social', platform: 'facebook' });
    expect(classifyReferrer('https://mail.google.com/').hint).toMatchObject({ channel: 'dark_social', platform: 'email' });
    expect(classifyReferrer('https://chat.google.com/').hint).toMatchObject({ channel: 'dark_social', platform: 'google-chat' });
  });

  it('recognises Mastodon instances by name', () => {
    for (const host of ['mastodon.social', 'mstdn.jp', 'chaos.social', 'toot.community']) {
      expect(classifyReferrer(`https://${host}/@someone`).hint, host).toMatchObject({ channel: 'social', platform: 'mastodon' });
    }
  });

  it('takes Grok inside X as an AI assistant and the rest of X as social', () => {
    expect(classifyReferrer('https://x.com/i/grok?conversation=1').hint?.channel).toBe('search');
    expect(classifyReferrer('https://x.com/someone').hint?.channel).toBe('social');
  });

  it('counts an unknown Android app as a referral', () => {
    expect(classifyReferrer('android-app://com.example.reader/')).toEqual({ host: 'com.example.reader', hint: expect.objectContaining({ channel: 'referral' }) });
  });

  it('isOwnHost matches the host and its subdomains only', () => {
    expect(isOwnHost('shop.example.com', ['www.Example.com'])).toBe(true);
    expect(isOwnHost('example.com', ['example.com:8080'])).toBe(true);
    expect(isOwnHost('notexample.com', ['example.com'])).toBe(false);
  });
});

// Matomo's lists are for measuring, not copying: the classifier keeps its own compact table.
const LISTS = fileURLToPath(new URL('../../../shared/data/referrers/', import.meta.url));
const haveLists = existsSync(LISTS);

/** Reads the domains of a Matomo list: under `urls:` for search engines, directly under each name otherwise. */
function readDomains(file: string, underUrls: boolean): string[] {
  const domains: string[] = [];
  let inUrls = !underUrls;
  for (const line of readFileSync(`${LISTS}${file}`, 'utf8').split('\n')) {
    if (/^\S/.test(line)) { inUrls = !underUrls; continue; }
    const key = /^\s+(\w+):\s*$/.exec(line);
    if (key) { inUrls = key[1] === 'urls'; continue; }
    const item = /^\s*-\s+'?([^']+?)'?\s*$/.exec(line);
    if (item && inUrls) domains.push(item[1]);
  }
  return domains;
}

/** Turns a list entry into a referrer: '{}' is any TLD (tested as .de), package ids become android-app:// referrers. */
function toReferrer(entry: string): string {
  const d = entry.replace(/^\{\}\./, 'de.').replace(/\.\{\}/, '.de');
  if (d.startsWith('android-app//')) return `android-app://${d.slice('android-app//'.length)}`;
  if (/^(?:com|org)\.[a-z0-9]+\.[a-z0-9.]+$/.test(d) || d.endsWith('.android')) return `android-app://${d}/`;
  return `https://${d}`;
}

function coverage(file: string, underUrls: boolean, accepted: readonly string[]): { share: number; missed: string[] } {
  const domains = readDomains(file, underUrls);
  const missed = domains.filter((d) => !accepted.includes(classifyReferrer(toReferrer(d)).hint?.channel ?? 'none'));
  return { share: (domains.length - missed.length) / domains.length, missed };
}

describe.skipIf(!haveLists)(haveLists ? "coverage of Matomo's referrer lists" : "coverage of Matomo's referrer lists (skipped: ../shared/data/referrers not found)", () => {
  // Measured: 95.9 % of social domains, 92 % of AI assistant domains, 70.7 % of search engine domains. The search
  // misses are defunct engines (Cuil, blekko, AltaVista mirrors), directories and yellow pages, and portals that
  // Matomo files under Google (cnn.com); every engine with a measurable share today is covered.
  it('puts at least 95 % of social network domains in social (or dark social for messengers)', () => {
    const { share, missed } = coverage('Socials.yml', false, ['social', 'dark_social']);
    expect(share, `missed: ${missed.join(' ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('puts at least 90 % of AI assistant domains in search', () => {
    const { share, missed } = coverage('AIAssistants.yml', false, ['search']);
    expect(share, `missed: ${missed.join(' ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('puts at least 68 % of search engine domains in search, and every major engine', () => {
    const { share, missed } = coverage('SearchEngines.yml', true, ['search']);
    expect(share, `missed: ${missed.join(' ')}`).toBeGreaterThanOrEqual(0.68);
    const majors = ['google.com', 'bing.com', 'duckduckgo.com', 'yandex.ru', 'baidu.com', 'search.yahoo.com', 'ecosia.org', 'www.qwant.com',
      'search.brave.com', 'startpage.com', 'search.naver.com', 'search.seznam.cz', 'kagi.com', 'www.perplexity.ai', 'chatgpt.com'];
    for (const host of majors) expect(missed, host).not.toContain(host);
  });
});
