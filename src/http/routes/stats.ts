// /api/stats/summary, /timeseries and /breakdown: every question takes a range, a time zone and filters.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { withRevenuePerMember } from '../../commerce/revenue-per-member.js';
import type { Services } from '../../services.js';
import { DIMENSIONS, getBreakdown, type Dimension } from '../../stats/get-breakdown.js';
import { getSummary } from '../../stats/get-summary.js';
import { getTimeseries } from '../../stats/get-timeseries.js';
import { FILTERS, parseStatsQuery } from '../../stats/stats-query.js';
import { CHANNELS, PLATFORMS } from '../../vocabulary.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';

const filterProps = Object.fromEntries(Object.keys(FILTERS).map((k) => [k, Type.Optional(Type.String({ maxLength: 64 }))]));
const RangeQuery = {
  from: Type.Optional(Type.String({ maxLength: 40, description: 'ISO date or time (default: 30 days before `to`)' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'ISO date or time (default: now); a bare date includes that day' })),
  tz: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone for day boundaries (default UTC)' })),
  ...filterProps,
  platform: Type.Optional(Type.Union(PLATFORMS.map((p) => Type.Literal(p)))),
  channel: Type.Optional(Type.Union(CHANNELS.map((c) => Type.Literal(c)))),
};

/** Registers the stats routes. */
export function registerStatsRoutes(root: FastifyInstance, s: Services): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['stats'];
  const config = { access: 'read' as const };
  const meta = s.stores.meta;
  const nameTables: Partial<Record<Dimension, { names(ws: string, ids: string[]): Promise<Map<string, string>> }>> = {
    community: meta.communities, ambassador: meta.ambassadors, campaign: meta.campaigns, link: meta.links, site: meta.sites,
  };

  app.get('/api/stats/summary', { config, schema: { tags, querystring: Type.Object(RangeQuery, { additionalProperties: false }), response: errorResponses } },
    async (request) => getSummary(s.stores.events, parseStatsQuery(principalOf(request).workspaceId, request.query as Record<string, string>, s.now())));

  app.get('/api/stats/timeseries', {
    config,
    schema: { tags, querystring: Type.Object({ ...RangeQuery, interval: Type.Optional(Type.Union([Type.Literal('hour'), Type.Literal('day')])) }, { additionalProperties: false }), response: errorResponses },
  }, async (request) => {
    const { interval, ...rest } = request.query;
    return getTimeseries(s.stores.events, parseStatsQuery(principalOf(request).workspaceId, rest as Record<string, string>, s.now()), interval ?? 'day');
  });

  app.get('/api/stats/breakdown', {
    config,
    schema: {
      tags,
      querystring: Type.Object({
        ...RangeQuery, by: Type.Union(Object.keys(DIMENSIONS).map((d) => Type.Literal(d))), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
      }, { additionalProperties: false }),
      response: errorResponses,
    },
  }, async (request) => {
    const { by, limit, ...rest } = request.query;
    const workspaceId = principalOf(request).workspaceId;
    const table = nameTables[by as Dimension];
    const breakdown = await getBreakdown(s.stores.events, parseStatsQuery(workspaceId, rest as Record<string, string>, s.now()), by as Dimension, limit ?? 50,
      table ? async (ids) => table.names(workspaceId, ids) : undefined);
    if (by !== 'community') return breakdown;
    // Community rows also carry the member count and revenue per member.
    const ids = breakdown.rows.flatMap((r) => (r.key === null ? [] : [r.key]));
    const members = new Map(await Promise.all(ids.map(async (id) => [id, (await meta.communities.get(workspaceId, id))?.members ?? null] as const)));
    return { ...breakdown, rows: withRevenuePerMember(breakdown.rows, members) };
  });
}
