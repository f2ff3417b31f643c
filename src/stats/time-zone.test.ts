import { expect, test } from 'vitest';
import { localBucketStart, offsetAt, offsetSegments, utcOfLocal, validateTimeZone } from './time-zone.js';

test('offsets follow daylight saving time in Paris', () => {
  expect(offsetAt('Europe/Paris', Date.parse('2026-01-15T12:00:00Z'))).toBe(3600_000);
  expect(offsetAt('Europe/Paris', Date.parse('2026-07-15T12:00:00Z'))).toBe(7200_000);
  expect(offsetAt('Asia/Kathmandu', Date.parse('2026-07-15T12:00:00Z'))).toBe(5.75 * 3600_000);
});

test('the autumn transition is found to the minute', () => {
  const segs = offsetSegments('Europe/Paris', Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-10-30T00:00:00Z'));
  expect(segs).toHaveLength(2);
  expect(new Date(segs[0].until).toISOString()).toBe('2026-10-25T01:00:00.000Z');
  expect(segs[0].offset).toBe(7200_000);
  expect(segs[1].offset).toBe(3600_000);
});

test('local midnight maps to the right UTC instant', () => {
  expect(new Date(utcOfLocal('Europe/Paris', Date.parse('2026-11-25T00:00:00Z'))).toISOString()).toBe('2026-11-24T23:00:00.000Z');
  expect(new Date(utcOfLocal('America/New_York', Date.parse('2026-07-04T00:00:00Z'))).toISOString()).toBe('2026-07-04T04:00:00.000Z');
  expect(localBucketStart('Europe/Paris', Date.parse('2026-11-24T23:30:00Z'), 86_400_000)).toBe(Date.parse('2026-11-25T00:00:00Z'));
});

test('an unknown time zone is refused with its name', () => {
  expect(() => validateTimeZone('Mars/Olympus')).toThrow(/Mars\/Olympus/);
});
