// Builds a complete stored event from the fields a source knows, with nulls for the rest and a fresh id.
import { pooledToken } from '../ids.js';
import type { StoredEvent } from '../store/types.js';

export type EventFields = Pick<StoredEvent, 'ts' | 'workspaceId' | 'type'> & Partial<Omit<StoredEvent, 'id' | 'ts' | 'workspaceId' | 'type'>>;

/** A stored event with every optional field null; platform 'unknown' and channel 'direct' unless given. */
export function buildEvent(fields: EventFields): StoredEvent {
  return {
    id: pooledToken(), linkId: null, siteId: null, communityId: null, ambassadorId: null, campaignId: null,
    platform: 'unknown', channel: 'direct', token: null, parent: null, visitor: null, country: null, device: null,
    browser: null, os: null, inApp: null, referrerHost: null, path: null, value: null, currency: null, data: null,
    ...fields,
  };
}
