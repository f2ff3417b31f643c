// Sites that carry the tracker, each with the snippet to paste before </head>.
import { useState, type FormEvent } from 'react';
import type { Site } from '../api/types';
import { useResource } from '../hooks/use-resource';
import { useSubmit } from '../hooks/use-submit';
import { useCanEdit, useSession } from '../session/session-context';
import { CopyButton } from './copy-button';
import { EmptyState } from './empty-state';
import { Field } from './field';
import { FormError } from './form-error';
import { Panel } from './panel';
import { ResourceView } from './resource-view';

/** The tracker tag for a site, pointing at this server. */
export function trackerSnippet(origin: string, siteId: string): string {
  return `<script defer src="${origin}/lantern.js" data-site="${siteId}"></script>`;
}

function SiteRow({ site }: { site: Site }) {
  const snippet = trackerSnippet(window.location.origin, site.id);
  return (
    <li className="site-row">
      <div className="site-head">
        <strong>{site.name || site.domain}</strong>
        {site.name ? <span className="muted"> · {site.domain}</span> : null}
      </div>
      <div className="snippet">
        <code data-testid="site-snippet">{snippet}</code>
        <CopyButton text={snippet} what={`tracker snippet for ${site.domain}`} />
      </div>
    </li>
  );
}

export function SitesSection() {
  const { api } = useSession();
  const canEdit = useCanEdit();
  const sites = useResource('sites', (client, signal) => client.listSites(signal));
  const [domain, setDomain] = useState('');
  const [name, setName] = useState('');
  const { busy, error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await api.createSite({ domain: domain.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
      setDomain('');
      setName('');
      sites.reload();
    });
  }

  return (
    <Panel title="Sites" id="sites" hint="Paste the snippet into every page, just before </head>. It sets no cookies.">
      <ResourceView resource={sites} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="No sites yet." />}>
        {(data) => <ul className="site-list">{data.items.map((site) => <SiteRow key={site.id} site={site} />)}</ul>}
      </ResourceView>
      {canEdit ? (
        <form className="form form-inline" onSubmit={submit} aria-label="Add a site">
          <Field label="Domain" hint="localhost and 127.0.0.1 match any port.">
            <input type="text" required placeholder="shop.example.com" value={domain} onChange={(e) => setDomain(e.target.value)} />
          </Field>
          <Field label="Name (optional)"><input type="text" value={name} onChange={(e) => setName(e.target.value)} /></Field>
          <FormError error={error} />
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Adding…' : 'Add site'}</button>
        </form>
      ) : null}
    </Panel>
  );
}
