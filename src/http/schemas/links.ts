// Request and response schemas of /api/links.
import { Type } from 'typebox';
import { Nullable } from './common.js';

const Str = (max: number) => Type.String({ maxLength: max });

export const LinkBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 4096, description: 'Absolute http(s) destination' }),
  slug: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  title: Type.Optional(Nullable(Str(300))),
  description: Type.Optional(Nullable(Str(1000))),
  image: Type.Optional(Nullable(Str(2048))),
  community: Type.Optional(Nullable(Str(64))),
  ambassador: Type.Optional(Nullable(Str(64))),
  campaign: Type.Optional(Nullable(Str(64))),
  tags: Type.Optional(Type.Array(Str(50), { maxItems: 20 })),
  kind: Type.Optional(Type.Union([Type.Literal('link'), Type.Literal('invite')])),
  maxUses: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  fallbackUrl: Type.Optional(Nullable(Str(2048))),
  disabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const LinkPatch = Type.Partial(LinkBody, { additionalProperties: false });

export const LinkView = Type.Object({
  id: Type.String(), slug: Type.String(), shortUrl: Type.String(), url: Type.String(), kind: Type.String(),
  title: Nullable(Type.String()), description: Nullable(Type.String()), image: Nullable(Type.String()),
  community: Nullable(Type.String()), ambassador: Nullable(Type.String()), campaign: Nullable(Type.String()),
  tags: Type.Array(Type.String()), disabled: Type.Boolean(), maxUses: Nullable(Type.Integer()), uses: Type.Integer(),
  expiresAt: Nullable(Type.String()), fallbackUrl: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Link' });
