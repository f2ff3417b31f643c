// SqlClient over a node-postgres pool: `?` placeholders become `$n`, BIGINT and NUMERIC come back as numbers.
import pg from 'pg';
import { AppError } from '../../errors.js';
import type { Row, SqlClient } from '../sql/sql-client.js';

// Milliseconds and counts are BIGINT; all of them fit a double exactly.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

const rewritten = new Map<string, string>();

/** `?` → `$1, $2, …` (the shared SQL never has a `?` inside a string literal). */
export function toPostgresParams(sql: string): string {
  let out = rewritten.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (rewritten.size >= 1000) rewritten.clear();
    rewritten.set(sql, out);
  }
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

/** Errors that mean "PostgreSQL is not reachable", not "this query is wrong": connection refused, reset or timed out. */
function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03'].includes(code)
    || code.startsWith('08') || /timeout exceeded when trying to connect|Connection terminated|Query read timeout/i.test(message);
}

/** Runs a call against PostgreSQL; an unreachable server becomes a 503 `unavailable` instead of a 500. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!isConnectionError(err)) throw err;
    throw new AppError('unavailable', 'the metadata database (PostgreSQL) is not answering; try again shortly', { details: { reason: String((err as Error).message ?? err) } });
  }
}

export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres';

  constructor(private readonly target: Queryable) {}

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return guarded(async () => (await this.target.query(toPostgresParams(sql), params as unknown[])).rows as T[]);
  }

  async get<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return guarded(async () => (await this.target.query(toPostgresParams(sql), params as unknown[])).rowCount ?? 0);
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (!(this.target instanceof pg.Pool)) return fn(this);
    const pool = this.target;
    const client = await guarded(() => pool.connect());
    try {
      await guarded(() => client.query('BEGIN'));
      const out = await fn(new PostgresClient(client));
      await guarded(() => client.query('COMMIT'));
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
