// The tracker's build gate and static guarantees; its behaviour in a browser is tested in test/tracker.browser.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'lantern-build-'));
let builds = 0;

function buildTracker(...args: string[]): { status: number | null; stdout: string; stderr: string; outfile: string } {
  const outfile = join(workDir, `lantern-${++builds}.js`);
  const run = spawnSync(process.execPath, ['scripts/build-tracker.js', `--outfile=${outfile}`, ...args], {
    cwd: root, encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outfile };
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('scripts/build-tracker.js', () => {
  it('writes one minified script, prints its raw and gzipped sizes, and stays within 1200 bytes gzipped', () => {
    const { status, stdout, outfile } = buildTracker();
    expect(status).toBe(0);
    const code = readFileSync(outfile);
    const printed = /(\d+) bytes raw, (\d+) bytes gzipped/.exec(stdout);
    expect(printed?.slice(1).map(Number)).toEqual([code.length, gzipSync(code).length]);
    expect(gzipSync(code).length).toBeLessThanOrEqual(1200);
    expect(code.toString()).toMatch(/^\(\(\)=>\{.*\}\)\(\);\n?$/s); // one IIFE: no globals but window.lantern
  });

  it('exits non-zero and says so when the gzipped size is over budget', () => {
    const { status, stderr } = buildTracker('--max-gzip=500');
    expect(status).toBe(1);
    expect(stderr).toMatch(/over its 500-byte budget/);
  });
});

describe('tracker/lantern.ts', () => {
  it('type-checks strictly against ES2017 and the DOM alone (no newer built-ins slip past the es2017 target)', () => {
    const program = ts.createProgram([join(root, 'tracker/lantern.ts')], {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2017, lib: ['lib.es2017.d.ts', 'lib.dom.d.ts'], types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  it('never touches device storage: no cookies, Web Storage or IndexedDB', () => {
    const code = readFileSync(buildTracker().outfile, 'utf8');
    for (const api of ['cookie', 'localStorage', 'sessionStorage', 'indexedDB', 'caches']) expect(code).not.toContain(api);
  });
});
