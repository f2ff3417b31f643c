// Members of a workspace: list, change roles, remove, and invite by a one-time link — never leaving it without an owner.
import { AppError, notFound } from '../errors.js';
import type { MetaStore } from '../store/index.js';
import type { Role } from '../store/types.js';
import { createSetupToken } from './accounts.js';

/** Only an owner may grant or take away ownership. @throws AppError forbidden. */
function checkOwnerOnly(actorRole: Role | null, role: Role, what: string): void {
  if (role === 'owner' && actorRole !== 'owner') throw new AppError('forbidden', `only an owner can ${what} an owner`);
}

async function ownerCount(meta: MetaStore, workspaceId: string): Promise<number> {
  return (await meta.listMembers(workspaceId)).filter((m) => m.role === 'owner').length;
}

/** A one-time link (valid 7 days) that lets its holder join the workspace with `role`. */
export async function inviteMember(meta: MetaStore, baseUrl: string, workspaceId: string, actorRole: Role | null, role: Role, now: number) {
  checkOwnerOnly(actorRole, role, 'invite');
  const token = await createSetupToken(meta, workspaceId, role, now);
  return { url: `${baseUrl}/app/setup?token=${token}`, role, expiresAt: new Date(now + 7 * 24 * 3600_000).toISOString() };
}

/** Changes a member's role. @throws AppError not_found, forbidden, conflict (the last owner). */
export async function setMemberRole(meta: MetaStore, workspaceId: string, actorRole: Role | null, userId: string, role: Role, now: number): Promise<void> {
  const member = (await meta.listMembers(workspaceId)).find((m) => m.userId === userId) ?? notFound('member', userId);
  checkOwnerOnly(actorRole, member.role === 'owner' ? 'owner' : role, 'change');
  if (member.role === 'owner' && role !== 'owner' && (await ownerCount(meta, workspaceId)) === 1) {
    throw new AppError('conflict', 'a workspace keeps at least one owner; make someone else owner first');
  }
  await meta.setMembership({ userId, workspaceId, role }, now);
}

/** Removes a member. @throws AppError not_found, forbidden, conflict (the last owner). */
export async function removeMember(meta: MetaStore, workspaceId: string, actorRole: Role | null, userId: string): Promise<void> {
  const member = (await meta.listMembers(workspaceId)).find((m) => m.userId === userId) ?? notFound('member', userId);
  checkOwnerOnly(actorRole, member.role, 'remove');
  if (member.role === 'owner' && (await ownerCount(meta, workspaceId)) === 1) throw new AppError('conflict', 'a workspace keeps at least one owner');
  await meta.deleteMembership(workspaceId, userId);
}
