// Generic automated agents: isbot's pattern, then the crawler-user-agents list (MIT), then what both miss.
import crawlers from 'crawler-user-agents';
import { isbot } from 'isbot';

// Patterns of the list that also match real browsers and apps: an Android 15 build id shared by many phones,
// and Slack's desktop app ("Sonic").
const TOO_BROAD = new Set(['AP3A\\.240617\\.008', '008\\/', 'Sonic']);

// One alternation of the ~1,500 crawler-user-agents patterns, compiled once. They are written case-sensitive.
const CRAWLER_PATTERN = new RegExp(
  crawlers
    .filter((c) => !TOO_BROAD.has(c.pattern))
    .map((c) => `(?:${c.pattern})`)
    .join('|'),
);

// HTTP libraries and tools that neither list names. (Not Dalvik: Android's default client is also a browser's.)
const EXTRA_PATTERN = /^(?:okhttp\/|CFNetwork\/|HTTPie\/|undici|Deno\/|Bun\/|got \(|ky\/|Faraday v|Typhoeus|RestSharp|Apache-HttpClient)/i;

/**
 * Says why this user agent is an automated agent ('empty', 'isbot', 'crawler-user-agents', 'http-library'),
 * or null when nothing marks it as one. Preview fetchers and in-app browsers are told apart before this is asked.
 */
export function matchBot(userAgent: string): string | null {
  const ua = userAgent.trim();
  if (ua === '') return 'empty';
  if (isbot(ua)) return 'isbot';
  if (CRAWLER_PATTERN.test(ua)) return 'crawler-user-agents';
  if (EXTRA_PATTERN.test(ua)) return 'http-library';
  return null;
}
