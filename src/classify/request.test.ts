// classifyRequest: the channel rules, one test each, in the order they apply.
import { describe, expect, it } from 'vitest';
import { classifyRequest, isDeepLanding, readQuery } from './index.js';
import type { ClassifyInput } from './types.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.169 Safari/537.36';
const WA4A = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.7390.124 Mobile Safari/537.36 [WA4A/2.25.32.75;]';
const INSTAGRAM = 'Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 123.1.0.26.115 (iPhone11,8; iOS 13_3; en_US)';

function visit(input: Partial<ClassifyInput>) {
  return classifyRequest({ userAgent: CHROME, ...input });
}

describe('rule 1: campaign tags win', () => {
  it('utm_medium=email is the brand\'s email channel even when a search engine referred', () => {
    expect(visit({ referrer: 'https://www.google.com/', url: '/?utm_medium=email&utm_source=spring' })).toMatchObject({ channel: 'email', platform: 'email', channelReason: 'utm_medium' });
  });

  it('paid mediums and ad click ids are paid', () => {
    expect(visit({ url: '/?utm_medium=cpc&utm_source=google' }).channel).toBe('paid');
    expect(visit({ url: '/?utm_medium=paid_social&utm_source=facebook' })).toMatchObject({ channel: 'paid', platform: 'facebook' });
    for (const id of ['gclid', 'gbraid', 'wbraid', 'msclkid', 'dclid']) expect(visit({ url: `/?${id}=x` }).channel, id).toBe('paid');
    expect(visit({ url: '/?ttclid=x' })).toMatchObject({ channel: 'paid', platform: 'tiktok' });
    expect(visit({ url: '/?li_fat_id=x' })).toMatchObject({ channel: 'paid', platform: 'linkedin' });
  });

  it('a messenger named by utm_source is dark social, even with utm_medium=social', () => {
    expect(visit({ url: '/?utm_source=whatsapp' })).toMatchObject({ channel: 'dark_social', platform: 'whatsapp' });
    expect(visit({ url: '/?utm_source=telegram&utm_medium=social' })).toMatchObject({ channel: 'dark_social', platform: 'telegram' });
  });

  it('a social source or medium is social', () => {
    expect(visit({ url: '/?utm_source=facebook&utm_medium=social' })).toMatchObject({ channel: 'social', platform: 'facebook' });
    expect(visit({ url: '/?utm_source=twitter' })).toMatchObject({ channel: 'social', platform: 'x' });
  });

  it('fbclid is social Facebook, but a Messenger link shim keeps it dark social', () => {
    expect(visit({ url: '/?fbclid=IwAR0' })).toMatchObject({ channel: 'social', platform: 'facebook' });
    expect(visit({ referrer: 'https://l.messenger.com/l.php?u=x', url: '/?fbclid=IwAR0' })).toMatchObject({ channel: 'dark_social', platform: 'messenger' });
  });

  it('unrecognised tags leave the decision to the next rules', () => {
    expect(visit({ referrer: 'https://www.bing.com/', url: '/?utm_campaign=spring&utm_source=acme' }).channel).toBe('search');
  });
});

describe('rule 2: own hosts, messengers and in-app browsers', () => {
  it('a referrer from the site itself is internal, even inside a messenger\'s in-app browser', () => {
    expect(visit({ referrer: 'https://www.shop.example.com/cart', ownHosts: ['shop.example.com'] }).channel).toBe('internal');
    expect(visit({ userAgent: WA4A, referrer: 'https://shop.example.com/', ownHosts: ['shop.example.com'] }).channel).toBe('internal');
  });

  it('a messenger\'s web client or Android app referrer is dark social with that platform', () => {
    expect(visit({ referrer: 'https://web.whatsapp.com/' })).toMatchObject({ channel: 'dark_social', platform: 'whatsapp', referrerHost: 'web.whatsapp.com' });
    expect(visit({ referrer: 'android-app://org.telegram.messenger/' })).toMatchObject({ channel: 'dark_social', platform: 'telegram', referrerHost: 'org.telegram.messenger' });
  });

  it('person-to-person email from webmail is dark social, not the email channel', () => {
    expect(visit({ referrer: 'https://mail.google.com/mail/u/0/' })).toMatchObject({ channel: 'dark_social', platform: 'email' });
    expect(visit({ referrer: 'android-app://com.google.android.gm/' })).toMatchObject({ channel: 'dark_social', platform: 'email' });
  });

  it('a messenger\'s in-app browser without a referrer is dark social', () => {
    expect(visit({ userAgent: WA4A, url: '/' })).toMatchObject({ channel: 'dark_social', platform: 'whatsapp', inApp: 'whatsapp' });
  });

  it('the tracker\'s Telegram and Web Share hints make a visit dark social', () => {
    expect(visit({ hints: { telegramWebview: true } })).toMatchObject({ channel: 'dark_social', platform: 'telegram' });
    expect(visit({ hints: { webShare: true } }).channel).toBe('dark_social');
  });
});

