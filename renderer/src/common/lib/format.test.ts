// How numbers, times and sizes read in the views.
import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatClock, formatDuration, formatSpan } from './format.ts';

describe('format', () => {
  it('durations: ms under a second, seconds with decimals, then spans', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
  });

  it('spans: the two largest units', () => {
    expect(formatSpan(-5)).toBe('0 s');
    expect(formatSpan(59_999)).toBe('59 s');
    expect(formatSpan(3 * 3600_000 + 12 * 60_000 + 5000)).toBe('3 h 12 min');
    expect(formatSpan(2 * 86_400_000 + 5 * 3600_000)).toBe('2 d 5 h');
  });

  it('sizes in B, KB, MB', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8.0 MB');
  });

  it('clock time with milliseconds, in local time', () => {
    const at = new Date(2026, 0, 2, 14, 3, 22, 481).toISOString();
    expect(formatClock(at)).toBe('14:03:22.481');
  });

  it('"just now" under five seconds, else how long ago', () => {
    const now = Date.parse('2026-01-02T10:00:00Z');
    expect(formatAgo('2026-01-02T09:59:57Z', now)).toBe('just now');
    expect(formatAgo('2026-01-02T09:55:00Z', now)).toBe('5 min 00 s ago');
  });
});
