import { defineConfig } from 'vitest/config';

// The API integration tests run a second time with metadata in PostgreSQL when LANTERN_TEST_DATABASE_URL names a
// server (each test app gets a database of its own): the same suite is the MetaStore contract on both backends.
const POSTGRES_SUITE = [
  'test/auth.test.ts', 'test/links.test.ts', 'test/redirect.test.ts', 'test/tenant-isolation.test.ts', 'test/collect.test.ts',
  'test/commerce-*.test.ts', 'test/alerts-rules.test.ts', 'test/webhooks.test.ts', 'test/rate-limit.test.ts', 'test/stats.test.ts',
];

const shared = { testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'tracker/**/*.test.ts'] } },
      ...(process.env.LANTERN_TEST_DATABASE_URL
        ? [{ test: { ...shared, name: 'postgres', include: POSTGRES_SUITE, env: { LANTERN_TEST_META: 'postgres' } } }]
        : []),
    ],
  },
});
