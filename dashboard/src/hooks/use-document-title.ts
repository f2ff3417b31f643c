// Keeps the tab title in step with the page, so history and screen readers name it.
import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Lantern` : 'Lantern';
  }, [title]);
}
