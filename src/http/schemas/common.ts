// Schemas shared by routes: errors, pagination, nullable fields.
import { Type, type Static, type TSchema } from 'typebox';

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Record(Type.String(), Type.Unknown()) }),
}, { $id: 'Error' });

/**
 * A value or null, as one `type: [t, 'null']` schema: with `anyOf`, Ajv's type coercion would turn 0, false or ''
 * into null for the null branch and accept what the first branch refused.
 */
export const Nullable = <T extends TSchema>(schema: T) => {
  const { type, ...rest } = schema as unknown as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...rest, type: [type, 'null'] });
};

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Standard error responses of an authenticated route, for the OpenAPI document. */
export const errorResponses = {
  400: Type.Ref('Error'), 401: Type.Ref('Error'), 403: Type.Ref('Error'), 404: Type.Ref('Error'), 429: Type.Ref('Error'),
};
