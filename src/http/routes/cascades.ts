// /api/cascades: who-shared-to-whom trees for a link or a site, and the tree around one share token.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildCascades, listCascadeNodes, summarizeCascades, toCascadeView, type Cascade, type CascadeTreeNode } from '../../cascades/index.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import { getCascadeVisits } from '../../stats/get-cascade-visits.js';
import { parseStatsQuery } from '../../stats/stats-query.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';

const iso = (ms: number) => new Date(ms).toISOString();

type ApiNode = Omit<CascadeTreeNode, 'ts' | 'children' | 'shares'> & { ts: string; children: ApiNode[]; shares: { platform: string; ts: string }[] };

function apiNode(node: CascadeTreeNode): ApiNode {
  return { ...node, ts: iso(node.ts), shares: node.shares.map((s) => ({ platform: s.platform, ts: iso(s.ts) })), children: node.children.map(apiNode) };
}

/** A tree as the API shows it: metrics, and the tree under `root` (times as ISO strings, no visitor hashes). */
function treeView(c: Cascade) {
  const { tree, firstTs, lastTs, ...metrics } = toCascadeView(c);
  return { ...metrics, firstTs: iso(firstTs), lastTs: iso(lastTs), root: apiNode(tree) };
}

/** Registers the cascade routes. */
export function registerCascadeRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cascades'];
  const range = { from: Type.Optional(Type.String({ maxLength: 40 })), to: Type.Optional(Type.String({ maxLength: 40 })) };

  app.get('/api/cascades', {
    config: { access: 'read' },
    schema: {
      tags, summary: 'Share trees rooted at a link or a site, with sizes, depth, reach and K-factor',
      querystring: Type.Object({ ...range, link: Type.Optional(Type.String({ maxLength: 64 })), site: Type.Optional(Type.String({ maxLength: 64 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }, { additionalProperties: false }),
      response: errorResponses,
    },
  }, async (request) => {
    const { link, site, limit, ...dates } = request.query;
    if (!link && !site) throw new AppError('validation_failed', 'give link=<id> or site=<id>', { details: { field: 'link' } });
    const ws = principalOf(request).workspaceId;
    const { visits, truncated } = await getCascadeVisits(s.stores.events, parseStatsQuery(ws, dates, s.now()));
    const cascades = buildCascades(visits).filter((c) => (link ? c.linkId === link : c.siteId === site));
    const summary = summarizeCascades(cascades, { top: limit ?? 20 });
    const largest = [...cascades].sort((a, b) => b.size - a.size || b.depth - a.depth || a.firstTs - b.firstTs).slice(0, limit ?? 20);
    return {
      summary: { count: summary.count, visits: summary.visits, shares: summary.shares, orphans: summary.orphans, sizes: summary.sizeHistogram, kFactor: summary.kFactor, maxDepth: summary.maxDepth },
      trees: largest.map(treeView),
      truncated,
    };
  });

  app.get('/api/cascades/:token', {
    config: { access: 'read' },
    schema: { tags, summary: 'The tree that a share token belongs to', params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{6,32}$' }) }), querystring: Type.Object(range, { additionalProperties: false }), response: errorResponses },
  }, async (request) => {
    const ws = principalOf(request).workspaceId;
    const { visits } = await getCascadeVisits(s.stores.events, parseStatsQuery(ws, request.query, s.now()));
    const found = buildCascades(visits).find((c) => listCascadeNodes(c.root).some((n) => n.token === request.params.token));
    if (!found) throw new AppError('not_found', `no cascade holds token ${JSON.stringify(request.params.token)} in this range`, { details: { token: request.params.token } });
    return treeView(found);
  });
}
