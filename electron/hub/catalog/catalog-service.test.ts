import { describe, expect, it } from 'vitest';
import { isNewer } from './catalog-service.ts';

describe('catalog update check', () => {
  it.each([
    ['1.2.0', '1.1.9', true],
    ['1.10.0', '1.9.0', true],
    ['1.0.0', '1.0.0-beta.2', true],
    ['v1.0.0', '1.0.0', false],
    ['1.0.0', '1.0.1', false],
    ['2025-12-01', '2025-11-30', true],
  ])('%s is newer than %s: %s', (candidate, installed, expected) => expect(isNewer(candidate, installed)).toBe(expected));
});
