// A titled card that groups one chart, table or form.
import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  /** Small text under the title. */
  hint?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}

export function Panel({ title, hint, actions, children, className, id }: PanelProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={`panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId} id={id}>
      <header className="panel-header">
        <div>
          <h2 className="panel-title" id={headingId}>{title}</h2>
          {hint ? <p className="panel-hint">{hint}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
