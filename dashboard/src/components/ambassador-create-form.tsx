// Adds an ambassador, optionally tied to a community.
import { useState, type FormEvent } from 'react';
import type { Community } from '../api/types';
import { useSubmit } from '../hooks/use-submit';
import { useSession } from '../session/session-context';
import { Field } from './field';
import { FormError } from './form-error';

export function AmbassadorCreateForm({ communities, onCreated }: { communities: Community[]; onCreated(): void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [community, setCommunity] = useState('');
  const [contact, setContact] = useState('');
  const { busy, error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await api.createAmbassador({
        name: name.trim(),
        ...(community ? { community } : {}),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
      });
      setName('');
      setContact('');
      onCreated();
    });
  }

  return (
    <form className="form form-inline" onSubmit={submit} aria-label="New ambassador">
      <Field label="Name"><input type="text" required value={name} onChange={(e) => setName(e.target.value)} /></Field>
      <Field label="Community">
        <select value={community} onChange={(e) => setCommunity(e.target.value)}>
          <option value="">None</option>
          {communities.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </Field>
      <Field label="Contact (optional)" hint="How your team reaches them; never shown in reports.">
        <input type="text" value={contact} onChange={(e) => setContact(e.target.value)} />
      </Field>
      <FormError error={error} />
      <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Adding…' : 'Add ambassador'}</button>
    </form>
  );
}
