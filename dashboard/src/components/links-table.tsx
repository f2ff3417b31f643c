// The workspace's links with their short URL, destination, community and traffic in the period.
import type { BreakdownRow, Link } from '../api/types';
import type { Directory } from '../hooks/use-directory';
import { domainOf, formatCount, formatDate } from '../lib/format';
import { AppLink } from '../router/app-link';
import { appPath } from '../router/history';
import { CopyButton } from './copy-button';
import { DataTable, type Column } from './data-table';

interface LinksTableProps {
  links: Link[];
  traffic: Map<string, BreakdownRow>;
  directory: Directory;
  /** Query to carry into each link's page (`?from=…&to=…`). */
  carried: string;
}

const COLUMNS: Column[] = [
  { label: 'Link' },
  { label: 'Short link' },
  { label: 'Community' },
  { label: 'Visits', numeric: true },
  { label: 'Shares', numeric: true },
  { label: 'Created' },
];

export function LinksTable({ links, traffic, directory, carried }: LinksTableProps) {
  return (
    <DataTable caption="Tracked links" columns={COLUMNS} className="links-table">
      {links.map((link) => {
        const row = traffic.get(link.id);
        return (
          <tr key={link.id} className={link.disabled ? 'is-disabled' : undefined}>
            <th scope="row" className="link-cell">
              <AppLink href={appPath(`/links/${encodeURIComponent(link.id)}`) + carried} className="link-title">
                {link.title || link.slug}
              </AppLink>
              <span className="link-destination">{domainOf(link.url)}</span>
              {link.disabled ? <span className="badge badge-muted">Disabled</span> : null}
            </th>
            <td>
              <span className="short-url">
                <code>{link.shortUrl.replace(/^https?:\/\//, '')}</code>
                <CopyButton text={link.shortUrl} what={`short link ${link.shortUrl}`} />
              </span>
            </td>
            <td>{directory.nameOf('community', link.community) ?? <span className="muted">—</span>}</td>
            <td className="num">{formatCount(row?.visits ?? 0)}</td>
            <td className="num">{formatCount(row?.shares ?? 0)}</td>
            <td>{formatDate(link.createdAt)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
