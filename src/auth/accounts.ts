// People's accounts: argon2id password hashes, memberships with roles, sessions and one-time setup links.
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import type { Role, Session, User, Workspace } from '../store/types.js';
import { hashSecret } from './api-keys.js';

export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer'];
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
const SETUP_TTL_MS = 7 * 24 * 3600_000;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @throws AppError validation_failed for a malformed email or a password under 10 characters. */
function checkCredentials(email: string, password: string): void {
  if (!EMAIL_RE.test(email) || email.length > 254) throw new AppError('validation_failed', `email ${JSON.stringify(email)} is not an email address`, { details: { field: 'email' } });
  if (password.length < 10 || password.length > 1000) throw new AppError('validation_failed', 'password must be at least 10 characters', { details: { field: 'password' } });
}

/** Creates a user (or finds the existing one with that email and checks nothing else) and gives it `role` in the workspace. */
export async function createUser(meta: MetaStore, email: string, password: string, role: Role, workspace: Workspace, now: number): Promise<User> {
  const normalised = email.trim().toLowerCase();
  checkCredentials(normalised, password);
  if (!ROLES.includes(role)) throw new AppError('validation_failed', `role must be one of ${ROLES.join(', ')}`, { details: { field: 'role' } });
  const user = await meta.createUser({ id: newId('usr'), email: normalised, passwordHash: await argonHash(password), createdAt: now });
  await meta.setMembership({ userId: user.id, workspaceId: workspace.id, role }, now);
  return user;
}

let dummyHash: Promise<string> | null = null;

/** The user behind an email and password, or null; takes the same time whether or not the email exists. */
export async function verifyPassword(meta: MetaStore, email: string, password: string): Promise<User | null> {
  const user = await meta.getUserByEmail(email.trim().toLowerCase());
  // An unknown email still pays for one real verification, so timing does not tell which emails exist.
  const hash = user?.passwordHash ?? (await (dummyHash ??= argonHash(randomBytes(16).toString('hex'))));
  const ok = await argonVerify(hash, password).catch(() => false);
  return user && ok ? user : null;
}

/** Starts a session; returns the cookie value (kept hashed in the store) and its CSRF token. */
export async function startSession(meta: MetaStore, userId: string, now: number): Promise<{ cookie: string; session: Session }> {
  const cookie = randomBytes(32).toString('base64url');
  const session: Session = { idHash: hashSecret(cookie), userId, csrf: randomBytes(24).toString('base64url'), createdAt: now, expiresAt: now + SESSION_TTL_MS };
  await meta.createSession(session);
  return { cookie, session };
}

/** A one-time link token that lets its holder create an account with `role` in the workspace. */
export async function createSetupToken(meta: MetaStore, workspaceId: string, role: Role, now: number): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await meta.createSetupToken(hashSecret(token), workspaceId, role, now + SETUP_TTL_MS);
  return token;
}
