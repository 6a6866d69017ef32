// The output cap cuts between UTF-8 characters and says how much it left out.
import { describe, expect, it } from 'vitest';
import { capOutput } from './output-cap.ts';

describe('capOutput', () => {
  it('passes short output unchanged', () => {
    expect(capOutput('hello\n', 100)).toBe('hello\n');
  });

  it('cuts at the byte limit, never inside a character, and counts the rest', () => {
    const text = 'ab' + 'é'.repeat(10); // 2 + 20 bytes
    const out = capOutput(text, 5);
    expect(out).toBe('abé\n[truncated: 18 more bytes]');
  });

  it('says "more than" when the producer stopped early', () => {
    expect(capOutput('abcdef', 3, true)).toBe('abc\n[truncated: more than 3 more bytes]');
  });
});
