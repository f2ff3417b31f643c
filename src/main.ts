// Starts the server: loadConfig → createStores → buildApp → listen → graceful close on SIGINT/SIGTERM.
import { createSetupToken } from './auth/accounts.js';
import { getOrCreateWorkspace, DEFAULT_WORKSPACE } from './auth/workspaces.js';
import { buildApp } from './app.js';
import { loadConfig, type ConfigOverrides } from './config.js';
import { createStores } from './store/index.js';

export interface StartOptions extends ConfigOverrides {
  /** Fill the default workspace with a simulated month first. */
  demo?: boolean;
}

/** Runs Lantern until a signal stops it. Prints how to sign in on first start. */
export async function start(options: StartOptions = {}): Promise<void> {
  const config = loadConfig(process.env, options);
  const stores = await createStores(config);
  const app = await buildApp(config, stores);
  const now = Date.now();
  const workspace = await getOrCreateWorkspace(stores.meta, DEFAULT_WORKSPACE, now);
  if (options.demo) {
    const { runDemo } = await import('./demo/run-demo.js');
    await runDemo(app.services, workspace, (line: string) => app.log.info(line));
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`Lantern is running at ${origin}  (data in ${config.dataDir})`);
  if ((await stores.meta.countUsers()) === 0) {
    const token = await createSetupToken(stores.meta, workspace.id, 'owner', now);
    console.log(`First start: create the owner account at ${origin}/app/setup?token=${token}`);
    console.log(`  or from a terminal: npx lantern users create --email you@example.com --password '…'`);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await stores.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
