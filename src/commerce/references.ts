// Input checks shared by the commerce services: references to the workspace's resources, and ISO instants.
import { AppError } from '../errors.js';
import type { MetaStore } from '../store/index.js';

/** Fields that name another resource of the workspace by id. */
export interface References { community?: string | null; ambassador?: string | null; campaign?: string | null; link?: string | null }

/**
 * Checks that every given id exists in the workspace (null and undefined are skipped).
 * @throws AppError unprocessable (422) naming the field and id.
 */
export async function checkReferences(meta: MetaStore, workspaceId: string, refs: References): Promise<void> {
  const tables = { community: meta.communities, ambassador: meta.ambassadors, campaign: meta.campaigns, link: meta.links } as const;
  for (const field of Object.keys(tables) as (keyof References)[]) {
    const id = refs[field];
    if (typeof id === 'string' && !(await tables[field].exists(workspaceId, id))) {
      throw new AppError('unprocessable', `${field} ${JSON.stringify(id)} does not exist in this workspace`, { details: { field, id } });
    }
  }
}

/**
 * An ISO date or time as ms since the epoch; null stays null.
 * @throws AppError validation_failed naming the field and value.
 */
export function parseInstant(field: string, value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('validation_failed', `${field} ${JSON.stringify(value)} is not an ISO date`, { details: { field } });
  return ms;
}
