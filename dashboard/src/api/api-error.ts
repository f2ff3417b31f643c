// The error every API call rejects with: the server's code and message, or a network failure in words.

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's snake_case code (`invalid_credentials`, `forbidden`, …), `network_error` or `bad_response`. */
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Words for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'forbidden') return `${error.message} Your role in this workspace does not allow it.`.trim();
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
