// A compact labelled control for toolbars (range bar, pickers): label above, control below, tied by id.
import { cloneElement, useId, type ReactElement } from 'react';

export function InlineField({ label, children, className }: { label: string; children: ReactElement<{ id?: string }>; className?: string }) {
  const id = useId();
  return (
    <div className={`inline-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
