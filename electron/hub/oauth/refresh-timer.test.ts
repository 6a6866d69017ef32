import { describe, expect, it } from 'vitest';
import { refreshDelay } from './refresh-timer.ts';

describe('refreshDelay', () => {
  it('refreshes a fifth of the lifetime before expiry, at most a minute before', () => {
    expect(refreshDelay(0, 10_000, 0)).toBe(8000);
    expect(refreshDelay(0, 3_600_000, 0)).toBe(3_540_000);
    expect(refreshDelay(0, 3_600_000, 1_000_000)).toBe(2_540_000);
  });

  it('waits at least a second, also for a token already expired', () => {
    expect(refreshDelay(0, 10_000, 9_900)).toBe(1000);
    expect(refreshDelay(0, 10_000, 60_000)).toBe(1000);
  });
});
