// Load generation for benchmarks: wrk when installed (pinned to its own core), else autocannon; same tool for every variant.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult { rps: number; p50: number; p99: number; tool: string }

function has(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const PIN = has('taskset');
const WRK = has('wrk');

/** Parses wrk's latency figures ("1.23ms", "850.00us", "1.01s") into ms. */
function wrkMs(text: string, label: string): number {
  const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(text);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

/** A wrk Lua script that sends every request with `method` and `body`; returns its path. */
function wrkScript(method: string, body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lantern-wrk-')), 'request.lua');
  writeFileSync(file, `wrk.method = ${JSON.stringify(method)}\nwrk.body = ${JSON.stringify(body)}\n`);
  return file;
}

/** Runs `seconds` of load against `url` with `connections` connections and returns req/s, p50, p99 (ms). */
export async function runLoad(url: string, seconds: number, connections = 50, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<LoadResult> {
  if (WRK) {
    // wrk sends a body only from a Lua script: write one beside the run.
    const script = method === 'GET' ? [] : ['-s', wrkScript(method, body ?? '')];
    const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...script, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
    const cmd = PIN ? 'taskset' : 'wrk';
    const out = execFileSync(cmd, PIN ? ['-c', '1', 'wrk', ...args] : args, { encoding: 'utf8' });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
    return { rps, p50: wrkMs(out, '50%'), p99: wrkMs(out, '99%'), tool: 'wrk' };
  }
  const { default: autocannon } = await import('autocannon');
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers, method: method as 'GET', body }, (err, result) => {
      if (err) return reject(err);
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, tool: 'autocannon' });
    });
  });
}

/** Node flags of every server the benchmarks start, baselines included: the ones `npm start` runs Lantern with. */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * Spawns a server process (pinned to core 0 when possible) and resolves once it prints `readyText`. A Node server
 * (`command` is this Node) gets SERVER_NODE_FLAGS.
 */
export function spawnServer(command: string, args: string[], readyText: string, env: NodeJS.ProcessEnv = {}) {
  if (command === process.execPath) args = [...SERVER_NODE_FLAGS, ...args];
  const child = spawn(PIN ? 'taskset' : command, PIN ? ['-c', '0', command, ...args] : args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), 30_000);
    const on = (d: Buffer) => {
      out += d;
      if (out.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
  });
  return { child, ready, stop: () => new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
