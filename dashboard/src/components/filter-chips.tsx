// Filters by id set from a table (link, community, ambassador, campaign, site), each removable.
import { updateQuery } from '../lib/url-query';
import { useLocation } from '../router/history';

const CHIP_FILTERS = [
  { key: 'link', label: 'Link' },
  { key: 'community', label: 'Community' },
  { key: 'ambassador', label: 'Ambassador' },
  { key: 'campaign', label: 'Campaign' },
  { key: 'site', label: 'Site' },
] as const;

export function FilterChips() {
  const { search } = useLocation();
  const chips = CHIP_FILTERS.filter((f) => search.get(f.key));
  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label="Active filters">
      {chips.map((f) => {
        const value = search.get(f.key) ?? '';
        const name = search.get(`${f.key}Name`) ?? value;
        return (
          <li key={f.key} className="chip">
            <span>{f.label}: {name}</span>
            <button type="button" className="chip-remove" aria-label={`Remove filter ${f.label} ${name}`} onClick={() => updateQuery({ [f.key]: null, [`${f.key}Name`]: null })}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
