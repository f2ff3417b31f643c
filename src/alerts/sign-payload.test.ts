import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, openSecret, sealSecret, signPayload, verifySignature } from './sign-payload.js';

describe('webhook signatures', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const body = '{"event":"test"}';
    expect(signPayload(body, 'topsecret-topsecret')).toBe(`sha256=${createHmac('sha256', 'topsecret-topsecret').update(body).digest('hex')}`);
    expect(verifySignature(body, 'topsecret-topsecret', signPayload(body, 'topsecret-topsecret'))).toBe(true);
    expect(verifySignature(`${body} `, 'topsecret-topsecret', signPayload(body, 'topsecret-topsecret'))).toBe(false);
    expect(verifySignature(body, 'topsecret-topsecret', undefined)).toBe(false);
  });

  it('secrets are sealed at rest and only the same server secret opens them', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    const sealed = sealSecret(secret, 'server-secret-1234567890');
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret, 'server-secret-1234567890')).not.toBe(sealed); // fresh IV each time
    expect(openSecret(sealed, 'server-secret-1234567890')).toBe(secret);
    expect(() => openSecret(sealed, 'another-server-secret-123')).toThrow(/LANTERN_SECRET changed/);
  });
});
