import { describe, expect, it } from 'vitest';
import { heldReason } from './held-tools.ts';

describe('held tool reason', () => {
  it('names the changed fields, a read-only flip and a rejection', () => {
    expect(heldReason({ kind: 'changed', fields: ['description'], becomesReadOnly: false, rejected: false })).toBe('Changed since you trusted it: description');
    expect(heldReason({ kind: 'changed', fields: ['annotations'], becomesReadOnly: true, rejected: true })).toBe(
      'Changed since you trusted it: annotations; it would now claim to be read-only (callable without write mode); you rejected this definition',
    );
    expect(heldReason({ kind: 'new', fields: ['new tool'], becomesReadOnly: false, rejected: false })).toBe('New tool, not yet trusted');
  });
});
