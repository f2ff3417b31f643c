// Connects to PostgreSQL and applies pending metadata migrations, one node at a time.
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres.js';
import { PostgresClient } from './postgres-client.js';

/** Any 64-bit number the nodes of one deployment agree on: it names the migration lock. */
const MIGRATION_LOCK = 7_283_916_455;

export interface OpenPostgres { pool: pg.Pool; sql: PostgresClient }

/** Opens a pool on `url` and migrates the schema (nodes starting together wait on an advisory lock). */
export async function openPostgres(url: string): Promise<OpenPostgres> {
  // Bounded waits: with PostgreSQL gone, a request answers 503 within seconds instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000, query_timeout: 30_000 });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { pool, sql: new PostgresClient(pool) };
}

/** Applies the migrations past the recorded version, each in its own transaction. Returns how many ran. */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS lantern_schema (version INTEGER NOT NULL)');
    const found = await client.query<{ version: number }>('SELECT version FROM lantern_schema');
    let current = found.rows[0]?.version ?? 0;
    if (found.rows.length === 0) await client.query('INSERT INTO lantern_schema (version) VALUES (0)');
    let applied = 0;
    for (; current < POSTGRES_MIGRATIONS.length; current++, applied++) {
      await client.query('BEGIN');
      try {
        await client.query(POSTGRES_MIGRATIONS[current]!);
        await client.query('UPDATE lantern_schema SET version = $1', [current + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
