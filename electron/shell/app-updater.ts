// The desktop app's updates (docs/updates.md) with electron-updater, the updater made for
// electron-builder's feeds: it reads the feed from resources/app-update.yml, downloads in the
// background, checks the download's sha512 from the feed (and on Windows the installer's
// Authenticode signature against the app's publisher; on macOS Squirrel.Mac checks the code
// signature), and installs on quit or on "Restart now". The hub only carries the status
// (hub/updates/update-source.ts): this module is the one that imports electron-updater.
//
// Quitting is ours (shell/quit.ts): electron-updater is given an app adapter whose quit goes
// through the quitter, and whose "on quit" handlers run after the hub has stopped every server.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import electronUpdater from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import type { UpdateStatus } from '../hub/contract/api/updates.ts';
import { unsupportedUpdates, type UpdateSource } from '../hub/updates/update-source.ts';
import { initialStatus, nextStatus, type UpdaterEvent } from './update-status.ts';

const { AppImageUpdater, MacUpdater, NsisUpdater } = electronUpdater;

/** The parts of Electron's `app` the updater uses. */
export interface UpdaterApp {
  readonly isPackaged: boolean;
  getVersion(): string;
  getName(): string;
  getPath(name: 'userData'): string;
  whenReady(): Promise<unknown>;
  relaunch(): void;
  quit(): void;
}

/** electron-updater's view of the app: Electron's app, with quitting and "on quit" owned by the shell. */
export class ShellAppAdapter implements AppAdapter {
  readonly #app: UpdaterApp;
  readonly #resourcesPath: string;
  readonly #onQuit: Array<(exitCode: number) => void> = [];

