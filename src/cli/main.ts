// The `lantern` command line: the same services as the HTTP API, printed for people (and scripts).
import { Command, InvalidArgumentError, Option } from 'commander';
import { createUser } from '../auth/accounts.js';
import { apiKeyView, createApiKey } from '../auth/api-keys.js';
import { DEFAULT_WORKSPACE, getOrCreateWorkspace } from '../auth/workspaces.js';
import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { getBreakdown } from '../stats/get-breakdown.js';
import { getSummary } from '../stats/get-summary.js';
import { parseStatsQuery } from '../stats/stats-query.js';
import { createStores } from '../store/index.js';
import type { Role } from '../store/types.js';
import { withServices } from './open-services.js';

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError(`expected a port number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function dataDirOption(cmd: Command): Command {
  return cmd.addOption(new Option('--data-dir <dir>', 'data folder (LANTERN_DATA_DIR, default ./lantern-data)'));
}

const program = new Command('lantern').description('Lantern: dark social intelligence — tracked links, shares, cascades.').showHelpAfterError();

program.command('start').description('serve the API, redirects, tracker and dashboard')
  .option('--port <port>', 'port (LANTERN_PORT, default 8080)', port)
  .option('--host <host>', 'address to bind (LANTERN_HOST, default 127.0.0.1)')
  .option('--base-url <url>', 'public origin of short links (LANTERN_BASE_URL)')
  .option('--data-dir <dir>', 'data folder (LANTERN_DATA_DIR, default ./lantern-data)')
  .option('--demo', 'fill the default workspace with a simulated month first')
  .action(async (o: { port?: number; host?: string; baseUrl?: string; dataDir?: string; demo?: boolean }) => {
    const { start } = await import('../main.js');
    await start(o);
  });

dataDirOption(program.command('migrate').description('create or upgrade the database schema (and PostgreSQL\'s when LANTERN_DATABASE_URL is set)'))
  .action(async (o: { dataDir?: string }) => {
    const config = loadConfig(process.env, o);
    await (await createStores(config)).close();
    console.log(`schema is up to date (${config.dataDir}${config.databaseUrl ? ' and PostgreSQL' : ''})`);
  });

const keys = program.command('keys').description('API keys');
dataDirOption(keys.command('create').description('create an API key; prints the key alone on the last line')
  .requiredOption('--name <name>', 'what the key is for')
  .option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE)
  .option('--scopes <scopes...>', 'read, write, admin (default: all)'))
  .action(async (o: { name: string; workspace: string; scopes?: string[]; dataDir?: string }) => {
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      const scopes = o.scopes?.flatMap((x) => x.split(','));
      const { key, record } = await createApiKey(s.stores.meta, ws.id, o.name, scopes, s.now());
      console.log(`Created key ${record.id} (${record.prefix}…) for workspace ${ws.slug} with scopes ${record.scopes.join(', ')}. It is shown once:`);
      console.log(key);
    });
  });
dataDirOption(keys.command('list').description('list API keys').option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE))
  .action(async (o: { workspace: string; dataDir?: string }) => {
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      for (const k of (await s.stores.meta.listApiKeys(ws.id)).map(apiKeyView)) {
        console.log(`${k.id}  ${k.prefix}…  ${k.name}  [${k.scopes.join(',')}]  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`);
      }
    });
  });
dataDirOption(keys.command('revoke <id>').description('revoke an API key').option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE))
  .action(async (id: string, o: { workspace: string; dataDir?: string }) => {
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      if (!(await s.stores.meta.revokeApiKey(ws.id, id, s.now()))) throw new AppError('not_found', `API key ${JSON.stringify(id)} not found`);
      console.log(`revoked ${id}`);
    });
  });

const links = program.command('links').description('tracked links');
dataDirOption(links.command('create <url>').description('create a tracked link; prints its short URL on the last line')
  .option('--slug <slug>', 'custom slug').option('--title <title>', 'preview card title').option('--description <text>', 'preview card description')
  .option('--image <url>', 'preview card image').option('--community <id>', 'community id').option('--ambassador <id>', 'ambassador id')
  .option('--campaign <id>', 'campaign id').option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE))
  .action(async (url: string, o: { slug?: string; title?: string; description?: string; image?: string; community?: string; ambassador?: string; campaign?: string; workspace: string; dataDir?: string }) => {
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      const link = await s.links.create(ws.id, { url, slug: o.slug, title: o.title, description: o.description, image: o.image, community: o.community, ambassador: o.ambassador, campaign: o.campaign }, s.now());
      console.log(`Created ${link.id} → ${link.url}`);
      console.log(s.links.shortUrl(link));
    });
  });

const users = program.command('users').description('dashboard accounts');
dataDirOption(users.command('create').description('create a user with a role in a workspace')
  .requiredOption('--email <email>', 'email').requiredOption('--password <password>', 'password (10+ characters)')
  .addOption(new Option('--role <role>', 'role').choices(['owner', 'admin', 'member', 'viewer']).default('owner'))
  .option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE))
  .action(async (o: { email: string; password: string; role: Role; workspace: string; dataDir?: string }) => {
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      const user = await createUser(s.stores.meta, o.email, o.password, o.role, ws, s.now());
      console.log(`Created ${user.email} (${o.role} of ${ws.slug}); sign in at /app/login`);
    });
  });

dataDirOption(program.command('report').description('print the summary and top platforms for a period')
  .option('--from <date>', 'ISO date (default: 30 days ago)').option('--to <date>', 'ISO date (default: now)')
  .option('--tz <tz>', 'time zone', 'UTC').option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE).option('--json', 'print JSON'))
  .action(async (o: { from?: string; to?: string; tz: string; workspace: string; json?: boolean; dataDir?: string }) => {
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      const q = parseStatsQuery(ws.id, { from: o.from, to: o.to, tz: o.tz }, s.now());
      const summary = await getSummary(s.stores.events, q);
      const platforms = await getBreakdown(s.stores.events, q, 'platform', 10);
      const channels = await getBreakdown(s.stores.events, q, 'channel', 10);
      if (o.json) return console.log(JSON.stringify({ summary, platforms: platforms.rows, channels: channels.rows }, null, 2));
      console.log(`Lantern report for ${ws.slug}, ${new Date(q.from).toISOString().slice(0, 10)} → ${new Date(q.to).toISOString().slice(0, 10)}`);
      console.log(`  visits ${summary.visits}  visitors ${summary.visitors}  shares ${summary.shares}  joins ${summary.joins}  conversions ${summary.conversions}  revenue ${summary.revenue}`);
      console.log(`  dark social: ${(summary.darkSocialShare * 100).toFixed(1)} % of visits`);
      console.log('  by platform:');
      for (const r of platforms.rows) console.log(`    ${String(r.key).padEnd(12)} visits ${String(r.visits).padStart(7)}  shares ${String(r.shares).padStart(7)}`);
      console.log('  by channel:');
      for (const r of channels.rows) console.log(`    ${String(r.key).padEnd(12)} visits ${String(r.visits).padStart(7)}`);
    });
  });

dataDirOption(program.command('import-logs <files...>').description('import nginx/Apache combined access logs (clicks on short links and page views)')
  .option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE).option('--site <id>', 'site id for page views of your own site'))
  .action(async (files: string[], o: { workspace: string; site?: string; dataDir?: string }) => {
    const { importLogs } = await import('./import-logs.js');
    await withServices(o, async (s) => importLogs(s, files, o));
  });

dataDirOption(program.command('demo').description('fill a workspace with a realistic simulated month')
  .option('--workspace <slug>', 'workspace', DEFAULT_WORKSPACE).option('--seed <n>', 'random seed', '42'))
  .action(async (o: { workspace: string; seed: string; dataDir?: string }) => {
    const { runDemo } = await import('../demo/run-demo.js');
    await withServices(o, async (s) => {
      const ws = await getOrCreateWorkspace(s.stores.meta, o.workspace, s.now());
      await runDemo(s, ws, (line: string) => console.log(line), Number(o.seed));
    });
  });

/** Runs the CLI; failures print one line and exit non-zero. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof AppError || err instanceof ConfigError) console.error(`lantern: ${err.message}`);
    else console.error(`lantern: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exitCode = err instanceof ConfigError ? 78 : 1;
  }
}
