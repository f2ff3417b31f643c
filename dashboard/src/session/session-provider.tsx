// Loads the session from /api/auth/me, keeps the CSRF token and selected workspace, and signs out on 401.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { HttpClient } from '../api/http-client';
import { LanternApi } from '../api/lantern-api';
import type { SessionBody } from '../api/types';
import { SessionContext, type Session, type SessionStatus } from './session-context';

const WORKSPACE_KEY = 'lantern.workspace';

function readStoredWorkspace(): string | null {
  try {
    return window.localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

function storeWorkspace(id: string): void {
  try {
    window.localStorage.setItem(WORKSPACE_KEY, id);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
}

function pickWorkspace(body: SessionBody): string | null {
  const stored = readStoredWorkspace();
  if (stored && body.workspaces.some((w) => w.id === stored)) return stored;
  return body.workspaces[0]?.id ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [body, setBody] = useState<SessionBody | null>(null);
  const [workspaceId, setWorkspaceId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // The client reads credentials at call time, so one instance serves the whole session.
  const credentials = useRef({ workspaceId: null as string | null, csrfToken: null as string | null });
  credentials.current = { workspaceId, csrfToken: body?.csrfToken ?? null };

  const api = useMemo(
    () =>
      new LanternApi(
        new HttpClient(
          () => credentials.current,
          () => {
            setBody(null);
            setStatus('signed-out');
          },
        ),
      ),
    [],
  );

  const acceptSession = useCallback((next: SessionBody) => {
    const id = pickWorkspace(next);
    credentials.current = { workspaceId: id, csrfToken: next.csrfToken };
    setBody(next);
    setWorkspaceId(id);
    setStatus('signed-in');
    setLoadError(null);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api
      .getMe(controller.signal)
      .then(acceptSession)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setStatus('signed-out');
        } else {
          setLoadError(describeError(error));
          setStatus('unreachable');
        }
      });
    return () => controller.abort();
  }, [api, acceptSession, attempt]);

  const selectWorkspace = useCallback((id: string) => {
    storeWorkspace(id);
    credentials.current = { ...credentials.current, workspaceId: id };
    setWorkspaceId(id);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setBody(null);
      setWorkspaceId(null);
      setStatus('signed-out');
    }
  }, [api]);

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<Session>(() => {
    const workspaces = body?.workspaces ?? [];
    return {
      api,
      status,
      loadError,
      user: body?.user ?? null,
      workspaces,
      workspace: workspaces.find((w) => w.id === workspaceId) ?? null,
      selectWorkspace,
      acceptSession,
      signOut,
      retry,
    };
  }, [api, status, loadError, body, workspaceId, selectWorkspace, acceptSession, signOut, retry]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
