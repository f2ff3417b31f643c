// classifyAgent and isPreviewFetcher: one test per rule, with the verbatim user agents the rules were built from.
import { describe, expect, it } from 'vitest';
import { AGENT_CACHE_SIZE, classifyAgent, clearAgentCache, isPreviewFetcher } from './index.js';

const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4';
const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.169 Safari/537.36';

describe('preview fetchers', () => {
  it('a WhatsApp preview fetch is recognised by its version and platform letter', () => {
    for (const ua of ['WhatsApp/2.19.175 A', 'WhatsApp/2.12.15/i', 'WhatsApp/2.21.12.21 A', 'whatsapp/2.2123.8 n']) {
      expect(classifyAgent(ua), ua).toMatchObject({ kind: 'preview', platform: 'whatsapp', reason: 'preview:whatsapp' });
    }
  });

  it('a Signal preview fetch is told apart from WhatsApp', () => {
    expect(classifyAgent('WhatsApp/2')).toMatchObject({ kind: 'preview', platform: 'signal' });
  });

  it("WhatsApp's own API client and bare versions are not counted as shares", () => {
    expect(classifyAgent('WhatsApp/2.17.427 Android/6.0 Device/HTC-HTC_Desire_816').kind).toBe('bot');
    expect(classifyAgent('WhatsApp/2.23.20.0').kind).toBe('bot');
  });

  it('Apple Messages is told apart from Facebook by Twitterbot next to facebookexternalhit', () => {
    expect(classifyAgent(`${SAFARI_MAC} facebookexternalhit/1.1 Facebot Twitterbot/1.0`)).toMatchObject({ kind: 'preview', platform: 'imessage' });
    expect(classifyAgent('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)')).toMatchObject({ kind: 'preview', platform: 'facebook' });
  });

  it('LINE and KakaoTalk, which reuse the Facebook token, get their own platform', () => {
    expect(classifyAgent('facebookexternalhit/1.1;line-poker/1.0').platform).toBe('line');
    expect(classifyAgent('facebookexternalhit/1.1; kakaotalk-scrap/1.0; +https://devtalk.kakao.com/t/scrap/33984').platform).toBe('kakaotalk');
  });

  it.each([
    ['TelegramBot (like TwitterBot)', 'telegram'],
    ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'discord'],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'slack'],
    ['Facebot', 'facebook'],
    ['meta-externalfetcher/1.1', 'facebook'],
    ['SkypeUriPreview Preview/0.5', 'skype'],
    ['MicrosoftPreview/2.0', 'teams'],
    ['ViberUrlDownloader', 'viber'],
    ['Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots', 'snapchat'],
    ['Mozilla/5.0 (compatible; SnapURLPreview/1.0; +https://www.snapchat.com)', 'snapchat'],
    ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'linkedin'],
    ['Twitterbot/1.0', 'x'],
    ['http.rb/3.2.0 (Mastodon/2.4.3; +https://uwu.social/)', 'mastodon'],
    ['Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)', 'reddit'],
    ['Pinterest/0.2 (+http://www.pinterest.com/bot.html)', 'pinterest'],
    ['Synapse (bot; +https://github.com/matrix-org/synapse)', 'element'],
    ['Google-PageRenderer Google (+https://developers.google.com/+/web/snippet/)', 'sms'],
  ])('%s is a preview fetch for %s', (ua, platform) => {
    expect(classifyAgent(ua)).toMatchObject({ kind: 'preview', platform, device: 'bot', inApp: null });
    expect(isPreviewFetcher(ua)).toBe(true);
  });

  it("Slack's image proxy is a bot, not a share", () => {
    expect(classifyAgent('Slack-ImgProxy (+https://api.slack.com/robots)')).toMatchObject({ kind: 'bot' });
    expect(isPreviewFetcher('Slack-ImgProxy (+https://api.slack.com/robots)')).toBe(false);
  });

  it("Discord's image proxy, an old plain Firefox, is not special-cased", () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:38.0) Gecko/20100101 Firefox/38.0';
    expect(classifyAgent(ua).kind).toBe('person');
  });
});

