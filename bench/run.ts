// `npm run bench`: every benchmark, each reported as a ratio to a baseline measured in the same run.
import { benchRedirect } from './redirect.js';

const only = process.argv[2];
const sections: [string, () => Promise<string[]>][] = [
  ['redirect', () => benchRedirect()],
  ['classify', async () => (await import('./classify.js')).benchClassify()],
  ['collect', async () => (await import('./collect.js')).benchCollect()],
  ['alerts', async () => (await import('./alerts.js')).benchAlerts()],
  ['clickhouse', async () => (await import('./clickhouse.js')).benchClickhouse()],
];

for (const [name, run] of sections) {
  if (only && only !== name) continue;
  try {
    for (const line of await run()) console.log(line);
  } catch (err) {
    console.log(`${name}: failed — ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  console.log();
}
