// The dashboard's sections; the current one is marked for screen readers too. Range and filters carry over.
import { useEffect, useRef } from 'react';
import { carriedQuery } from '../lib/url-query';
import { AppLink } from '../router/app-link';
import { appPath, useLocation } from '../router/history';

const SECTIONS = [
  { path: '/', label: 'Overview', carries: true },
  { path: '/links', label: 'Links', carries: true },
  { path: '/communities', label: 'Communities', carries: true },
  { path: '/cascades', label: 'Cascades', carries: false },
  { path: '/live', label: 'Live', carries: false },
  { path: '/settings', label: 'Settings', carries: false },
];

function isCurrent(section: string, path: string): boolean {
  return section === '/' ? path === '/' : path === section || path.startsWith(`${section}/`);
}

export function MainNav() {
  const { path, search } = useLocation();
  const query = carriedQuery(search, ['from', 'to']);
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    // On phones the sections scroll sideways: keep the current one in view.
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [path]);
  return (
    <nav className="main-nav" aria-label="Sections" ref={nav}>
      <ul>
        {SECTIONS.map((section) => {
          const current = isCurrent(section.path, path);
          return (
            <li key={section.path}>
              <AppLink
                href={appPath(section.path) + (section.carries ? query : '')}
                className="nav-link"
                aria-current={current ? 'page' : undefined}
              >
                {section.label}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
