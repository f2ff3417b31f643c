// Workspaces: the default one created at first start, and lookup by slug for CLI commands.
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import type { Workspace } from '../store/types.js';

export const DEFAULT_WORKSPACE = 'default';

/** The workspace with this slug; `default` is created on first use, others must exist. @throws AppError not_found. */
export async function getOrCreateWorkspace(meta: MetaStore, slug: string, now: number): Promise<Workspace> {
  const found = await meta.getWorkspaceBySlug(slug);
  if (found) return found;
  if (slug !== DEFAULT_WORKSPACE) {
    throw new AppError('not_found', `workspace ${JSON.stringify(slug)} does not exist`, { details: { workspace: slug } });
  }
  try {
    return await meta.createWorkspace({ id: newId('ws'), slug, name: 'Default', createdAt: now });
  } catch (err) {
    // Two nodes starting together on one database: the other created it first.
    const created = err instanceof AppError && err.code === 'conflict' ? await meta.getWorkspaceBySlug(slug) : null;
    if (created) return created;
    throw err;
  }
}

/** Creates a workspace with a slug of lower-case letters, digits and dashes. @throws AppError validation_failed / conflict. */
export async function createWorkspace(meta: MetaStore, slug: string, name: string, now: number): Promise<Workspace> {
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(slug)) {
    throw new AppError('validation_failed', `workspace slug ${JSON.stringify(slug)} must be 1-40 lower-case letters, digits or dashes`, { details: { slug } });
  }
  return meta.createWorkspace({ id: newId('ws'), slug, name, createdAt: now });
}
