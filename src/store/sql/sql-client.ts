// The one async SQL interface the metadata code is written against; SQLite and PostgreSQL each implement it.

export type Row = Record<string, unknown>;

/**
 * Positional `?` parameters in both dialects (PostgreSQL's client rewrites them to `$n`). SQL written against it sticks
 * to what both engines share: `ON CONFLICT … DO NOTHING | DO UPDATE SET x = excluded.x`, `RETURNING`, integers for
 * booleans and milliseconds, JSON as text.
 */
export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** True when `err` is a unique-constraint violation, in either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
