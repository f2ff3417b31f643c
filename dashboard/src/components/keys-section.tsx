// API keys for scripts and integrations: list, create (shown once), revoke.
import { useState, type FormEvent } from 'react';
import type { ApiKey, CreatedApiKey } from '../api/types';
import { useResource } from '../hooks/use-resource';
import { useSubmit } from '../hooks/use-submit';
import { formatDateTime } from '../lib/format';
import { useCanAdmin, useSession } from '../session/session-context';
import { DataTable, type Column } from './data-table';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { Field } from './field';
import { NewKeyNotice } from './new-key-notice';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

const SCOPES = ['read', 'write', 'admin'] as const;
type Scope = (typeof SCOPES)[number];
const SCOPE_LABELS: Record<Scope, string> = { read: 'Read stats and links', write: 'Create links, record conversions', admin: 'Manage keys and settings' };

const KEY_COLUMNS: Column[] = [
  { label: 'Name' },
  { label: 'Key' },
  { label: 'Scopes' },
  { label: 'Created' },
  { label: 'Last used' },
  { label: <span className="visually-hidden">Actions</span> },
];

function KeysTable({ keys, canEdit, onRevoke }: { keys: ApiKey[]; canEdit: boolean; onRevoke(key: ApiKey): void }) {
  return (
    <DataTable caption="API keys" columns={KEY_COLUMNS}>
      {keys.map((key) => (
        <tr key={key.id} className={key.revokedAt ? 'is-disabled' : undefined}>
          <th scope="row">{key.name}</th>
          <td><code>{key.prefix}…</code></td>
          <td>{key.scopes.length ? key.scopes.join(', ') : <span className="muted">none</span>}</td>
          <td>{formatDateTime(key.createdAt)}</td>
          <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="muted">never</span>}</td>
          <td>
            {key.revokedAt ? (
              <span className="badge badge-muted">Revoked</span>
            ) : canEdit ? (
              <button type="button" className="button button-small button-danger" onClick={() => onRevoke(key)} aria-label={`Revoke key ${key.name}`}>Revoke</button>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function KeysSection() {
  const { api } = useSession();
  const canEdit = useCanAdmin();
  const keys = useResource(canEdit ? 'keys' : null, (client, signal) => client.listKeys(signal));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<Scope>>(() => new Set<Scope>(['read', 'write']));
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { busy, error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      setCreated(await api.createKey({ name: name.trim(), scopes: SCOPES.filter((s) => scopes.has(s)) }));
      setName('');
      keys.reload();
    });
  }

  async function revoke(key: ApiKey) {
    if (!window.confirm(`Revoke the key “${key.name}”? Anything using it stops working at once.`)) return;
    await run(async () => {
      await api.revokeKey(key.id);
      keys.reload();
    }, { blocksForm: false });
  }

  function toggle(scope: Scope, on: boolean) {
    setScopes((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  if (!canEdit) {
    return (
      <Panel title="API keys" id="keys">
        <p className="muted">Only owners and admins of this workspace manage API keys.</p>
      </Panel>
    );
  }

  return (
    <Panel title="API keys" id="keys" hint="For scripts, the CLI and your shop's server (conversions).">
      {created ? <NewKeyNotice created={created} onDone={() => setCreated(null)} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <ResourceView resource={keys} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="No API keys yet." />}>
        {(data) => <KeysTable keys={data.items} canEdit={canEdit} onRevoke={(key) => void revoke(key)} />}
      </ResourceView>
      {canEdit ? (
        <form className="form form-inline" onSubmit={submit} aria-label="Create an API key">
          <Field label="Name"><input type="text" required placeholder="Shop server" value={name} onChange={(e) => setName(e.target.value)} /></Field>
          <fieldset className="scope-set">
            <legend>Permissions</legend>
            {SCOPES.map((scope) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" checked={scopes.has(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                <span>{SCOPE_LABELS[scope]}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Creating…' : 'Create key'}</button>
        </form>
      ) : null}
    </Panel>
  );
}

