// SqlClient over a node-postgres pool: `?` placeholders become `$n`, BIGINT and NUMERIC come back as numbers.
import pg from 'pg';
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

export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres';

  constructor(private readonly target: Queryable) {}

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.target.query(toPostgresParams(sql), params as unknown[])).rows as T[];
  }

  async get<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.target.query(toPostgresParams(sql), params as unknown[])).rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (!(this.target instanceof pg.Pool)) return fn(this);
    const client = await this.target.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PostgresClient(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