describe('rule 3: other referrers', () => {
  it('search engines (any Google TLD) and AI assistants are search', () => {
    for (const ref of ['https://www.google.co.uk/', 'https://duckduckgo.com/', 'https://www.bing.com/search?q=x', 'https://chatgpt.com/']) {
      expect(visit({ referrer: ref }).channel, ref).toBe('search');
    }
  });

  it('social networks are social with their platform', () => {
    expect(visit({ referrer: 'https://t.co/abc' })).toMatchObject({ channel: 'social', platform: 'x', referrerHost: 't.co' });
    expect(visit({ referrer: 'https://www.linkedin.com/feed/' })).toMatchObject({ channel: 'social', platform: 'linkedin', referrerHost: 'linkedin.com' });
  });

  it('any other website is a referral', () => {
    expect(visit({ referrer: 'https://blog.example.org/post' })).toMatchObject({ channel: 'referral', referrerHost: 'blog.example.org' });
  });

  it('a social app\'s in-app browser without a referrer is social', () => {
    expect(visit({ userAgent: INSTAGRAM, url: '/' })).toMatchObject({ channel: 'social', platform: 'instagram' });
  });
});

describe('rule 4: no referrer', () => {
  it('a tracked short link click is dark social: nobody types a random slug', () => {
    expect(visit({ url: '/k3Jd9', trackedLink: true })).toMatchObject({ channel: 'dark_social', channelReason: 'no-referrer:tracked-link' });
  });

  it('a deep page is dark social, the home page or a section page is direct', () => {
    expect(visit({ url: 'https://shop.example.com/blog/how-we-cut-our-cloud-bill' }).channel).toBe('dark_social');
    expect(visit({ url: 'https://shop.example.com/' }).channel).toBe('direct');
    expect(visit({ url: 'https://shop.example.com/blog/' }).channel).toBe('direct');
    expect(visit({}).channel).toBe('direct');
  });

  it('an address carrying a share token was pasted somewhere: dark social', () => {
    expect(visit({ url: '/?ls=k3Jd9aQ' }).channel).toBe('dark_social');
    expect(visit({ url: '/#ls=k3Jd9aQ' }).channel).toBe('dark_social');
  });

  it('isDeepLanding uses depth, slugs and real query parameters', () => {
    expect(isDeepLanding('/', false)).toBe(false);
    expect(isDeepLanding('/pricing', false)).toBe(false);
    expect(isDeepLanding('/en/', false)).toBe(false);
    expect(isDeepLanding('/en/index.html', false)).toBe(false);
    expect(isDeepLanding('/de/blog/post', false)).toBe(true);
    expect(isDeepLanding('/how-to-grow-tomatoes', false)).toBe(true);
    expect(isDeepLanding('/p12345', false)).toBe(true);
    expect(isDeepLanding('/', true)).toBe(true);
    expect(readQuery('utm_campaign=x&ls=abc&fbclid=1').otherParams).toBe(false);
    expect(readQuery('id=42').otherParams).toBe(true);
  });
});

describe('previews, bots and client hints', () => {
  it('a WhatsApp preview fetch records a share into WhatsApp, dark social', () => {
    expect(classifyRequest({ userAgent: 'WhatsApp/2.19.175 A', url: '/abc', trackedLink: true })).toMatchObject({ kind: 'preview', platform: 'whatsapp', channel: 'dark_social' });
  });

  it('a LinkedIn preview fetch is a share into a social network', () => {
    expect(classifyRequest({ userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' })).toMatchObject({ kind: 'preview', channel: 'social' });
  });

  it('a bot never gets the no-referrer dark-social guess', () => {
    expect(classifyRequest({ userAgent: 'curl/8.4.0', url: '/blog/some-long-article', trackedLink: true })).toMatchObject({ kind: 'bot', channel: 'direct' });
  });

  it('client hints fill in device and OS that a reduced user agent lacks', () => {
    const got = classifyRequest({ userAgent: 'Mozilla/5.0 (compatible; SomeNewBrowser)', headers: { 'sec-ch-ua-mobile': '?1', 'sec-ch-ua-platform': '"Android"' } });
    expect(got).toMatchObject({ kind: 'person', device: 'mobile', os: 'Android' });
  });

  it('never throws on odd input', () => {
    expect(() => classifyRequest({ userAgent: '\u0000', referrer: '://', url: '?%E0%A4%A&utm_source=%' })).not.toThrow();
    expect(visit({ referrer: 'about:blank' }).referrerHost).toBeNull();
  });
});
