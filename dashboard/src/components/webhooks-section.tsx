// Signed webhooks: where alerts and events are posted; Slack and Discord URLs get their own formats.
import { useState, type FormEvent } from 'react';
import type { Webhook } from '../api/types';
import { useResource } from '../hooks/use-resource';
import { useSubmit } from '../hooks/use-submit';
import { formatDateTime } from '../lib/format';
import { useCanAdmin, useSession } from '../session/session-context';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { Field } from './field';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

function WebhookList({ hooks, canEdit, onDelete }: { hooks: Webhook[]; canEdit: boolean; onDelete(hook: Webhook): void }) {
  return (
    <ul className="webhook-list">
      {hooks.map((hook) => (
        <li key={hook.id} className="webhook-row">
          <div>
            <code className="truncate">{hook.url}</code>
            <p className="muted small">
              {hook.events?.length ? hook.events.join(', ') : 'All events'}
              {hook.createdAt ? ` · added ${formatDateTime(hook.createdAt)}` : ''}
            </p>
          </div>
          {canEdit ? (
            <button type="button" className="button button-small button-danger" onClick={() => onDelete(hook)} aria-label={`Delete webhook ${hook.url}`}>Delete</button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function WebhooksSection() {
  const { api } = useSession();
  // Webhooks carry secrets and may target private addresses: the API keeps them to owners and admins.
  const canEdit = useCanAdmin();
  const hooks = useResource(canEdit ? 'webhooks' : null, (client, signal) => client.listWebhooks(signal));
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [events, setEvents] = useState('');
  const { busy, error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const list = events.split(/[\s,]+/).filter(Boolean);
      await api.createWebhook({ url: url.trim(), ...(secret ? { secret } : {}), ...(list.length ? { events: list } : {}) });
      setUrl('');
      setSecret('');
      setEvents('');
      hooks.reload();
    });
  }

  async function remove(hook: Webhook) {
    if (!window.confirm(`Delete the webhook to ${hook.url}?`)) return;
    await run(async () => {
      await api.deleteWebhook(hook.id);
      hooks.reload();
    }, { blocksForm: false });
  }

  if (!canEdit) {
    return (
      <Panel title="Webhooks" id="webhooks">
        <p className="muted">Only owners and admins of this workspace manage webhooks.</p>
      </Panel>
    );
  }

  return (
    <Panel title="Webhooks" id="webhooks" hint="Each delivery is signed: X-Lantern-Signature is sha256=HMAC of the body with the secret.">
      {error ? <ErrorMessage error={error} /> : null}
      <ResourceView resource={hooks} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="No webhooks yet." />}>
        {(data) => <WebhookList hooks={data.items} canEdit={canEdit} onDelete={(hook) => void remove(hook)} />}
      </ResourceView>
      {canEdit ? (
        <form className="form form-inline" onSubmit={submit} aria-label="Add a webhook">
          <Field label="URL"><input type="url" required placeholder="https://hooks.slack.com/services/…" value={url} onChange={(e) => setUrl(e.target.value)} /></Field>
          <Field label="Secret (optional)" hint="Left empty, Lantern generates one."><input type="text" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} /></Field>
          <Field label="Events (optional)" hint="Separated by commas; empty for all."><input type="text" value={events} onChange={(e) => setEvents(e.target.value)} /></Field>
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Adding…' : 'Add webhook'}</button>
        </form>
      ) : null}
    </Panel>
  );
}
