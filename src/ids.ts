// Random identifiers: resource ids, slugs and secrets, in base62 from the platform's CSPRNG.
import { randomBytes, randomFillSync } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Returns `length` unbiased base62 characters (rejection sampling over random bytes). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A resource id such as `lnk_3fK9aQ2mXb7Z`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(14)}`;
}

const POOL_BYTES = 64 * 1024;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

/**
 * 12 base64url characters (72 random bits) cut from a pooled CSPRNG buffer: one system call per ~7,000 tokens,
 * which keeps per-request ids off the redirect's cost (see MEASUREMENTS.md).
 */
export function pooledToken(): string {
  if (poolOffset + 9 > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + 9);
  poolOffset += 9;
  return token;
}
