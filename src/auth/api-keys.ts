// API keys: random secrets shown once, stored as SHA-256 hashes with a short prefix kept for display.
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { newId, randomBase62 } from '../ids.js';
import type { MetaStore } from '../store/index.js';
import type { ApiKey } from '../store/types.js';

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** SHA-256 of a key (keys carry 190 random bits, so a fast hash is the right one: nothing to brute-force). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Checks scope names. @throws AppError validation_failed naming the unknown scope. */
export function parseScopes(scopes: readonly string[] | undefined): Scope[] {
  if (!scopes || scopes.length === 0) return [...SCOPES];
  for (const s of scopes) {
    if (!(SCOPES as readonly string[]).includes(s)) {
      throw new AppError('validation_failed', `unknown scope ${JSON.stringify(s)}; use ${SCOPES.join(', ')}`, { details: { scope: s } });
    }
  }
  return [...new Set(scopes)] as Scope[];
}

/** Creates a key; the plain key is returned once and never stored. */
export async function createApiKey(meta: MetaStore, workspaceId: string, name: string, scopes: readonly string[] | undefined, now: number): Promise<{ key: string; record: ApiKey }> {
  if (!name.trim() || name.length > 100) throw new AppError('validation_failed', 'name must be 1-100 characters', { details: { field: 'name' } });
  const key = `lk_${randomBase62(32)}`;
  const record: ApiKey = {
    id: newId('key'), workspaceId, name: name.trim(), prefix: key.slice(0, 8), hash: hashSecret(key), scopes: parseScopes(scopes),
    createdAt: now, lastUsedAt: null, revokedAt: null,
  };
  await meta.createApiKey(record);
  return { key, record };
}

/** The API view of a key: never the hash. */
export function apiKeyView(k: ApiKey) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return { id: k.id, name: k.name, prefix: k.prefix, scopes: k.scopes, createdAt: iso(k.createdAt), lastUsedAt: iso(k.lastUsedAt), revokedAt: iso(k.revokedAt) };
}
