import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.ts';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => expect(unifiedDiff('a\n', 'a\n', 'f', 'f')).toBe(''));

  it('shows an insertion with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n') + '\n';
    const after = ['1', '2', '3', '4', '4.5', '5', '6', '7', '8'].join('\n') + '\n';
    expect(unifiedDiff(before, after, 'a', 'b')).toBe('--- a\n+++ b\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+4.5\n 5\n 6\n 7\n');
  });

  it('handles a created file and a missing final newline', () => {
    expect(unifiedDiff('', 'x\n', 'f', 'f')).toBe('--- f\n+++ f\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('x', 'x\n', 'f', 'f')).toContain('\\ No newline at end of file');
  });
});
