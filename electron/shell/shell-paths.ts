// Where the shell's files are, in a checkout (dist/ built by `npm run build:electron`) and in a
// packaged app (app.asar plus resources/), and what IDE entries run to reach the hub.
//
//   dist/electron/main.js, preload.cjs, assets/   ← app.asar in a packaged app
//   dist/renderer/                                ← app.asar
//   dist/servers/<kind>/main.js                   → resources/servers (run by Electron as Node)
//   dist/bridge/mcp-tray.mjs                      → resources/bridge  (what IDE entries run)
import path from 'node:path';
import type { BridgeLauncher } from '../hub/clients/bridge-launcher.ts';
import type { TrayIconState } from './tray-state.ts';

export interface ShellLayout {
  readonly rendererDir: string;
  readonly preload: string;
  readonly assetsDir: string;
  readonly serversRoot: string;
  /** The bundled CLI an IDE entry runs (`… mcp-tray.mjs bridge --client ID`). */
  readonly bridgeDir: string;
  readonly bridgeScript: string;
}

export interface LayoutInput {
  /** The folder of the built main.js (dist/electron). */
  readonly mainDir: string;
  readonly isPackaged: boolean;
  /** `process.resourcesPath` of a packaged app. */
  readonly resourcesPath: string;
}

export const BRIDGE_ENTRY = 'mcp-tray.mjs';

export function shellLayout({ mainDir, isPackaged, resourcesPath }: LayoutInput): ShellLayout {
  const dist = path.dirname(mainDir);
  const bridgeDir = isPackaged ? path.join(resourcesPath, 'bridge') : path.join(dist, 'bridge');
  return {
    rendererDir: path.join(dist, 'renderer'),
    preload: path.join(mainDir, 'preload.cjs'),
    assetsDir: path.join(mainDir, 'assets'),
    serversRoot: isPackaged ? path.join(resourcesPath, 'servers') : path.join(dist, 'servers'),
    bridgeDir,
    bridgeScript: path.join(bridgeDir, BRIDGE_ENTRY),
  };
}

export interface LauncherInput {
  /** `process.execPath`: the app's executable (Electron's binary in a checkout). */
  readonly execPath: string;
  /** `$APPIMAGE`: the AppImage file, whose mount point (and so execPath) changes at every start. */
  readonly appImage?: string;
  readonly bridgeScript: string;
  readonly isPackaged: boolean;
}

/**
 * IDE entries run the app's own executable as Node (ELECTRON_RUN_AS_NODE=1) with the bundled CLI:
 * no separate Node is needed on the machine. A packaged app also names itself in MCP_TRAY_APP, so
 * the bridge can start the app when its hub is not running (docs/gateway.md). An AppImage is run through
 * its stable file, with the bridge script copied out of the mount (see stableBridgeDir).
 */
export function desktopBridgeLauncher(input: LauncherInput): BridgeLauncher {
  const command = input.appImage ?? input.execPath;
  return {
    command,
    args: [input.bridgeScript],
    env: { ELECTRON_RUN_AS_NODE: '1', ...(input.isPackaged ? { MCP_TRAY_APP: command } : {}) },
  };
}

/** Where an AppImage copies the bridge so IDE entries do not point into its temporary mount. */
export function stableBridgeDir(dataDir: string): string {
  return path.join(dataDir, 'app-bridge');
}

/** The tray image for a state; macOS gets a template image (tinted by the menu bar) when normal. */
export function trayIconPath(assetsDir: string, state: TrayIconState, platform: NodeJS.Platform): string {
  if (state === 'normal' && platform === 'darwin') return path.join(assetsDir, 'trayTemplate.png');
  return path.join(assetsDir, `tray-${state}.png`);
}
