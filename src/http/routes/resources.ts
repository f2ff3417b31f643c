// CRUD routes for the simple workspace resources: communities, ambassadors, campaigns and sites.
import type { FastifyInstance } from 'fastify';
import { Type, type TObject, type TProperties } from 'typebox';
import { recordMemberCount } from '../../commerce/member-history.js';
import { checkPersonalLink, createPersonalLink, type PersonalLinkInput } from '../../commerce/personal-link.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { validateDestination } from '../../links/validate-destination.js';
import type { Services } from '../../services.js';
import type { EntityTable } from '../../store/sql/entity-table.js';
import { PLATFORMS } from '../../vocabulary.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses, IdParams, Nullable, PageQuery } from '../schemas/common.js';

type Entity = { id: string; workspaceId: string; createdAt: number; updatedAt: number };
type Input = Record<string, unknown>;

interface ResourceSpec<T extends Entity> {
  path: string;
  prefix: string;
  table: EntityTable<T>;
  body: TObject;
  /** Validates input and maps it to entity fields (a patch when `partial`). */
  fields(input: Input, workspaceId: string, partial: boolean): Partial<T>;
  /** Checks references to other resources before a create or an update. */
  checkRefs?(input: Input, workspaceId: string): Promise<void>;
  defaults: Omit<T, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;
  /** Body properties accepted on create only (e.g. `link`: a personal link made in the same call). */
  createOnly?: TProperties;
  /** Checks create-only input before anything is stored. */
  beforeCreate?(input: Input): Promise<void>;
  /** Runs after a create or update; its result joins the response. A failure on create removes the new entity. */
  afterSave?(entity: T, input: Input, created: boolean): Promise<Record<string, unknown>>;
  /** Runs once an entity was created, updated or deleted (e.g. to announce it to caches). */
  onChange?(id: string): Promise<void>;
}

const iso = (ms: number | null) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The API view: ids keep their names, `xxxId` references become `xxx`, times become ISO strings. */
function view(entity: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    if (k === 'workspaceId') continue;
    if (k.endsWith('At')) out[k] = iso(v as number | null);
    else if (k.endsWith('Id') && k !== 'id') out[k.slice(0, -2)] = v;
    else out[k] = v;
  }
  return out;
}

function time(input: Input, field: string): number | null | undefined {
  const v = input[field];
  if (v === undefined || v === null) return v as null | undefined;
  const ms = Date.parse(String(v));
  if (Number.isNaN(ms)) throw new AppError('validation_failed', `${field} ${JSON.stringify(v)} is not an ISO date`, { details: { field } });
  return ms;
}

async function requireRef(workspaceId: string, field: string, id: unknown, table: EntityTable<Entity>): Promise<void> {
  if (typeof id === 'string' && !(await table.exists(workspaceId, id))) {
    throw new AppError('unprocessable', `${field} ${JSON.stringify(id)} does not exist in this workspace`, { details: { field, id } });
  }
}

function registerResource<T extends Entity>(app: FastifyInstance, s: Services, spec: ResourceSpec<T>): void {
  const tags = [spec.path.split('/').pop()!];
  const Patch = Type.Partial(spec.body, { additionalProperties: false });
  const Body = spec.createOnly ? Type.Object({ ...spec.body.properties, ...spec.createOnly }, { additionalProperties: false }) : spec.body;
  app.post(spec.path, { config: { access: 'write' }, schema: { tags, body: Body, response: { ...errorResponses, 409: Type.Ref('Error'), 422: Type.Ref('Error') } } }, async (request, reply) => {
    const ws = principalOf(request).workspaceId;
    const now = s.now();
    const input = request.body as Input;
    const entity = { ...spec.defaults, ...spec.fields(input, ws, false), id: newId(spec.prefix), workspaceId: ws, createdAt: now, updatedAt: now } as T;
    await spec.checkRefs?.(input, ws);
    await spec.beforeCreate?.(input);
    const saved = await spec.table.insert(entity);
    await spec.onChange?.(saved.id);
    try {
      return reply.code(201).send({ ...view(saved), ...(await spec.afterSave?.(saved, input, true)) });
    } catch (err) {
      await spec.table.delete(ws, saved.id);
      await spec.onChange?.(saved.id);
      throw err;
    }
  });
  app.get(spec.path, { config: { access: 'read' }, schema: { tags, querystring: PageQuery, response: errorResponses } }, async (request) => {
    const q = request.query as { limit?: number; cursor?: string };
    const page = await spec.table.list(principalOf(request).workspaceId, q.limit ?? 50, q.cursor ?? null);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  });
  app.get(`${spec.path}/:id`, { config: { access: 'read' }, schema: { tags, params: IdParams, response: errorResponses } }, async (request) => {
    const { id } = request.params as { id: string };
    return view((await spec.table.get(principalOf(request).workspaceId, id)) ?? notFound(tags[0], id));
  });
  app.patch(`${spec.path}/:id`, { config: { access: 'write' }, schema: { tags, params: IdParams, body: Patch, response: { ...errorResponses, 422: Type.Ref('Error') } } }, async (request) => {
    const ws = principalOf(request).workspaceId;
    const { id } = request.params as { id: string };
    if (!(await spec.table.exists(ws, id))) notFound(tags[0], id);
    const fields = spec.fields(request.body as Input, ws, true);
    await spec.checkRefs?.(request.body as Input, ws);
    const updated = (await spec.table.update(ws, id, { ...fields, updatedAt: s.now() } as Partial<T>)) ?? notFound(tags[0], id);
    await spec.onChange?.(id);
    return { ...view(updated), ...(await spec.afterSave?.(updated, request.body as Input, false)) };
  });
  app.delete(`${spec.path}/:id`, { config: { access: 'write' }, schema: { tags, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!(await spec.table.delete(principalOf(request).workspaceId, id))) notFound(tags[0], id);
    await spec.onChange?.(id);
    return reply.code(204).send();
  });
}