describe('in-app browsers', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.7390.124 Mobile Safari/537.36 [WA4A/2.25.32.75;]', 'whatsapp'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 26_0_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0.1 Mobile/15E148 Safari/604.1 [WAiOS/2.25.31]', 'whatsapp'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/461.0.0.26.106]', 'messenger'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/478.0.0.43.115;]', 'messenger'],
    ['Mozilla/5.0 (Linux; Android 9; SM-G950U; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/80.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/263.0.0.46.121;]', 'facebook'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 13_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 123.1.0.26.115 (iPhone11,8; iOS 13_3; en_US)', 'instagram'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_3 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Mobile/14G60 wxwork/2.1.5 MicroMessenger/6.3.22', 'wechat'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.4.5', 'kakaotalk'],
    ['Mozilla/5.0 (Linux; Android 12; SM-A525F; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 Zalo android/12100625 ZaloTheme/light', 'zalo'],
    ['Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) discord/0.0.306 Chrome/78.0.3904.130 Electron/7.1.11 Safari/537.36', 'discord'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.4.2 Chrome/78.0 Electron/7.2.1 Safari/537.36 Sonic Slack_SSB/4.4.2', 'slack'],
  ])('%s is a person in the %s in-app browser', (ua, app) => {
    expect(classifyAgent(ua)).toMatchObject({ kind: 'person', inApp: app, platform: app });
    expect(isPreviewFetcher(ua)).toBe(false);
  });

  it("WeChat's MicroMessenger is never read as Facebook Messenger", () => {
    const ua = 'Mozilla/5.0 (Linux; Android 7.0; FRD-AL00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/53.0 Mobile Safari/537.36 MicroMessenger/6.5.16.1120 NetType/WIFI';
    expect(classifyAgent(ua).inApp).toBe('wechat');
  });

  it('an in-app browser that a bot list also matches stays a person', () => {
    // crawler-user-agents lists "Sonic", which Slack's desktop app sends.
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.29.149 Chrome/104.0.5112.102 Electron/20.1.0 Safari/537.36 Sonic Slack_SSB/4.29.149';
    expect(classifyAgent(ua)).toMatchObject({ kind: 'person', inApp: 'slack' });
  });
});

describe('bots and people', () => {
  it.each(['', '   ', 'curl/8.4.0', 'python-requests/2.31.0', 'Wget/1.21.4', 'Go-http-client/1.1', 'okhttp/4.12.0',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'])('%j is an automated agent', (ua) => {
    expect(classifyAgent(ua)).toMatchObject({ kind: 'bot', device: 'bot', platform: 'unknown', inApp: null });
  });

  it('a desktop browser is a person with its browser, OS and device', () => {
    expect(classifyAgent(CHROME_WIN)).toMatchObject({ kind: 'person', platform: 'unknown', inApp: null, device: 'desktop', browser: 'Chrome', os: 'Windows', reason: 'person' });
  });

  it('phones, tablets, TVs and consoles get their device type', () => {
    expect(classifyAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 13_2_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.3 Mobile/15E148 Safari/604.1').device).toBe('mobile');
    expect(classifyAgent('Mozilla/5.0 (iPad; CPU OS 9_1 like Mac OS X) AppleWebKit/600.1.4 (KHTML, like Gecko) GSA/10.0.63022 Mobile/13B143 Safari/600.1.4').device).toBe('tablet');
    expect(classifyAgent('Mozilla/5.0 (CrKey armv7l 1.5.16041) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/31.0.1650.0 Safari/537.36').device).toBe('tv');
    expect(classifyAgent('Mozilla/5.0 (PlayStation 4 5.55) AppleWebKit/601.2 (KHTML, like Gecko)').device).toBe('console');
  });
});

describe('the user-agent cache', () => {
  it('answers a repeated user agent from the cache with the same frozen object', () => {
    const first = classifyAgent(CHROME_WIN);
    expect(classifyAgent(CHROME_WIN)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('stays bounded and still answers correctly after eviction', () => {
    clearAgentCache();
    const first = classifyAgent('WhatsApp/2.19.175 A');
    for (let i = 0; i < AGENT_CACHE_SIZE + 10; i++) classifyAgent(`${CHROME_WIN} test/${i}`);
    const again = classifyAgent('WhatsApp/2.19.175 A');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('cuts absurdly long user agents instead of caching them whole', () => {
    const long = `${CHROME_WIN} ${'x'.repeat(100_000)}`;
    expect(classifyAgent(long).kind).toBe('person');
  });
});
