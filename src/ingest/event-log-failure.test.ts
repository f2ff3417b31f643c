// A write that fails half-way (a full disk) must not leave a partial line for the next write to join.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EventLog, segmentName } from './event-log.js';

const failure = vi.hoisted(() => ({ next: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = (fd: number, data: Buffer, offset: number, length: number) => {
    if (!failure.next) return fs.writeSync(fd, data, offset, length);
    failure.next = false;
    fs.writeSync(fd, data, offset, Math.floor(length / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return { ...fs, writeSync, default: { ...fs, writeSync } };
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const append = (log: EventLog, text: string) => new Promise<void>((res, rej) => log.append(text, (e) => (e ? rej(e) : res())));

describe('event log write failure', () => {
  test('the failed lines are refused and cut away; the next ones land whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-log-fail-'));
    dirs.push(dir);
    const log = new EventLog(dir);
    await append(log, '["first"]\n');
    failure.next = true;
    await expect(append(log, '["refused-1"]\n["refused-2"]\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    await append(log, '["after"]\n');
    await log.close();
    expect(readFileSync(join(dir, segmentName(1)), 'utf8')).toBe('["first"]\n["after"]\n');
  });
});
