// Opens the stores and services for a CLI command (no HTTP server), and closes them after.
import { loadConfig, type ConfigOverrides } from '../config.js';
import { createServices, type Services } from '../services.js';
import { createStores } from '../store/index.js';

const cliLog = {
  error: (obj: unknown, msg?: string) => console.error(`error: ${msg ?? ''}`, obj instanceof Error ? obj.message : (obj as { err?: Error })?.err?.message ?? ''),
  warn: (_obj: unknown, msg?: string) => console.error(`warning: ${msg ?? ''}`),
  info: () => undefined,
};

/** Runs `fn` with the services of the configured data dir, then writes and closes everything. */
export async function withServices<T>(overrides: ConfigOverrides, fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, overrides);
  const stores = await createStores(config);
  const services = await createServices(config, stores, cliLog as never);
  try {
    return await fn(services);
  } finally {
    await services.close();
    await stores.close();
  }
}
