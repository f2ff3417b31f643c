import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.js';
import { validateDestination } from './validate-destination.js';

// Tricky destinations, from open-redirect and XSS filter-evasion write-ups (OWASP cheat sheets) and URL-parser quirks.
const REFUSED: [string, string][] = [
  ['javascript:alert(1)', 'unsafe_url'],
  ['JavaScript:alert(1)', 'unsafe_url'],
  ['JAVASCRIPT:alert(document.cookie)', 'unsafe_url'],
  [' javascript:alert(1)', 'unsafe_url'],
  ['\tjavascript:alert(1)', 'unsafe_url'],
  ['java\tscript:alert(1)', 'unsafe_url'],
  ['java\nscript:alert(1)', 'unsafe_url'],
  ['java\rscript:alert(1)', 'unsafe_url'],
  ['\u0000javascript:alert(1)', 'unsafe_url'],
  ['javascript://example.com/%0Aalert(1)', 'unsafe_url'],
  ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'unsafe_url'],
  ['DATA:text/html,<script>alert(1)</script>', 'unsafe_url'],
  ['vbscript:msgbox(1)', 'unsafe_url'],
  ['file:///etc/passwd', 'unsafe_url'],
  ['ftp://example.com/file', 'unsafe_url'],
  ['blob:https://example.com/uuid', 'unsafe_url'],
  ['about:blank', 'unsafe_url'],
  ['chrome://settings', 'unsafe_url'],
  ['intent://scan/#Intent;scheme=zxing;end', 'unsafe_url'],
  ['mailto:someone@example.com', 'unsafe_url'],
  ['https://user:pass@example.com/', 'unsafe_url'],
  ['https://user@example.com/', 'unsafe_url'],
  ['https://example.com@evil.example/', 'unsafe_url'],
  ['https://exa mple.com/', 'unsafe_url'],
  ['https://example.com/\u0007bell', 'unsafe_url'],
  ['//example.com/path', 'invalid_url'],
  ['/relative/path', 'invalid_url'],
  ['example.com', 'invalid_url'],
  ['', 'invalid_url'],
  ['   ', 'invalid_url'],
  ['https://', 'invalid_url'],
  ['http://nodots/', 'invalid_url'],
  [`https://example.com/${'a'.repeat(2100)}`, 'invalid_url'],
  ['https://[::1', 'invalid_url'],
];

const ACCEPTED: [string, string][] = [
  ['https://example.com', 'https://example.com/'],
  ['http://example.com/a?b=1#c', 'http://example.com/a?b=1#c'],
  ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
  ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ['https://chat.whatsapp.com/AbCdEf123', 'https://chat.whatsapp.com/AbCdEf123'],
  ['https://example.com/search?q=a%20b&x=%2F', 'https://example.com/search?q=a%20b&x=%2F'],
  ['http://localhost:3000/x', 'http://localhost:3000/x'],
];

describe('validateDestination', () => {
  test.each(REFUSED)('refuses %j with %s', (input, code) => {
    let caught: unknown;
    try {
      validateDestination(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe(code);
    expect((caught as AppError).status).toBe(400);
  });

  test.each(ACCEPTED)('accepts %j as %j', (input, normalised) => {
    expect(validateDestination(input)).toBe(normalised);
  });

  test('refuses a non-string', () => {
    expect(() => validateDestination(42)).toThrow(AppError);
  });
});