  constructor(app: UpdaterApp, resourcesPath: string) {
    this.#app = app;
    this.#resourcesPath = resourcesPath;
  }
  get version() {
    return this.#app.getVersion();
  }
  get name() {
    return this.#app.getName();
  }
  get isPackaged() {
    return this.#app.isPackaged;
  }
  get appUpdateConfigPath() {
    return path.join(this.#resourcesPath, 'app-update.yml');
  }
  get userDataPath() {
    return this.#app.getPath('userData');
  }
  get baseCachePath() {
    return appCacheDir();
  }
  whenReady(): Promise<void> {
    return this.#app.whenReady().then(() => undefined);
  }
  relaunch(): void {
    this.#app.relaunch();
  }
  quit(): void {
    this.#app.quit();
  }
  onQuit(handler: (exitCode: number) => void): void {
    this.#onQuit.push(handler);
  }
  /** Runs what electron-updater asked to do on quit (install a downloaded update), after the hub stopped. */
  runQuitHandlers(exitCode: number): void {
    for (const handler of this.#onQuit.splice(0)) handler(exitCode);
  }
}

/** Where electron-updater keeps downloads, per OS (its own rule). */
function appCacheDir(): string {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
}

export interface UpdaterContext {
  readonly app: UpdaterApp;
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly resourcesPath: string;
  channel(): UpdateStatus['channel'];
  onChannelChange(listener: () => void): void;
  /** The shell's quitter: stops every server, then exits (or lets the updater restart the app). */
  quit(): Promise<void>;
  report(message: string): void;
}

/** Why this install is not updated by the app, or undefined when electron-updater can update it. */
export function unsupportedReason(ctx: Pick<UpdaterContext, 'app' | 'platform' | 'env' | 'resourcesPath'>): string | undefined {
  if (!ctx.app.isPackaged) return 'a development run is not updated by the app: pull and rebuild the checkout';
  if (ctx.platform === 'linux' && !ctx.env.APPIMAGE) {
    const type = readPackageType(ctx.resourcesPath);
    if (type === 'deb') return 'installed from a .deb package: update MCP Tray with your package manager (apt)';
    return 'only the AppImage updates itself; update this install the way it was installed';
  }
  if (!['linux', 'darwin', 'win32'].includes(ctx.platform)) return `the app does not update itself on ${ctx.platform}`;
  return undefined;
}

/** electron-builder writes resources/package-type for deb, rpm and pacman packages. */
function readPackageType(resourcesPath: string): string | undefined {
  try {
    return readFileSync(path.join(resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function createUpdater(platform: NodeJS.Platform, adapter: AppAdapter): AppUpdater {
  const updater = platform === 'win32' ? new NsisUpdater(undefined, adapter) : platform === 'darwin' ? new MacUpdater(undefined, adapter) : new AppImageUpdater(undefined, adapter);
  // Given an app adapter, electron-updater leaves out its HTTP client (Electron's net, through a
  // session of its own); it is the one it makes for itself otherwise.
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new ElectronHttpExecutor((authInfo, callback) => updater.emit('login', authInfo, callback));
  return updater;
}

export interface AppUpdates extends UpdateSource {
  /** Called by the quitter once the hub has stopped: installs a downloaded update; true when the updater quits the app itself. */
  afterHubStopped(exitCode: number): boolean;
  /** Checks at start (after a while) and every few hours, in the background. */
  checkPeriodically(firstAfterMs: number, everyMs: number): void;
}

/** The app's updates: electron-updater where it can update this install, else a status that says why not. */
export function createAppUpdates(ctx: UpdaterContext, makeUpdater = createUpdater): AppUpdates {
  const current = ctx.app.getVersion();
  const reason = unsupportedReason(ctx);
  if (reason) {
    return { ...unsupportedUpdates(current, ctx.channel, reason), afterHubStopped: () => false, checkPeriodically: () => undefined };
  }
  const adapter = new ShellAppAdapter(ctx.app, ctx.resourcesPath);
  const updater = makeUpdater(ctx.platform, adapter);
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  const applyChannel = () => {
    const beta = ctx.channel() === 'beta';
    updater.allowPrerelease = beta;
    if (beta || updater.channel !== null) updater.channel = beta ? 'beta' : 'latest';
    // Going back to stable waits for a stable version newer than this one: never a downgrade.
    updater.allowDowngrade = false;
  };
  applyChannel();

  let status = initialStatus(current, ctx.channel());
  const listeners: Array<(status: UpdateStatus) => void> = [];
  const apply = (event: UpdaterEvent) => {
    status = nextStatus({ ...status, channel: ctx.channel() }, event, new Date().toISOString());
    for (const listener of listeners) listener(status);
  };
  updater.on('checking-for-update', () => apply({ type: 'checking' }));
  updater.on('update-available', (info) => apply({ type: 'available', version: info.version }));
  updater.on('update-not-available', () => apply({ type: 'not-available' }));
  updater.on('download-progress', (progress) => apply({ type: 'progress', percent: progress.percent }));
  updater.on('update-downloaded', (info) => apply({ type: 'downloaded', version: info.version }));
  updater.on('error', (error: Error) => apply({ type: 'error', message: error.message }));
  ctx.onChannelChange(() => {
    if (ctx.channel() === status.channel) return;
    applyChannel();
    status = { ...status, channel: ctx.channel() };
    for (const listener of listeners) listener(status);
  });

  let restartRequested = false;
  let checking: Promise<UpdateStatus> | undefined;
  const check = (): Promise<UpdateStatus> => {
    if (status.phase === 'downloading' || status.phase === 'ready') return Promise.resolve(status);
    checking ??= updater
      .checkForUpdates()
      .then(
        () => status,
        (error: Error) => {
          // Also reported by the 'error' event; a check that threw before any event still says why.
          if (status.phase !== 'error') apply({ type: 'error', message: error.message });
          return status;
        },
      )
      .finally(() => (checking = undefined));
    return checking;
  };

  return {
    status: () => status,
    check,
    async restart() {
      restartRequested = true;
      void ctx.quit();
      return status;
    },
    onChange: (listener) => void listeners.push(listener),
    afterHubStopped(exitCode) {
      if (status.phase !== 'ready') return false;
      if (restartRequested) {
        // Installs now and starts the new version; electron-updater then quits the app through the adapter.
        updater.quitAndInstall(false, true);
        return true;
      }
      adapter.runQuitHandlers(exitCode);
      return false;
    },
    checkPeriodically(firstAfterMs, everyMs) {
      const run = () =>
        void check().catch((error: unknown) => ctx.report(`checking for updates failed: ${(error as Error).message}`));
      setTimeout(run, firstAfterMs).unref();
      setInterval(run, everyMs).unref();
    },
  };
}
