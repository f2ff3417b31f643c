// Sign in with email and password; on success the session gate takes the person where they were going.
import { useState, type FormEvent } from 'react';
import { Field } from '../components/field';
import { FormError } from '../components/form-error';
import { useSubmit } from '../hooks/use-submit';
import { navigate } from '../router/history';
import { useSession } from '../session/session-context';
import { AuthLayout } from './auth-layout';

export function LoginPage({ next }: { next: string }) {
  const { api, acceptSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const session = await api.login(email.trim(), password);
      acceptSession(session);
      navigate(next, { replace: true });
    }, { leavesForm: true });
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
        <FormError error={error} />
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
