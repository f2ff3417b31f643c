// Binds `{name:Type}` query parameters as typed literals, for ClickHouse servers older than query parameters (18.x).
import { AppError } from '../../errors.js';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*):([A-Za-z0-9_(), ]+)\}/g;
const INTEGER_TYPES = /^U?Int(8|16|32|64)$/;

/** A ClickHouse string literal: quotes, backslashes and control bytes escaped. */
export function quoteString(value: string): string {
  return `'${value.replace(/[\\'\0\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\0': '\\0', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}'`;
}

function literal(name: string, type: string, value: unknown): string {
  const bad = () => new AppError('internal', `query parameter ${name} of type ${type} cannot take ${JSON.stringify(value)}`, { details: { name, type } });
  const nullable = /^Nullable\((.+)\)$/.exec(type);
  if (nullable) return value === null || value === undefined ? 'NULL' : literal(name, nullable[1], value);
  const array = /^Array\((.+)\)$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw bad();
    return `[${value.map((v) => literal(name, array[1], v)).join(', ')}]`;
  }
  if (type === 'String') {
    if (typeof value !== 'string') throw bad();
    return quoteString(value);
  }
  if (INTEGER_TYPES.test(type)) {
    const ok = typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value));
    if (!ok || (type.startsWith('U') && (value as number | bigint) < 0)) throw bad();
    return String(value);
  }
  if (type === 'Float64' || type === 'Float32') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw bad();
    return String(value);
  }
  throw new AppError('internal', `query parameter ${name}: type ${type} is not supported by the literal binder`, { details: { name, type } });
}

/**
 * Replaces every `{name:Type}` placeholder with the literal of `params[name]`, checked against its type (String, [U]Int8–64,
 * Float32/64, Nullable(…), Array(…)). Values never reach the SQL text unchecked or unescaped.
 * @throws AppError internal naming the parameter when a value is missing or does not fit its type.
 */
export function bindParams(sql: string, params: Record<string, unknown>): string {
  return sql.replace(PLACEHOLDER, (_m, name: string, type: string) => {
    if (!(name in params)) throw new AppError('internal', `query parameter ${name} has no value`, { details: { name } });
    return literal(name, type.trim(), params[name]);
  });
}

/** The parameters a query names (so that only those are sent as `query_params`). */
export function pickParams(sql: string, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of sql.matchAll(PLACEHOLDER)) {
    if (!(m[1] in params)) throw new AppError('internal', `query parameter ${m[1]} has no value`, { details: { name: m[1] } });
    out[m[1]] = params[m[1]];
  }
  return out;
}
