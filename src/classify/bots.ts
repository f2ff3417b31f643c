// Generic automated agents: isbot's pattern, then the crawler-user-agents list (MIT), then what both miss.
import { isbot } from 'isbot';
import { matchCrawlerList } from './crawler-list.js';

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
  if (matchCrawlerList(ua)) return 'crawler-user-agents';
  if (EXTRA_PATTERN.test(ua)) return 'http-library';
  return null;
}
