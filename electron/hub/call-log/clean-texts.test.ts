import { describe, expect, it } from 'vitest';
import { CleanTexts } from './clean-texts.ts';

describe('clean texts (scanned once, found free of secret shapes)', () => {
  it('remembers a text, drops the oldest past its size and never keeps a long text', () => {
    const texts = new CleanTexts(2, 10);
    texts.add('a');
    texts.add('b');
    expect(texts.has('a')).toBe(true);
    texts.add('c');
    expect(texts.has('a')).toBe(false);
    expect(texts.has('b') && texts.has('c')).toBe(true);
    texts.add('x'.repeat(11));
    expect(texts.has('x'.repeat(11))).toBe(false);
    expect(texts.size).toBe(2);
  });
});
