#!/usr/bin/env node
// The `lantern` command: runs the compiled CLI (npm install builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('lantern: not built yet; run `npm run build` (npm install does it) first');
  process.exit(1);
}
const { runCli } = await import(cli);
await runCli(process.argv);
