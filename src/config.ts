// The only reader of process.env: configuration validated, typed and frozen. Flags override the environment.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  baseUrl: string;
  databaseUrl: string | null;
  clickhouseUrl: string | null;
  secret: string;
  /** Lets preview fetches reach private addresses: tests only; never set in production. */
  previewAllowPrivate: boolean;
  /** ClickHouse table and engine when Lantern creates it (LANTERN_CLICKHOUSE_TABLE, LANTERN_CLICKHOUSE_ENGINE). */
  clickhouseTable: string | null;
  clickhouseEngine: string | null;
  /** Largest unshipped backlog kept while ClickHouse is down, bytes (LANTERN_SPOOL_MAX_BYTES); past it new events get 503. */
  spoolMaxBytes: number | null;
  /** Trust X-Forwarded-For (set LANTERN_TRUST_PROXY=1 behind a reverse proxy or load balancer). */
  trustProxy: boolean;
  /** Requests per minute per API key (or per address without a key). */
  rateLimitPerMinute: number;
  logLevel: string;
}

export type ConfigOverrides = Partial<Pick<Config, 'port' | 'host' | 'dataDir' | 'baseUrl' | 'databaseUrl' | 'clickhouseUrl' | 'secret'>>;

/** A configuration problem: start-up stops with one line naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function parsePort(variable: string, raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new ConfigError(variable, `must be a port number 0-65535, got ${JSON.stringify(raw)}`);
  return port;
}

function parseOrigin(variable: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(variable, `must use http or https, got ${JSON.stringify(raw)}`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parseUrlWithScheme(variable: string, raw: string, schemes: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `must be a URL (${schemes.join(' or ')}), got ${JSON.stringify(raw)}`);
  }
  if (!schemes.includes(url.protocol)) throw new ConfigError(variable, `must start with ${schemes.join(' or ')}, got ${JSON.stringify(url.protocol)}`);
  return raw;
}

/** Reads the secret from the data dir, creating it on first start (kept with mode 600). */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Builds the configuration from the environment and flag overrides.
 * @throws ConfigError naming the variable when a value is invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Readonly<Config> {
  const port = overrides.port ?? (env.LANTERN_PORT ? parsePort('LANTERN_PORT', env.LANTERN_PORT) : 8080);
  const host = overrides.host ?? env.LANTERN_HOST ?? '127.0.0.1';
  const dataDir = resolve(overrides.dataDir ?? env.LANTERN_DATA_DIR ?? './lantern-data');
  const baseUrlRaw = overrides.baseUrl ?? env.LANTERN_BASE_URL;
  const baseUrl = baseUrlRaw ? parseOrigin('LANTERN_BASE_URL', baseUrlRaw) : `http://${host === '0.0.0.0' ? 'localhost' : host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  const dbRaw = overrides.databaseUrl ?? env.LANTERN_DATABASE_URL ?? null;
  const databaseUrl = dbRaw ? parseUrlWithScheme('LANTERN_DATABASE_URL', dbRaw, ['postgres:', 'postgresql:']) : null;
  const chRaw = overrides.clickhouseUrl ?? env.LANTERN_CLICKHOUSE_URL ?? null;
  const clickhouseUrl = chRaw ? parseUrlWithScheme('LANTERN_CLICKHOUSE_URL', chRaw, ['http:', 'https:']) : null;
  const rateRaw = env.LANTERN_RATE_LIMIT ?? '600';
  const rateLimitPerMinute = Number(rateRaw);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) throw new ConfigError('LANTERN_RATE_LIMIT', `must be a positive integer, got ${JSON.stringify(rateRaw)}`);
  const spoolRaw = env.LANTERN_SPOOL_MAX_BYTES;
  const spoolMaxBytes = spoolRaw ? Number(spoolRaw) : null;
  if (spoolMaxBytes !== null && (!Number.isSafeInteger(spoolMaxBytes) || spoolMaxBytes < 1)) {
    throw new ConfigError('LANTERN_SPOOL_MAX_BYTES', `must be a positive integer (bytes), got ${JSON.stringify(spoolRaw)}`);
  }
  const given = overrides.secret ?? env.LANTERN_SECRET;
  // Nodes sharing PostgreSQL must share the key webhook secrets are encrypted with; one generated per data dir would differ.
  if (databaseUrl && !given) throw new ConfigError('LANTERN_SECRET', 'must be set, the same on every node, when LANTERN_DATABASE_URL is set');
  const secret = given ?? loadOrCreateSecret(dataDir);
  if (secret.length < 16) throw new ConfigError('LANTERN_SECRET', 'must be at least 16 characters');
  return Object.freeze({
    port,
    host,
    dataDir,
    baseUrl,
    databaseUrl,
    clickhouseUrl,
    secret,
    previewAllowPrivate: env.LANTERN_PREVIEW_ALLOW_PRIVATE === '1',
    clickhouseTable: env.LANTERN_CLICKHOUSE_TABLE ?? null,
    clickhouseEngine: env.LANTERN_CLICKHOUSE_ENGINE ?? null,
    spoolMaxBytes,
    trustProxy: env.LANTERN_TRUST_PROXY === '1' || env.LANTERN_TRUST_PROXY === 'true',
    rateLimitPerMinute,
    logLevel: env.LANTERN_LOG_LEVEL ?? 'info',
  });
}
