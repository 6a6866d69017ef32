// MCP Tray's Electron main process (docs/desktop-app.md), as a table of contents: the hub (electron/hub/) does
// the work; each step below is one small module of electron/shell/. Pure parts (menu, options,
// policies) are tested under Node; what touches Electron is a thin adapter.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { Hub } from './hub/hub.ts';
import { APP_SCHEME_PRIVILEGES } from './shell/app-protocol.ts';
import { serveAppProtocol } from './shell/app-protocol-handler.ts';
import { notifyApprovals } from './shell/approval-notifier.ts';
import { createAppUpdates } from './shell/app-updater.ts';
import { openExternalPage } from './shell/open-external.ts';
import { secureSession } from './shell/content-security.ts';
import { registerControlIpc } from './shell/control-ipc.ts';
import { installE2eHooks, trayHooks } from './shell/e2e-hooks.ts';
import { ideEntryLauncher } from './shell/ide-entry-launcher.ts';
import { parseLaunchOptions } from './shell/launch-options.ts';
import { syncLoginItem } from './shell/login-item-sync.ts';
import { MainWindow } from './shell/main-window.ts';
import { createQuitter } from './shell/quit.ts';
import { electronSettingsBackend } from './shell/electron-store-backend.ts';
import { bundledServerRuntime, shellLayout } from './shell/shell-paths.ts';
import { TrayController } from './shell/tray-controller.ts';
import { installProcessLastResort } from './hub/util/last-resort.ts';
import { keepYoungGenerationSmall } from './hub/util/young-generation.ts';
import type { ControlCall } from './hub/contract/contract.ts';

// The hub lives in this process for days, mostly idle: before start-up work grows V8's young generation.
keepYoungGenerationSmall();

const APP_ID = 'dev.mcptray.app';
const MAIN_DIR = path.dirname(fileURLToPath(import.meta.url));
const defaultDataDir = path.resolve(app.getPath('userData'));
const launch = parseLaunchOptions(process.argv, process.env, defaultDataDir);

// ── One data dir, one instance per data dir ─────────────────────────────────────────────────────
// Chromium's own files go to a subfolder of the data dir, which the headless hub shares.
app.setPath('userData', launch.dataDir);
app.setPath('sessionData', path.join(launch.dataDir, 'chromium'));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  // ── A tray app: no Dock icon (LSUIElement in the packaged app), no quitting when the window closes
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('window-all-closed', () => undefined);
  app.whenReady().then(startShell).catch(fatal);
}

async function startShell(): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide();
  const layout = shellLayout({ mainDir: MAIN_DIR, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  const report = (message: string) => process.stderr.write(`mcp-tray: ${message}\n`);

  // ── Updates (electron-updater): the hub carries their status; quitting installs them ──────────
  let hubRef: Hub | undefined;
  let quitRef: (() => Promise<void>) | undefined;
  const channelListeners: Array<() => void> = [];
  const updates = createAppUpdates({
    app,
    platform: process.platform,
    env: process.env,
    resourcesPath: process.resourcesPath,
    channel: () => hubRef?.settings.get().updateChannel ?? 'stable',
    onChannelChange: (listener) => void channelListeners.push(listener),
    quit: () => quitRef?.() ?? Promise.resolve(),
    report,
  });

  // ── The hub, with Electron's settings backend, the app's own bridge launcher and Node runtime ──
  // (a packaged app has the runAsNode fuse off: entries and servers run resources/runtime).
  const hub = await Hub.start({
    dataDir: launch.dataDir,
    settingsBackend: electronSettingsBackend,
    serversRoot: layout.serversRoot,
    node: bundledServerRuntime(layout, app.isPackaged),
    updates,
    uiDir: layout.rendererDir,
    refreshIdeEntriesFor: app.isPackaged ? app.getVersion() : undefined,
    bridgeLauncher: ideEntryLauncher({ layout, dataDir: launch.dataDir, execPath: process.execPath, appImage: process.env.APPIMAGE, isPackaged: app.isPackaged, appVersion: app.getVersion() }),
    // A remote server's sign-in page: the default browser, never the app's window.
    openUrl: (url) => openExternalPage(shell, url),
  });
  // Nothing a client sends may end the app (and every server with it): what no handler caught is
  // recorded in the hub's problems and on stderr instead; hub/util/last-resort.ts says why.
  installProcessLastResort(hub.report);
  hubRef = hub;
  hub.settings.onChange(() => channelListeners.forEach((listener) => listener()));
  const call: ControlCall = (method, ...args) => hub.dispatcher.call(method, ...args);
  const subscribe = hub.events.subscribe.bind(hub.events);

  // ── The window: locked-down session, the UI on mcp-tray://app/, the control API over IPC ─────
  secureSession(session.defaultSession);
  serveAppProtocol(protocol, layout.rendererDir);
  const window = new MainWindow({ preload: layout.preload, icon: path.join(layout.assetsDir, 'icon.png') });
  registerControlIpc(ipcMain, {
    dispatch: (method, params) => hub.dispatcher.dispatch(method, params),
    isTrustedSender: (sender) => window.isOwnSender(sender),
    subscribe,
    eventSink: () => window.eventSink(),
  });

  // ── Quitting stops every server first ─────────────────────────────────────────────────────────
  let tray: TrayController | undefined;
  const quitter = createQuitter({
    beforeStop: () => {
      window.allowClose();
      tray?.destroy();
    },
    stopHub: () => hub.stop(),
    // A downloaded update installs now that every server is stopped ("Restart now", or on quit).
    afterStop: (code) => updates.afterHubStopped(code),
    exit: (code) => app.exit(code),
    report,
  });
  quitRef = () => quitter.quit();
  app.on('before-quit', (event) => {
    // After the hub stopped, the updater quits the app to restart it into the new version.
    if (quitter.stopped) return;
    event.preventDefault();
    void quitter.quit();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void quitter.quit());
  // Started again by the user: show the window (a bridge's `--background` start needs nothing).
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes('--background')) window.show();
  });

  // ── Tray, approval notifications, start at login ──────────────────────────────────────────────
  tray = new TrayController({ call, subscribe, assetsDir: layout.assetsDir, openWindow: (route) => window.show(route), quit: () => quitter.quit() });
  notifyApprovals({
    subscribe,
    decide: (id, decision) => call('approvals.decide', { id, decision }),
    openWindow: (route) => window.show(route),
    windowFocused: () => window.isFocused(),
  });
  syncLoginItem({
    startAtLogin: () => hub.settings.get().startAtLogin,
    onSettingsChanged: (listener) => hub.settings.onChange(listener),
    extraArgs: launch.dataDir === defaultDataDir ? [] : ['--data-dir', launch.dataDir],
    report,
  });
  for (const problem of hub.problems) report(problem);
  // In the background: a minute after start, then every six hours.
  updates.checkPeriodically(60_000, 6 * 3600_000);

  const shownTray = tray;
  installE2eHooks(process.env, { dataDir: launch.dataDir, ...trayHooks(() => shownTray.model), openWindow: (route) => window.show(route) });

  const openedAtLogin = process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  if (!launch.background && !openedAtLogin) window.show();
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('MCP Tray could not start', `${message}\n\nIf "mcp-tray serve" is running for the same data folder (${launch.dataDir}), stop it first.`);
  app.exit(1);
}
