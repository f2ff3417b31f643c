// Webhook signatures (HMAC-SHA256 of the raw body) and the sealing of signing secrets at rest (AES-256-GCM).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from '../ids.js';

const SEAL_PREFIX = 'v1.';

/** `sha256=<hex HMAC-SHA256 of body with secret>`, the value of `X-Lantern-Signature`. */
export function signPayload(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of a received `X-Lantern-Signature` (what receivers do; used by the tests). */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  const expected = Buffer.from(signPayload(body, secret));
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A new webhook secret: `whsec_` and 32 base62 characters (190 bits). */
export function newWebhookSecret(): string {
  return `whsec_${randomBase62(32)}`;
}

function sealKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'lantern', 'webhook signing secrets v1', 32));
}

/**
 * Encrypts a webhook secret with a key derived from the server secret (LANTERN_SECRET), so a copy of the
 * database alone does not let anyone forge signatures. Returns `v1.<base64url(iv | tag | ciphertext)>`.
 */
export function sealSecret(plain: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(serverSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SEAL_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** Decrypts {@link sealSecret}'s output. @throws Error when the server secret changed or the value was altered. */
export function openSecret(sealed: string, serverSecret: string): string {
  if (!sealed.startsWith(SEAL_PREFIX)) throw new Error('unknown webhook secret format');
  const raw = Buffer.from(sealed.slice(SEAL_PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(serverSecret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new Error('cannot open the webhook secret: LANTERN_SECRET changed since the webhook was created; set a new secret on it', { cause: err });
  }
}
