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

/** A server message as a sentence: capital first letter, closing full stop. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalised = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Words for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const message = asSentence(error.message);
    if (error.code === 'forbidden') return `${message} Your role in this workspace does not allow it.`;
    return message;
  }
  if (error instanceof Error) return asSentence(error.message);
  return 'Something went wrong.';
}
