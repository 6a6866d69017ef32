import { describe, expect, it } from 'vitest';
import { optionLabel, setupNeeded } from './option-labels.ts';

describe('option labels', () => {
  it('names the bundled servers\' options in words', () => {
    expect(optionLabel('roots', true)).toEqual({ label: 'Folders it may read', hint: 'Comma-separated; nothing outside them is reachable' });
    expect(optionLabel('statementTimeoutMs', false).label).toBe('Statement time limit (ms)');
    expect(optionLabel('someNewOption', true)).toEqual({ label: 'Some New Option', hint: 'Comma-separated' });
  });
});

describe('setupNeeded', () => {
  const postgres = { secrets: [{ name: 'POSTGRES_URL', set: false }], state: 'disabled', toolCounts: { read: 0, write: 0 } };
  it('says what to set instead of "0 read · 0 write" for a server that never ran for want of a secret', () => {
    expect(setupNeeded(postgres)).toBe('Not set up: set POSTGRES_URL under Secrets, then enable it');
    expect(setupNeeded({ ...postgres, state: 'stopped' })).toBe('Not set up: set POSTGRES_URL under Secrets');
  });
  it('says nothing once the secret is set or the server has listed tools', () => {
    expect(setupNeeded({ ...postgres, secrets: [{ name: 'POSTGRES_URL', set: true }] })).toBeUndefined();
    expect(setupNeeded({ ...postgres, toolCounts: { read: 3, write: 1 } })).toBeUndefined();
  });
});
