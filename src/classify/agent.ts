// classifyAgent: what the user agent alone says (person, preview fetcher or bot; app; device), memoised per UA.
import { matchBot } from './bots.js';
import { readDevice } from './device.js';
import { matchInAppBrowser } from './in-app-browsers.js';
import { createLruCache } from './lru-cache.js';
import { matchPreviewFetcher } from './preview-fetchers.js';
import type { AgentInfo } from './types.js';

/** How many distinct user agents `classifyAgent` remembers. */
export const AGENT_CACHE_SIZE = 5_000;

// Longer strings are cut before use: real user agents stay well under this, and it bounds the cache's memory.
const MAX_UA_LENGTH = 1_024;

const cache = createLruCache<AgentInfo>(AGENT_CACHE_SIZE);

/**
 * Classifies a user agent: a chat app's preview fetcher (`kind: 'preview'`, with the platform), another automated
 * agent (`'bot'`), or a person (with the in-app browser's app, if any). Rules run in this order, because the bot
 * lists also flag some preview fetchers and in-app browsers: preview fetchers, in-app browsers, bots, person.
 * Memoised in an LRU of {@link AGENT_CACHE_SIZE} entries; the returned object is frozen and shared, do not mutate it.
 * Never throws.
 */
export function classifyAgent(userAgent: string): AgentInfo {
  if (typeof userAgent !== 'string') userAgent = ''; // a missing header from untyped callers
  const ua = userAgent.length > MAX_UA_LENGTH ? userAgent.slice(0, MAX_UA_LENGTH) : userAgent;
  const hit = cache.get(ua);
  if (hit !== undefined) return hit;
  const info = Object.freeze(computeAgent(ua));
  cache.set(ua, info);
  return info;
}

/** True when the user agent is a chat or social app fetching a link preview (a share), never for a browser. */
export function isPreviewFetcher(userAgent: string): boolean {
  return classifyAgent(userAgent).kind === 'preview';
}

/** Empties the user-agent cache (for benchmarks measuring the cold path, and tests). */
export function clearAgentCache(): void {
  cache.clear();
}

function computeAgent(ua: string): AgentInfo {
  const preview = matchPreviewFetcher(ua);
  if (preview) {
    return { kind: 'preview', platform: preview.platform, inApp: null, device: 'bot', browser: null, os: null, reason: `preview:${preview.name}` };
  }
  const inApp = matchInAppBrowser(ua);
  if (inApp) {
    return { kind: 'person', platform: inApp.platform, inApp: inApp.platform, ...readDevice(ua), reason: `inapp:${inApp.name}` };
  }
  const bot = matchBot(ua);
  if (bot) {
    return { kind: 'bot', platform: 'unknown', inApp: null, device: 'bot', browser: null, os: null, reason: `bot:${bot}` };
  }
  return { kind: 'person', platform: 'unknown', inApp: null, ...readDevice(ua), reason: 'person' };
}
