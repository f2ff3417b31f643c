// Adds a community (a WhatsApp group, a Discord server, …) to the workspace.
import { useState, type FormEvent } from 'react';
import { useSubmit } from '../hooks/use-submit';
import { PLATFORM_IDS, platformName } from '../lib/labels';
import { useSession } from '../session/session-context';
import { Field } from './field';
import { FormError } from './form-error';

export function CommunityCreateForm({ onCreated }: { onCreated(): void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('whatsapp');
  const [region, setRegion] = useState('');
  const [members, setMembers] = useState('');
  const [inviteUrl, setInviteUrl] = useState('');
  const { busy, error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await api.createCommunity({
        name: name.trim(),
        platform,
        ...(region.trim() ? { region: region.trim() } : {}),
        ...(members ? { members: Number(members) } : {}),
        ...(inviteUrl.trim() ? { inviteUrl: inviteUrl.trim() } : {}),
      });
      setName('');
      setRegion('');
      setMembers('');
      setInviteUrl('');
      onCreated();
    });
  }

  return (
    <form className="form form-inline" onSubmit={submit} aria-label="New community">
      <Field label="Name"><input type="text" required value={name} onChange={(e) => setName(e.target.value)} /></Field>
      <Field label="Platform">
        <select value={platform} onChange={(e) => setPlatform(e.target.value)}>
          {PLATFORM_IDS.map((id) => <option key={id} value={id}>{platformName(id)}</option>)}
        </select>
      </Field>
      <Field label="Region (optional)"><input type="text" value={region} onChange={(e) => setRegion(e.target.value)} /></Field>
      <Field label="Members (optional)"><input type="number" min={0} value={members} onChange={(e) => setMembers(e.target.value)} /></Field>
      <Field label="Invite URL (optional)"><input type="url" value={inviteUrl} onChange={(e) => setInviteUrl(e.target.value)} /></Field>
      <FormError error={error} />
      <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Adding…' : 'Add community'}</button>
    </form>
  );
}
