// An <a> that navigates inside the app without a page load, and stays a real link for new tabs and keyboards.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history';

interface AppLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  /** Full in-app URL, e.g. `/app/links/abc?from=…`. */
  href: string;
}

export function AppLink({ href, onClick, ...rest }: AppLinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || rest.target === '_blank') return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