const Name = Type.String({ minLength: 1, maxLength: 200 });
/** `link`: the owner's personal tracked link, created in the same call; the response then carries it as `link`. */
const PersonalLink = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048 }), slug: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), kind: Type.Optional(Type.Union([Type.Literal('link'), Type.Literal('invite')])),
}, { additionalProperties: false });
const personalLink = (input: Input) => input.link as PersonalLinkInput | undefined;
const Tags = Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 });

/** Registers communities, ambassadors, campaigns and sites. */
export function registerResourceRoutes(app: FastifyInstance, s: Services): void {
  const m = s.stores.meta;
  registerResource(app, s, {
    path: '/api/communities', prefix: 'com', table: m.communities,
    body: Type.Object({
      name: Name, platform: Type.Union(PLATFORMS.map((p) => Type.Literal(p))), region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
      members: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))), inviteUrl: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))), tags: Type.Optional(Tags),
    }, { additionalProperties: false }),
    defaults: { name: '', platform: 'other', region: null, members: null, inviteUrl: null, tags: [] },
    fields: (i) => ({
      ...(i.name !== undefined && { name: i.name as string }), ...(i.platform !== undefined && { platform: i.platform as never }),
      ...(i.region !== undefined && { region: i.region as string | null }), ...(i.members !== undefined && { members: i.members as number | null }),
      ...(i.inviteUrl !== undefined && { inviteUrl: i.inviteUrl === null ? null : validateDestination(i.inviteUrl, 'inviteUrl') }),
      ...(i.tags !== undefined && { tags: i.tags as string[] }),
    }),
    createOnly: { link: Type.Optional(PersonalLink) },
    beforeCreate: async (i) => { if (personalLink(i)) await checkPersonalLink(m, personalLink(i)!); },
    afterSave: async (c, i, created) => {
      const link = created && personalLink(i) ? await createPersonalLink(s.links, c.workspaceId, personalLink(i)!, { community: c.id }, s.now()) : undefined;
      // Member counts over time: a point whenever the count given changes.
      if (typeof i.members === 'number') await recordMemberCount(m, c.id, i.members, s.now());
      return link ? { link } : {};
    },
  });
  registerResource(app, s, {
    path: '/api/ambassadors', prefix: 'amb', table: m.ambassadors,
    body: Type.Object({ name: Name, community: Type.Optional(Nullable(Type.String({ maxLength: 64 }))), contact: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) }, { additionalProperties: false }),
    defaults: { name: '', communityId: null, contact: null },
    fields: (i) => ({ ...(i.name !== undefined && { name: i.name as string }), ...(i.community !== undefined && { communityId: i.community as string | null }), ...(i.contact !== undefined && { contact: i.contact as string | null }) }),
    checkRefs: (i, ws) => requireRef(ws, 'community', i.community, m.communities as unknown as EntityTable<Entity>),
    createOnly: { link: Type.Optional(PersonalLink) },
    beforeCreate: async (i) => { if (personalLink(i)) await checkPersonalLink(m, personalLink(i)!); },
    afterSave: async (a, i, created) => {
      if (!created || !personalLink(i)) return {};
      return { link: await createPersonalLink(s.links, a.workspaceId, personalLink(i)!, { community: a.communityId, ambassador: a.id }, s.now()) };
    },
  });
  registerResource(app, s, {
    path: '/api/campaigns', prefix: 'cmp', table: m.campaigns,
    body: Type.Object({ name: Name, startsAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))), endsAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))), goal: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }),
    defaults: { name: '', startsAt: null, endsAt: null, goal: null },
    fields: (i) => ({
      ...(i.name !== undefined && { name: i.name as string }), ...(i.startsAt !== undefined && { startsAt: time(i, 'startsAt') ?? null }),
      ...(i.endsAt !== undefined && { endsAt: time(i, 'endsAt') ?? null }), ...(i.goal !== undefined && { goal: i.goal as string | null }),
    }),
  });
  registerResource(app, s, {
    path: '/api/sites', prefix: 'site', table: m.sites,
    body: Type.Object({ domain: Type.String({ minLength: 1, maxLength: 253 }), name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) }, { additionalProperties: false }),
    defaults: { domain: '', name: null },
    fields: (i) => ({ ...(i.domain !== undefined && { domain: normaliseDomain(String(i.domain)) }), ...(i.name !== undefined && { name: i.name as string | null }) }),
    // Every node's collector caches sites by id (SiteCache): tell them all.
    onChange: (id) => s.stores.changes.publish('site', id),
  });
}

/** A site's domain: a bare host name, lower-case, no scheme, port or path. @throws AppError validation_failed. */
export function normaliseDomain(input: string): string {
  const host = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/:].*$/, '').replace(/^www\./, '');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host) || host.length > 253) {
    throw new AppError('validation_failed', `domain ${JSON.stringify(input)} is not a host name`, { details: { field: 'domain' } });
  }
  return host;
}
