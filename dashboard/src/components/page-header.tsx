// A page's title (focused on navigation, so screen readers announce the new page) and its actions.
import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only move focus after an in-app navigation, not on the first load of the page.
    if (document.activeElement && document.activeElement !== document.body) heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1 ref={heading} tabIndex={-1}>{title}</h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
