// Builds the browser tracker (tracker/lantern.ts) into one minified file and fails when it outgrows its gzip budget.
// Usage: node scripts/build-tracker.js [--outfile=PATH] [--max-gzip=BYTES]   (defaults: dist/public/lantern.js, 1200)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outfile: { type: 'string' }, 'max-gzip': { type: 'string' } } });
const outfile = resolve(values.outfile ?? resolve(root, 'dist/public/lantern.js'));
const maxGzip = Number(values['max-gzip'] ?? 1200);
if (!Number.isInteger(maxGzip) || maxGzip <= 0) {
  console.error(`build-tracker: --max-gzip must be a positive whole number of bytes, got "${values['max-gzip']}"`);
  process.exit(2);
}

const result = await build({
  entryPoints: [resolve(root, 'tracker/lantern.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2017',
  legalComments: 'none',
  // The repo's tsconfig (strict) would add a "use strict" prologue: bytes the tracker does not need.
  tsconfigRaw: {},
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
await mkdir(dirname(outfile), { recursive: true });
await writeFile(outfile, code);

// zlib's default level (6), as most servers compress: the size visitors actually download.
const gzipped = gzipSync(code).length;
console.log(`build-tracker: ${outfile}: ${code.length} bytes raw, ${gzipped} bytes gzipped (budget ${maxGzip})`);
if (gzipped > maxGzip) {
  console.error(`build-tracker: the tracker is ${gzipped} bytes gzipped, over its ${maxGzip}-byte budget`);
  process.exit(1);
}
