// A community's member count over time: a point is added whenever the count given for it changes.
import type { MetaStore } from '../store/index.js';
import type { MemberCount } from './types.js';

/** Points kept in one answer of the history. */
export const MAX_MEMBER_POINTS = 1000;

/** Appends `members` at `now` (ms) unless it equals the latest point. */
export async function recordMemberCount(meta: MetaStore, communityId: string, members: number, now: number): Promise<void> {
  const [last] = (await meta.commerce.listCommunityMembers(communityId, 1)).slice(-1);
  if (last?.members !== members) await meta.commerce.addCommunityMembers(communityId, now, members);
}

/** The history, oldest first, as the API shows it. */
export async function getMemberHistory(meta: MetaStore, communityId: string): Promise<{ t: string; members: number }[]> {
  return (await meta.commerce.listCommunityMembers(communityId, MAX_MEMBER_POINTS)).map((p: MemberCount) => ({ t: new Date(p.ts).toISOString(), members: p.members }));
}
