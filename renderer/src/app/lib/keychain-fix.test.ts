import { describe, expect, it } from 'vitest';
import { keychainFix } from './keychain-fix.ts';

describe('keychainFix', () => {
  it('Linux: install or start a Secret Service (GNOME Keyring or KeePassXC)', () => {
    const fix = keychainFix('linux');
    expect(fix.summary).toMatch(/Secret Service/);
    expect(fix.steps.join(' ')).toMatch(/gnome-keyring/);
    expect(fix.steps.join(' ')).toMatch(/KeePassXC/);
  });

  it('macOS and Windows: the keychain is part of the system; the advice is about access', () => {
    expect(keychainFix('darwin').steps[0]).toMatch(/Keychain Access/);
    expect(keychainFix('win32').summary).toMatch(/Credential Manager/);
  });
});
