// The dashboard: session gate (setup, sign-in) around the signed-in pages, picked by path.
import { useEffect, type ReactNode } from 'react';
import { AppShell } from './components/app-shell';
import { LoadingState } from './components/loading-state';
import { CascadesPage } from './pages/cascades-page';
import { CommunitiesPage } from './pages/communities-page';
import { LinkCreatePage } from './pages/link-create-page';
import { LinkDetailPage } from './pages/link-detail-page';
import { LinksPage } from './pages/links-page';
import { LivePage } from './pages/live-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import { SettingsPage } from './pages/settings-page';
import { SetupPage } from './pages/setup-page';
import { UnreachablePage } from './pages/unreachable-page';
import { appPath, navigate, useLocation } from './router/history';
import { matchRoute } from './router/match-route';
import { SessionProvider } from './session/session-provider';
import { useSession } from './session/session-context';

export function App() {
  return (
    <SessionProvider>
      <SessionGate />
    </SessionProvider>
  );
}

function currentUrl(): string {
  return window.location.pathname + window.location.search;
}

/** A safe in-app `next` target: only `/app/…` paths, never another origin. */
function nextTarget(search: URLSearchParams): string {
  const next = search.get('next');
  return next && next.startsWith('/app/') && !next.startsWith('/app/login') ? next : appPath('/');
}

function SessionGate() {
  const { status, workspace, workspaces } = useSession();
  const { path, search } = useLocation();

  useEffect(() => {
    if (status === 'signed-out' && path !== '/login' && path !== '/setup') {
      navigate(`${appPath('/login')}?next=${encodeURIComponent(currentUrl())}`, { replace: true });
    }
    if (status === 'signed-in' && path === '/login') navigate(nextTarget(search), { replace: true });
  }, [status, path, search]);

  if (path === '/setup') return <SetupPage />;
  if (status === 'loading') return <div className="center-page"><LoadingState label="Opening Lantern…" /></div>;
  if (status === 'unreachable') return <UnreachablePage />;
  if (status === 'signed-out' || path === '/login') return <LoginPage next={nextTarget(search)} />;
  if (workspaces.length === 0 || !workspace) {
    return (
      <AppShell>
        <div className="notice">You are signed in but belong to no workspace yet. Ask an owner to add you.</div>
      </AppShell>
    );
  }
  return <AppShell>{routePage(path)}</AppShell>;
}

function routePage(path: string): ReactNode {
  if (path === '/') return <OverviewPage />;
  if (path === '/links') return <LinksPage />;
  if (path === '/links/new') return <LinkCreatePage />;
  const link = matchRoute('/links/:id', path);
  if (link) return <LinkDetailPage key={link.id} id={link.id} />;
  if (path === '/communities') return <CommunitiesPage />;
  if (path === '/cascades') return <CascadesPage />;
  if (path === '/live') return <LivePage />;
  if (path === '/settings') return <SettingsPage />;
  return <NotFoundPage />;
}
