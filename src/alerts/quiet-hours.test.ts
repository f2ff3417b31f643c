import { describe, expect, it } from 'vitest';
import { isQuietAt, validateQuietHours } from './quiet-hours.js';

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00', tz: 'Europe/Paris' };

  it('a window that wraps midnight is quiet late at night and early in the morning, local time', () => {
    // 2026-01-07 is in winter: Paris is UTC+1.
    expect(isQuietAt(night, Date.UTC(2026, 0, 7, 21, 0))).toBe(true); // 22:00 Paris
    expect(isQuietAt(night, Date.UTC(2026, 0, 7, 5, 59))).toBe(true); // 06:59 Paris
    expect(isQuietAt(night, Date.UTC(2026, 0, 7, 6, 0))).toBe(false); // 07:00 Paris
    expect(isQuietAt(night, Date.UTC(2026, 0, 7, 20, 59))).toBe(false); // 21:59 Paris
  });

  it('follows daylight saving time', () => {
    // 2026-07-01: Paris is UTC+2, so 20:30 UTC is 22:30 there.
    expect(isQuietAt(night, Date.UTC(2026, 6, 1, 20, 30))).toBe(true);
    expect(isQuietAt(night, Date.UTC(2026, 0, 1, 20, 30))).toBe(false);
  });

  it('a daytime window, an empty window and no window', () => {
    const lunch = { start: '12:00', end: '14:00', tz: 'UTC' };
    expect(isQuietAt(lunch, Date.UTC(2026, 0, 7, 13, 0))).toBe(true);
    expect(isQuietAt(lunch, Date.UTC(2026, 0, 7, 14, 0))).toBe(false);
    expect(isQuietAt({ start: '09:00', end: '09:00', tz: 'UTC' }, Date.UTC(2026, 0, 7, 9, 0))).toBe(false);
    expect(isQuietAt(null, 0)).toBe(false);
  });

  it('refuses malformed times and unknown zones, naming the field', () => {
    expect(() => validateQuietHours({ ...night, start: '24:00' })).toThrow(/quietHours.start "24:00"/);
    expect(() => validateQuietHours({ ...night, tz: 'Mars/Olympus' })).toThrow(/quietHours.tz "Mars\/Olympus"/);
  });
});
