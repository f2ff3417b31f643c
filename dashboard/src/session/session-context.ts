// The signed-in person, their workspaces and the API client, shared with every page.
import { createContext, useContext } from 'react';
import type { LanternApi } from '../api/lantern-api';
import type { Role, SessionBody, User, WorkspaceMembership } from '../api/types';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'unreachable';

export interface Session {
  api: LanternApi;
  status: SessionStatus;
  /** Why the session could not be loaded, when status is `unreachable`. */
  loadError: string | null;
  user: User | null;
  workspaces: WorkspaceMembership[];
  /** The selected workspace; every API call names it. */
  workspace: WorkspaceMembership | null;
  selectWorkspace(id: string): void;
  /** Takes the body of login or setup as the new session. */
  acceptSession(body: SessionBody): void;
  signOut(): Promise<void>;
  retry(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

/** Viewers read; every other role may create and edit (the API enforces the same rule). */
export function canEdit(role: Role | undefined): boolean {
  return role !== undefined && role !== 'viewer';
}

/** Owners and admins manage keys and webhooks. */
export function canAdmin(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

export function useCanAdmin(): boolean {
  return canAdmin(useSession().workspace?.role);
}

export function useCanEdit(): boolean {
  return canEdit(useSession().workspace?.role);
}
