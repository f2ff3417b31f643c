// First start: create the first owner with the one-time token from the setup URL printed by the server.
import { useState, type FormEvent } from 'react';
import { Field } from '../components/field';
import { FormError } from '../components/form-error';
import { useSubmit } from '../hooks/use-submit';
import { appPath, navigate, useLocation } from '../router/history';
import { useSession } from '../session/session-context';
import { AuthLayout } from './auth-layout';

const MIN_PASSWORD = 8;

export function SetupPage() {
  const { api, acceptSession } = useSession();
  const { search } = useLocation();
  const [token, setToken] = useState(search.get('token') ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) return setError(`Choose a password of at least ${MIN_PASSWORD} characters.`);
    if (password !== confirm) return setError('The two passwords differ.');
    await run(async () => {
      acceptSession(await api.setup(token.trim(), email.trim(), password));
      navigate(appPath('/'), { replace: true });
    }, { leavesForm: true });
  }

  return (
    <AuthLayout title="Set up Lantern" intro="Create the first owner account. You can invite others afterwards.">
      <form className="form" onSubmit={submit}>
        {search.get('token') ? null : (
          <Field label="Setup token" hint="Printed by the server at first start, in the setup URL.">
            <input type="text" required autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </Field>
        )}
        <Field label="Email">
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" hint={`At least ${MIN_PASSWORD} characters.`}>
          <input type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Field label="Password again">
          <input type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </Field>
        <FormError error={error} />
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? 'Creating…' : 'Create owner and sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
