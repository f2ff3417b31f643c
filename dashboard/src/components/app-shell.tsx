// The signed-in layout: header with brand, workspace and user; section navigation; the page.
import type { ReactNode } from 'react';
import { AppLink } from '../router/app-link';
import { appPath } from '../router/history';
import { BrandMark } from './brand-mark';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';
import { WorkspaceSelect } from './workspace-select';

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <AppLink href={appPath('/')} className="brand" aria-label="Lantern overview">
          <BrandMark />
          <span className="brand-name">Lantern</span>
        </AppLink>
        <WorkspaceSelect />
        <UserMenu />
      </header>
      <MainNav />
      <main id="main" className="app-main">{children}</main>
    </div>
  );
}
