// The request classifier's public surface: who is asking (person, preview fetcher, bot), from which app and channel.
export { AGENT_CACHE_SIZE, classifyAgent, clearAgentCache, isPreviewFetcher } from './agent.js';
export { campaignHint, clickIdHint, readQuery, type QueryFacts } from './campaign.js';
export { isDeepLanding } from './landing.js';
export { channelOfPlatform, isMessagingPlatform, MESSAGING_PLATFORMS, SOCIAL_PLATFORMS } from './platform-groups.js';
export { classifyReferrer, isOwnHost } from './referrer.js';
export { classifyRequest } from './request.js';
export type { AgentInfo, ChannelHint, Classification, ClassifyInput, Kind, ReferrerInfo } from './types.js';
