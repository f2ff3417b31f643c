// AppError and the table from error code to HTTP status: the one way the server reports failure.

export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_url: 400,
  unsafe_url: 400,
  invalid_slug: 400,
  invalid_timezone: 400,
  invalid_range: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_api_key: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  origin_not_allowed: 403,
  not_found: 404,
  slug_taken: 409,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure with a stable code; the HTTP layer turns it into `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Throws not_found for a missing resource; another workspace's resource is missing too. */
export function notFound(what: string, id: string): never {
  throw new AppError('not_found', `${what} ${JSON.stringify(id)} not found`, { details: { id } });
}
