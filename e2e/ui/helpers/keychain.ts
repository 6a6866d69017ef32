// Reads the real OS keychain (gnome-keyring in the test's private D-Bus session) the way a user
// would check it: secret-tool. @napi-rs/keyring keeps the account in the attribute "username".
import { execFile } from 'node:child_process';

export const KEYCHAIN_SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? 'mcp-tray';

/** The stored value, or undefined when there is none. */
export function keychainLookup(account: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('secret-tool', ['lookup', 'service', KEYCHAIN_SERVICE, 'username', account], (error, stdout) => resolve(error ? undefined : stdout));
  });
}
