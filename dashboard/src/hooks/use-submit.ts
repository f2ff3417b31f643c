// A form's submit state: busy while its request runs, and what the last try failed with.
import { useState } from 'react';

export interface SubmitOptions {
  /** The action leaves the form on success (signs in, navigates): stay busy, so the button cannot be pressed again meanwhile. */
  leavesForm?: boolean;
  /** False for side actions (delete, revoke) that report into the same error but leave the form usable. */
  blocksForm?: boolean;
}

export interface Submit {
  busy: boolean;
  /** What the last try threw, or a problem set with `setError`; null when there is none. */
  error: unknown;
  setError(error: unknown): void;
  /** Clears the error, runs `action` (busy meanwhile) and keeps what it throws in `error`; never rejects. */
  run(action: () => Promise<void>, options?: SubmitOptions): Promise<void>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>, { leavesForm = false, blocksForm = true }: SubmitOptions = {}) {
    if (blocksForm) setBusy(true);
    setError(null);
    try {
      await action();
      if (blocksForm && !leavesForm) setBusy(false);
    } catch (cause) {
      setError(cause);
      if (blocksForm) setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
