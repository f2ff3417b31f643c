// PostgreSQL for tests: the server named by LANTERN_TEST_DATABASE_URL and fresh databases on it, dropped after.
import pg from 'pg';

/** Admin URL of the test server (e.g. postgres://postgres@127.0.0.1:5432/postgres), or null: PostgreSQL tests are then skipped. */
export const TEST_DATABASE_URL = process.env.LANTERN_TEST_DATABASE_URL || null;

/** Says why PostgreSQL tests did not run, once per file. */
export function notePostgresSkipped(file: string): void {
  if (!TEST_DATABASE_URL) console.warn(`${file}: PostgreSQL tests skipped: set LANTERN_TEST_DATABASE_URL to an admin URL`);
}

export interface TestDatabase { url: string; drop(): Promise<void> }

/** Creates an empty database of this test's own on the test server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('LANTERN_TEST_DATABASE_URL is not set');
  const name = `lantern_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // WITH (FORCE) closes connections a crashed test may have left open.
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
