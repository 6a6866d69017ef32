// What IDE entries run in the desktop app (BridgeLauncher, see shell-paths.ts for the choice).
// An AppImage runs from a temporary mount, so its bridge script is copied to the data dir first.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BridgeLauncher } from '../hub/clients/bridge-launcher.ts';
import { BRIDGE_ENTRY, desktopBridgeLauncher, stableBridgeDir, type ShellLayout } from './shell-paths.ts';

export interface IdeEntryInput {
  readonly layout: ShellLayout;
  readonly dataDir: string;
  readonly execPath: string;
  readonly appImage: string | undefined;
  readonly isPackaged: boolean;
}

export function ideEntryLauncher(input: IdeEntryInput): BridgeLauncher {
  let bridgeScript = input.layout.bridgeScript;
  if (input.appImage) {
    const stable = stableBridgeDir(input.dataDir);
    rmSync(stable, { recursive: true, force: true });
    cpSync(input.layout.bridgeDir, stable, { recursive: true });
    bridgeScript = path.join(stable, BRIDGE_ENTRY);
  }
  return desktopBridgeLauncher({ execPath: input.execPath, appImage: input.appImage, bridgeScript, isPackaged: input.isPackaged });
}
