// Cascades: how one link or site spread from person to person, tree by tree.
import { useEffect, useMemo, useState } from 'react';
import type { Cascades } from '../api/types';
import { CascadeSizesChart } from '../charts/cascade-sizes-chart';
import { CascadeTreeChart } from '../charts/cascade-tree-chart';
import { CascadeNodeDetails } from '../components/cascade-node-details';
import { CascadeNodeOutline } from '../components/cascade-node-outline';
import { CascadeSourcePicker } from '../components/cascade-source-picker';
import { CascadeTreeFacts } from '../components/cascade-tree-facts';
import { CascadeTreeList } from '../components/cascade-tree-list';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { LoadingState } from '../components/loading-state';
import { PageHeader } from '../components/page-header';
import { Panel } from '../components/panel';
import { useResource } from '../hooks/use-resource';
import { indexNodes } from '../lib/cascade-nodes';
import { formatCount, formatRatio } from '../lib/format';
import { updateQuery, urlWithQuery } from '../lib/url-query';
import { navigate, useLocation } from '../router/history';

const MAX_TREES_LISTED = 30;

export function CascadesPage() {
  const { search } = useLocation();
  const link = search.get('link');
  const site = search.get('site');
  const sources = useResource('cascade-sources', async (api, signal) => {
    const [links, sites] = await Promise.all([
      api.listLinks({ limit: 100 }, signal),
      api.listSites(signal).catch(() => ({ items: [] })),
    ]);
    return { links: links.items, sites: sites.items };
  });

  // With nothing chosen, show the newest link's trees rather than an empty page.
  const firstLink = sources.data?.links[0]?.id;
  useEffect(() => {
    if (!link && !site && firstLink) navigate(urlWithQuery({ link: firstLink }), { replace: true });
  }, [link, site, firstLink]);

  const query = link ? { link } : site ? { site } : null;
  const cascades = useResource<Cascades>(query ? `cascades|${JSON.stringify(query)}` : null, (api, signal) =>
    api.getCascades({ ...query, limit: MAX_TREES_LISTED }, signal),
  );

  return (
    <>
      <PageHeader title="Cascades" subtitle="Every visit mints a share token; reshares name their parent. Here is how it branched." />
      <div className="range-bar">
        {sources.data ? (
          <CascadeSourcePicker links={sources.data.links} sites={sources.data.sites} value={link ? `link:${link}` : site ? `site:${site}` : ''} />
        ) : sources.error ? (
          <ErrorMessage error={sources.error} onRetry={sources.reload} />
        ) : (
          <LoadingState label="Loading links…" />
        )}
      </div>
      {!query ? (
        sources.data ? <EmptyState title="Nothing to draw yet.">Create a tracked link or add a site, share it, and its trees appear here.</EmptyState> : null
      ) : cascades.error ? (
        <ErrorMessage error={cascades.error} onRetry={cascades.reload} />
      ) : !cascades.data ? (
        <LoadingState label="Building share trees…" height={240} />
      ) : (
        <CascadeView data={cascades.data} treeParam={search.get('tree')} />
      )}
    </>
  );
}

function CascadeView({ data, treeParam }: { data: Cascades; treeParam: string | null }) {
  const trees = useMemo(() => [...data.trees].sort((a, b) => b.size - a.size).slice(0, MAX_TREES_LISTED), [data]);
  const requested = Number(treeParam ?? 0);
  const treeIndex = Number.isInteger(requested) && requested >= 0 && requested < trees.length ? requested : 0;
  const tree = trees[treeIndex];
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setSelected(tree?.root.token ?? null), [tree]);
  const index = useMemo(() => (tree ? indexNodes(tree.root) : new Map()), [tree]);
  const largest = data.trees.reduce((max, t) => Math.max(max, t.size), 0);

  return (
    <>
      <dl className="stat-grid" aria-label="Share trees summary">
        <div className="stat-card"><dt className="stat-label">Share trees</dt><dd className="stat-value">{formatCount(data.summary.count)}</dd></div>
        <div className="stat-card"><dt className="stat-label">K-factor</dt><dd className="stat-value">{formatRatio(data.summary.kFactor)}</dd></div>
        <div className="stat-card"><dt className="stat-label">Deepest</dt><dd className="stat-value">{data.summary.maxDepth}</dd></div>
        <div className="stat-card"><dt className="stat-label">Largest tree</dt><dd className="stat-value">{formatCount(largest)}</dd></div>
      </dl>
      {trees.length === 0 || !tree ? (
        <EmptyState title="No share trees yet.">Trees grow when people who followed this link share it again.</EmptyState>
      ) : (
        <>
          <div className="panel-grid">
            <Panel title="Trees" hint={data.summary.count > trees.length ? `The ${trees.length} largest of ${formatCount(data.summary.count)}` : 'Largest first'}>
              <CascadeTreeList trees={trees} selected={treeIndex} onSelect={(i) => updateQuery({ tree: i === 0 ? null : String(i) })} />
            </Panel>
            <Panel title="Tree sizes" hint="How many trees have how many visits: most stay small, a few travel far.">
              <CascadeSizesChart sizes={data.summary.sizes} />
            </Panel>
          </div>
          <div className="cascade-layout">
            <Panel title="Share tree" hint="Each dot is a visit, coloured by the platform it came from; the first visit is ringed in amber. Click a dot for its details.">
              <CascadeTreeFacts tree={tree} />
              <CascadeTreeChart tree={tree} selected={selected} onSelect={setSelected} />
              <CascadeNodeOutline root={tree.root} size={tree.size} selected={selected} onSelect={setSelected} />
            </Panel>
            <Panel title="Selected visit" className="sticky-panel">
              <CascadeNodeDetails entry={selected ? index.get(selected) ?? null : null} />
            </Panel>
          </div>
        </>
      )}
    </>
  );
}
