// Which destinations a link may send people to: absolute http(s) URLs only, never script or local schemes.
import { AppError } from '../errors.js';

export const MAX_URL_LENGTH = 2048;

/**
 * Checks a destination and returns its normalised form (WHATWG URL serialisation).
 * @throws AppError `invalid_url` (not an absolute URL, too long) or `unsafe_url` (scheme, credentials, control characters).
 */
export function validateDestination(input: unknown, field = 'url'): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new AppError('invalid_url', `${field} must be an absolute http(s) URL`, { details: { field } });
  }
  if (input.length > MAX_URL_LENGTH) {
    throw new AppError('invalid_url', `${field} is ${input.length} characters long; the limit is ${MAX_URL_LENGTH}`, { details: { field, length: input.length } });
  }
  // Browsers strip tabs/newlines and leading control characters before parsing ("java\tscript:"); refuse them outright.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(input.trim()) || /^[\u0000-\u0020]/.test(input)) {
    throw new AppError('unsafe_url', `${field} contains whitespace or control characters`, { details: { field } });
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('invalid_url', `${field} ${JSON.stringify(input.slice(0, 100))} is not an absolute URL`, { details: { field } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('unsafe_url', `${field} uses ${JSON.stringify(url.protocol)}; only http: and https: are allowed`, { details: { field, scheme: url.protocol } });
  }
  if (url.username !== '' || url.password !== '') {
    throw new AppError('unsafe_url', `${field} must not carry credentials`, { details: { field } });
  }
  if (url.hostname === '' || (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('['))) {
    throw new AppError('invalid_url', `${field} has no usable host`, { details: { field, host: url.hostname } });
  }
  if (url.href.length > MAX_URL_LENGTH) {
    throw new AppError('invalid_url', `${field} is over ${MAX_URL_LENGTH} characters once normalised`, { details: { field } });
  }
  return url.href;
}
