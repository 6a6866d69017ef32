// The command an IDE entry runs to reach the hub: `<node> <abs>/bin/mcp-tray.js bridge --client ID`
// from a checkout, or the packaged app's own executable run as Node (set by the Electron shell).
// Absolute paths only: IDEs started from a desktop do not have the user's shell PATH.
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../paths.ts';

export interface BridgeLauncher {
  /** The executable: a Node binary, or the app run as Node. */
  readonly command: string;
  /** Arguments before `bridge`, e.g. the launcher script. */
  readonly args: readonly string[];
  /** Environment the entry must set (ELECTRON_RUN_AS_NODE=1 for the packaged app). */
  readonly env: Readonly<Record<string, string>>;
}

export const CHECKOUT_BIN = fileURLToPath(new URL('../../../bin/mcp-tray.js', import.meta.url));

export function checkoutLauncher(): BridgeLauncher {
  return { command: process.execPath, args: [CHECKOUT_BIN], env: {} };
}

export interface BridgeCommand {
  readonly command: string;
  readonly args: string[];
  readonly env: Record<string, string>;
}

/** The exact command and arguments to write into a client's config for `clientId` (and a profile, when one is named). */
export function bridgeCommand(launcher: BridgeLauncher, clientId: string, dataDir: string, profile?: string): BridgeCommand {
  const args = [...launcher.args, 'bridge', '--client', clientId];
  // The default data dir needs no flag; any other one must be named so the bridge finds this hub.
  if (dataDir !== defaultDataDir()) args.push('--data-dir', dataDir);
  if (profile !== undefined) args.push('--profile', profile);
  return { command: launcher.command, args, env: { ...launcher.env } };
}
