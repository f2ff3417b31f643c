// Shown when the session could not even be checked: the server is down or unreachable.
import { useSession } from '../session/session-context';
import { AuthLayout } from './auth-layout';

export function UnreachablePage() {
  const { loadError, retry } = useSession();
  return (
    <AuthLayout title="Lantern is not answering" intro={loadError ?? 'The server could not be reached.'}>
      <button type="button" className="button button-primary button-wide" onClick={retry}>Try again</button>
    </AuthLayout>
  );
}
