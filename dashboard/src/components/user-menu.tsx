// Who is signed in, their role here, and the sign-out button.
import { useState } from 'react';
import { useSession } from '../session/session-context';

export function UserMenu() {
  const { user, workspace, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  return (
    <div className="user-menu">
      <span className="user-email" title={user.email}>{user.email}</span>
      {workspace ? <span className={`role-badge role-${workspace.role}`}>{workspace.role}</span> : null}
      <button
        type="button"
        className="button button-ghost button-small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
      >
        Sign out
      </button>
    </div>
  );
}
