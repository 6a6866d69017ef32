// Where the shell's files are, in a checkout (dist/ built by `npm run build:electron`) and in a
// packaged app (app.asar plus resources/), and what IDE entries run to reach the hub.
//
//   dist/electron/main.js, preload.cjs, assets/   ← app.asar in a packaged app
//   dist/renderer/                                ← app.asar
//   dist/servers/<kind>/main.js                   → resources/servers (run by Electron as Node)
//   dist/bridge/mcp-tray.mjs                      → resources/bridge  (the CLI; IDE entries of a checkout run)
//   dist/runtime/mcp-tray-runtime                 → resources/runtime (Node for IDE entries and servers)
import path from 'node:path';
import type { BridgeLauncher } from '../hub/clients/bridge-launcher.ts';
import type { NodeRuntime } from '../hub/server-registry/launch-plan.ts';
import type { TrayIconState } from './tray-state.ts';

export interface ShellLayout {
  readonly rendererDir: string;
  readonly preload: string;
  readonly assetsDir: string;
  readonly serversRoot: string;
  /** The bundled CLI an IDE entry runs (`… mcp-tray.mjs bridge --client ID`). */
  readonly bridgeDir: string;
  readonly bridgeScript: string;
  /** The app's own Node (a single executable application, electron/runtime/): what a packaged app's IDE entries and servers run. */
  readonly runtime: string;
}

export interface LayoutInput {
  /** The folder of the built main.js (dist/electron). */
  readonly mainDir: string;
  readonly isPackaged: boolean;
  /** `process.resourcesPath` of a packaged app. */
  readonly resourcesPath: string;
}

export const BRIDGE_ENTRY = 'mcp-tray.mjs';
export const RUNTIME_NAME = 'mcp-tray-runtime';

export function runtimeFileName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? `${RUNTIME_NAME}.exe` : RUNTIME_NAME;
}

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
    runtime: isPackaged ? path.join(resourcesPath, 'runtime', runtimeFileName()) : path.join(dist, 'runtime', runtimeFileName()),
  };
}

export interface LauncherInput {
  /** `process.execPath`: the app's executable (Electron's binary in a checkout). */
  readonly execPath: string;
  /** `$APPIMAGE`: the AppImage file, whose mount point (and so execPath) changes at every start. */
  readonly appImage?: string;
  readonly bridgeScript: string;
  /** The runtime a packaged app's entries run (for an AppImage: its copy outside the mount). */
  readonly runtime: string;
  readonly isPackaged: boolean;
}

/**
 * A packaged app ships with Electron's runAsNode fuse off (docs/security.md): its IDE entries run
 * the app's own Node runtime (`resources/runtime/mcp-tray-runtime bridge --client ID`), no Node is
 * needed on the machine, and no environment variable turns the app itself into Node. The entry
 * names the app in MCP_TRAY_APP, so the bridge can start it when its hub is not running
 * (docs/gateway.md); an AppImage is named by its stable file.
 * A development run (Electron's binary + dist/electron/main.js, fuses untouched) keeps running
 * Electron as Node with the bundled CLI, and does not offer to start itself.
 */
export function desktopBridgeLauncher(input: LauncherInput): BridgeLauncher {
  if (input.isPackaged) return { command: input.runtime, args: [], env: { MCP_TRAY_APP: input.appImage ?? input.execPath } };
  return { command: input.appImage ?? input.execPath, args: [input.bridgeScript], env: { ELECTRON_RUN_AS_NODE: '1' } };
}

/** What runs the bundled servers: the packaged app's runtime; undefined in a development run (the hub's default). */
export function bundledServerRuntime(layout: ShellLayout, isPackaged: boolean): NodeRuntime | undefined {
  return isPackaged ? { command: layout.runtime, env: {} } : undefined;
}

/** Where an AppImage copies the runtime so IDE entries do not point into its temporary mount. */
export function stableBridgeDir(dataDir: string): string {
  return path.join(dataDir, 'app-bridge');
}

/** The tray image for a state; macOS gets a template image (tinted by the menu bar) when normal. */
export function trayIconPath(assetsDir: string, state: TrayIconState, platform: NodeJS.Platform): string {
  if (state === 'normal' && platform === 'darwin') return path.join(assetsDir, 'trayTemplate.png');
  return path.join(assetsDir, `tray-${state}.png`);
}
