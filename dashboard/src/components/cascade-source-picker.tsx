// Chooses whose share trees to draw: one link, or one site's pages.
import type { Link, Site } from '../api/types';
import { updateQuery } from '../lib/url-query';
import { InlineField } from './inline-field';

interface CascadeSourcePickerProps {
  links: Link[];
  sites: Site[];
  value: string;
}

/** Values look like `link:ID` or `site:ID`. */
export function CascadeSourcePicker({ links, sites, value }: CascadeSourcePickerProps) {
  function choose(next: string) {
    const [kind, ...rest] = next.split(':');
    const id = rest.join(':');
    updateQuery({ link: kind === 'link' ? id : null, site: kind === 'site' ? id : null, tree: null, node: null });
  }
  return (
    <InlineField label="Share trees of" className="source-picker">
      <select value={value} onChange={(e) => choose(e.target.value)} data-testid="cascade-source">
        <option value="">Choose a link or site…</option>
        {links.length ? (
          <optgroup label="Links">
            {links.map((link) => <option key={link.id} value={`link:${link.id}`}>{link.title || link.slug} ({link.slug})</option>)}
          </optgroup>
        ) : null}
        {sites.length ? (
          <optgroup label="Sites">
            {sites.map((site) => <option key={site.id} value={`site:${site.id}`}>{site.name || site.domain}</option>)}
          </optgroup>
        ) : null}
      </select>
    </InlineField>
  );
}
