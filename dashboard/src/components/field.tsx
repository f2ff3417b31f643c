// A labelled form control with an optional hint, wired for screen readers.
import { useId, type ReactElement, cloneElement } from 'react';

interface FieldProps {
  label: string;
  hint?: string;
  /** One input, select or textarea; it gets the id and aria-describedby. */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string }>;
  className?: string;
}

export function Field({ label, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': hint ? hintId : undefined })}
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
    </div>
  );
}
