// Overview: headline numbers with change, visits and shares over time, platforms, channels and the top tables.
import type { BreakdownRow } from '../api/types';
import { ChannelPanel } from '../components/channel-panel';
import { PageHeader } from '../components/page-header';
import { PlatformPanel } from '../components/platform-panel';
import { RangeBar } from '../components/range-bar';
import { SummaryCards } from '../components/summary-cards';
import { TopTablePanel } from '../components/top-table-panel';
import { TrafficPanel } from '../components/traffic-panel';
import { useStatsQuery } from '../hooks/use-stats-query';
import { rowName } from '../lib/breakdown-rows';
import { countryName } from '../lib/labels';
import { carriedQuery, urlWithQuery } from '../lib/url-query';
import { appPath, useLocation } from '../router/history';

const countryOf = (row: BreakdownRow) => countryName(row.key);

export function OverviewPage() {
  const scope = useStatsQuery();
  const { search } = useLocation();
  const carried = carriedQuery(search);
  const communityFilter = (row: BreakdownRow) =>
    row.key === null ? null : urlWithQuery({ community: row.key, communityName: row.name || row.key });
  const linkPage = (row: BreakdownRow) => (row.key === null ? null : appPath(`/links/${encodeURIComponent(row.key)}`) + carried);
  return (
    <>
      <PageHeader title="Overview" subtitle="How your links and pages travel, including the shares analytics never sees." />
      <RangeBar />
      <SummaryCards scope={scope} />
      <div className="panel-grid">
        <TrafficPanel scope={scope} />
        <PlatformPanel scope={scope} />
        <ChannelPanel scope={scope} />
      </div>
      <div className="panel-grid panel-grid-3">
        <TopTablePanel
          scope={scope}
          by="link"
          title="Top links"
          heading="Link"
          hrefOf={linkPage}
          nameOf={(row) => rowName(row, 'Site pages (no link)')}
          emptyText="No link was visited in this period."
        />
        <TopTablePanel scope={scope} by="community" title="Top communities" heading="Community" hrefOf={communityFilter} nameOf={(row) => rowName(row, 'No community')} emptyText="No community traffic in this period." />
        <TopTablePanel scope={scope} by="country" title="Top countries" heading="Country" nameOf={countryOf} emptyText="No visits in this period." />
        <TopTablePanel
          scope={scope}
          by="referrer"
          title="Top referrers"
          heading="Referrer"
          nameOf={(row) => rowName(row, 'None (chats, apps, typed)')}
          emptyText="No visits in this period."
        />
      </div>
    </>
  );
}
