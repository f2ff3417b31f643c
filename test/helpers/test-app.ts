// A real Lantern app on a temporary data dir, with a workspace and API keys, for integration tests (app.inject).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiKey } from '../../src/auth/api-keys.js';
import { createWorkspace, getOrCreateWorkspace } from '../../src/auth/workspaces.js';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Services } from '../../src/services.js';
import { createStores } from '../../src/store/index.js';
import type { Workspace } from '../../src/store/types.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';

export interface TestApp {
  app: FastifyInstance & { services: Services };
  config: Readonly<Config>;
  dataDir: string;
  workspace: Workspace;
  /** An API key of the default workspace with every scope. */
  key: string;
  /** A second workspace and its key, for isolation tests. */
  other: { workspace: Workspace; key: string };
  auth(key?: string): { authorization: string };
  close(): Promise<void>;
}

export interface TestAppOptions { now?: () => number; env?: NodeJS.ProcessEnv; dataDir?: string }

/** Builds the app on a fresh temporary folder. Call `close()` in afterAll/afterEach. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lantern-test-'));
  // The `postgres` test project (vitest.config.ts) runs the same tests with metadata in a fresh PostgreSQL database.
  const database: TestDatabase | null = process.env.LANTERN_TEST_META === 'postgres' ? await createTestDatabase('app') : null;
  const env = { LANTERN_RATE_LIMIT: '100000', LANTERN_PREVIEW_ALLOW_PRIVATE: '1', LANTERN_TRUST_PROXY: '1', ...(database && { LANTERN_DATABASE_URL: database.url }), ...options.env };
  const config = loadConfig(env, { dataDir, baseUrl: 'http://lnt.test', secret: 's'.repeat(32) });
  const stores = await createStores(config);
  const app = await buildApp(config, stores, { logger: false, now: options.now });
  const now = Date.now();
  const workspace = await getOrCreateWorkspace(stores.meta, 'default', now);
  const { key } = await createApiKey(stores.meta, workspace.id, 'test', undefined, now);
  const otherWs = (await stores.meta.getWorkspaceBySlug('other')) ?? (await createWorkspace(stores.meta, 'other', 'Other', now));
  const other = { workspace: otherWs, key: (await createApiKey(stores.meta, otherWs.id, 'other', undefined, now)).key };
  return {
    app, config, dataDir, workspace, key, other,
    auth: (k = key) => ({ authorization: `Bearer ${k}` }),
    async close() {
      await app.close();
      await stores.close();
      await database?.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
