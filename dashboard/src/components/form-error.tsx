// A form's problem in one sentence under its fields: a validation message as written, anything thrown in words.
import { describeError } from '../api/api-error';

export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : describeError(error);
  return message ? <p className="form-error" role="alert">{message}</p> : null;
}
