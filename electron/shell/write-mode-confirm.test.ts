import { describe, expect, it } from 'vitest';
import { isConfirmed, writeModeDialog } from './write-mode-confirm.ts';

describe('write mode confirmation dialog', () => {
  it('defaults to Cancel for both modes, so Enter or Escape turns nothing on', () => {
    for (const mode of ['ask', 'allow'] as const) {
      const dialog = writeModeDialog('Git', mode);
      expect(dialog.buttons![dialog.defaultId!]).toBe('Cancel');
      expect(dialog.cancelId).toBe(dialog.defaultId);
    }
  });

  it('warns more strongly for "allow" and needs its checkbox as well', () => {
    const allow = writeModeDialog('Git', 'allow');
    expect(allow.type).toBe('warning');
    expect(writeModeDialog('Git', 'ask').type).toBe('question');
    expect(allow.detail).toMatch(/no approval/);
    // The checkbox is in the dialog, unticked, and without it the answer is no.
    expect(allow.checkboxLabel).toMatch(/without my approval/);
    expect(allow.checkboxChecked).toBe(false);
    expect(isConfirmed('allow', { response: 1, checkboxChecked: false })).toBe(false);
    expect(isConfirmed('allow', { response: 1, checkboxChecked: true })).toBe(true);
    expect(isConfirmed('allow', { response: 0, checkboxChecked: true })).toBe(false);
  });

  it('turns "ask" on with the confirm button alone', () => {
    expect(writeModeDialog('Git', 'ask').checkboxLabel).toBeUndefined();
    expect(isConfirmed('ask', { response: 1, checkboxChecked: false })).toBe(true);
    expect(isConfirmed('ask', { response: 0, checkboxChecked: false })).toBe(false);
  });
});
