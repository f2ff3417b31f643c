// Communities, ambassadors and campaigns by id, to show names where the API gives ids.
import type { Ambassador, Campaign, Community } from '../api/types';
import { useResource } from './use-resource';

export interface Directory {
  communities: Community[];
  ambassadors: Ambassador[];
  campaigns: Campaign[];
  nameOf(kind: 'community' | 'ambassador' | 'campaign', id: string | null | undefined): string | null;
  loaded: boolean;
}

async function optional<T>(load: Promise<{ items: T[] }>): Promise<T[]> {
  try {
    return (await load).items;
  } catch {
    // A list the role may not read, or an endpoint not there yet, leaves ids shown as they are.
    return [];
  }
}

export function useDirectory(): Directory {
  const lists = useResource('directory', async (api, signal) => {
    const [communities, ambassadors, campaigns] = await Promise.all([
      optional(api.listCommunities(signal)),
      optional(api.listAmbassadors(signal)),
      optional(api.listCampaigns(signal)),
    ]);
    return { communities, ambassadors, campaigns };
  });
  const data = lists.data ?? { communities: [], ambassadors: [], campaigns: [] };
  return {
    ...data,
    loaded: lists.data !== undefined,
    nameOf(kind, id) {
      if (!id) return null;
      const list = kind === 'community' ? data.communities : kind === 'ambassador' ? data.ambassadors : data.campaigns;
      return list.find((item) => item.id === id)?.name ?? id;
    },
  };
}
