import { describe, expect, it } from 'vitest';
import { describeUnexpected, guarded, throttledReporter } from './last-resort.ts';

describe('last resort', () => {
  it('a guarded handler reports a throw instead of passing it on', () => {
    const seen: string[] = [];
    const handler = guarded('a test', (where, error) => seen.push(`${where}: ${(error as Error).message}`), () => {
      throw new URIError('URI malformed');
    });
    expect(() => handler()).not.toThrow();
    expect(seen).toEqual(['a test: URI malformed']);
  });

  it('writes at most 20 lines a minute, counts the rest, and ignores peers that went away', () => {
    let now = 0;
    const lines: string[] = [];
    const report = throttledReporter((line) => lines.push(line), () => now);
    report('HTTP', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    expect(lines).toEqual([]);
    for (let i = 0; i < 25; i++) report('HTTP', new Error(`bad ${i}`));
    expect(lines).toHaveLength(20);
    now = 61_000;
    report('HTTP', new Error('later'));
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(/later.*\(5 more held back in the last minute\)$/);
  });

  it('describes an error on one line with where it was thrown', () => {
    const text = describeUnexpected(new TypeError('x is undefined'));
    expect(text).toMatch(/^TypeError: x is undefined \(at .+\)$/);
    expect(text).not.toContain('\n');
  });
});
