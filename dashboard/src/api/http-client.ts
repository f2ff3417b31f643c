// fetch wrapper for /api: JSON in and out, session cookie, CSRF and workspace headers, errors as ApiError.
import { ApiError } from './api-error';
import type { ApiErrorBody } from './types';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiCredentials {
  workspaceId: string | null;
  csrfToken: string | null;
}

const STATE_CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Appends the defined query values to a path: `/api/links?cursor=…`. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return `The server had a problem (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}

export class HttpClient {
  constructor(
    private readonly credentials: () => ApiCredentials,
    /** Called when a non-auth request answers 401: the session ended. */
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  /**
   * Sends one request to the API and parses its JSON answer.
   * @throws ApiError with the server's code and message, `network_error` or `bad_response`.
   */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { workspaceId, csrfToken } = this.credentials();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (workspaceId) headers['X-Lantern-Workspace'] = workspaceId;
    if (STATE_CHANGING.has(method) && csrfToken) headers['X-Lantern-CSRF'] = csrfToken;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(withQuery(path, options.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, 'network_error', 'Could not reach the Lantern server. Check your connection and try again.');
    }

    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) throw new ApiError(response.status, 'bad_response', 'The server sent an answer the dashboard could not read.');
      }
    }
    if (!response.ok) {
      if (response.status === 401 && !path.startsWith('/api/auth/')) this.onUnauthorized();
      if (isErrorBody(body)) {
        throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
      }
      throw new ApiError(response.status, `http_${response.status}`, fallbackMessage(response.status));
    }
    return body as T;
  }
}
