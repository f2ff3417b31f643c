// An API or network error in words, with a retry when one makes sense.
import { describeError } from '../api/api-error';

export function ErrorMessage({ error, onRetry, title = 'That did not work' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="error-message" role="alert">
      <p><strong>{title}.</strong> {describeError(error)}</p>
      {onRetry ? <button type="button" className="button button-small" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}
