// Sign in with email and password; on success the session gate takes the person where they were going.
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import { Field } from '../components/field';
import { navigate } from '../router/history';
import { useSession } from '../session/session-context';
import { AuthLayout } from './auth-layout';

export function LoginPage({ next }: { next: string }) {
  const { api, acceptSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.login(email.trim(), password);
      acceptSession(session);
      navigate(next, { replace: true });
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Sign in" intro="Welcome back. Sign in to see how your links travel.">
      <form className="form" onSubmit={submit} noValidate={false}>
        <Field label="Email">
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password">
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
