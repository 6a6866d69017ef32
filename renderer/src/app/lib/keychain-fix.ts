// What to do when the OS keychain is unavailable, for the hub's OS. On Linux it means no Secret
// Service is running (a desktop without GNOME's keyring, a server, a container); on macOS and
// Windows the keychain is part of the system, so this is rare and the advice is about access.
export interface KeychainFix {
  readonly summary: string;
  readonly steps: readonly string[];
}

export function keychainFix(platform: string | undefined): KeychainFix {
  if (platform === 'darwin') {
    return {
      summary: 'macOS always has a login keychain: it is locked, or MCP Tray was refused access.',
      steps: ['Open Keychain Access and unlock the "login" keychain.', 'If macOS asked whether MCP Tray may use the keychain, allow it.', 'Then restart MCP Tray.'],
    };
  }
  if (platform === 'win32') {
    return {
      summary: 'Windows always has the Credential Manager: it refused MCP Tray (a policy, or a roaming profile not loaded yet).',
      steps: ['Sign out and in again, so that your profile is fully loaded.', 'Ask your administrator whether Credential Manager is restricted.', 'Then restart MCP Tray.'],
    };
  }
  return {
    summary: 'Linux keeps secrets in a Secret Service, and none is running for this session.',
    steps: [
      'Install and start GNOME Keyring: sudo apt install gnome-keyring (it starts with most desktop sessions; log out and in once).',
      "Or use KeePassXC: Tools → Settings → Secret Service Integration, and enable it for a database.",
      'Without a desktop (a server, SSH): run MCP Tray inside dbus-run-session with gnome-keyring-daemon --unlock.',
      'Then restart MCP Tray.',
    ],
  };
}
