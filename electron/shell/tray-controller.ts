// The tray icon and its menu: rebuilt from the hub's state (tray-state.ts → tray-menu.ts) whenever
// a hub event could change what it shows. The icon says normal / attention (pending approvals,
// with the count beside it on macOS) / error (a server crashed).
import { app, dialog, Menu, nativeImage, Tray } from 'electron';
import type { HubEvent, ServerStatus } from '../hub/contract/shapes.ts';
import { shownWriteModeDialog } from './native-dialogs.ts';
import { trayIconPath } from './shell-paths.ts';
import { createTrayActions } from './tray-actions.ts';
import { buildTrayMenu, toMenuTemplate, type TrayMenuItem } from './tray-menu.ts';
import type { ControlCall } from '../hub/contract/contract.ts';
import { installTargetsFrom, loadTrayState, trayIconState, trayTooltip, type InstallTarget } from './tray-state.ts';

/** Events that cannot change the menu (and come by the thousand). */
const IGNORED: ReadonlySet<HubEvent['type']> = new Set(['call-logged', 'server-log']);
const REBUILD_DELAY_MS = 150;
const CLIENTS_MAX_AGE_MS = 60_000;

export interface TrayControllerDeps {
  readonly call: ControlCall;
  subscribe(listener: (event: HubEvent) => void): () => void;
  readonly assetsDir: string;
  openWindow(route?: string): void;
  quit(): Promise<void>;
}

export class TrayController {
  readonly #deps: TrayControllerDeps;
  readonly #tray: Tray;
  readonly #unsubscribe: () => void;
  #model: TrayMenuItem[] = [];
  #targets: InstallTarget[] | undefined;
  #targetsAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #destroyed = false;

  constructor(deps: TrayControllerDeps) {
    this.#deps = deps;
    this.#tray = new Tray(nativeImage.createFromPath(trayIconPath(deps.assetsDir, 'normal', process.platform)));
    this.#tray.setToolTip('MCP Tray');
    // Windows: a left click opens the window, a right click the menu (macOS and Linux show the menu).
    if (process.platform === 'win32') this.#tray.on('click', () => deps.openWindow());
    this.#unsubscribe = deps.subscribe((event) => {
      if (!IGNORED.has(event.type)) this.refresh();
    });
    this.refresh();
    void this.#refreshClients();
  }

  /** The last menu built (for the e2e hooks). */
  get model(): readonly TrayMenuItem[] {
    return this.#model;
  }

  /** Rebuilds the menu soon (events come in bursts). */
  refresh(): void {
    if (this.#destroyed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#rebuild(), REBUILD_DELAY_MS);
  }

  destroy(): void {
    this.#destroyed = true;
    clearTimeout(this.#timer);
    this.#unsubscribe();
    this.#tray.destroy();
  }

  async #rebuild(): Promise<void> {
    if (Date.now() - this.#targetsAt > CLIENTS_MAX_AGE_MS) void this.#refreshClients();
    let state;
    try {
      state = await loadTrayState(this.#deps.call, this.#targets);
    } catch {
      return; // the hub is stopping
    }
    if (this.#destroyed) return;
    const actions = createTrayActions({
      call: this.#deps.call,
      confirmWriteMode: (server: Pick<ServerStatus, 'id' | 'name'>, mode) => shownWriteModeDialog(server.name, mode),
      openWindow: (route) => this.#deps.openWindow(route),
      refresh: () => this.refresh(),
      clientsChanged: () => void this.#refreshClients(),
      reportError: (title, message) => void dialog.showMessageBox({ type: 'error', title, message: title, detail: message }),
      inform: (title, message) => void dialog.showMessageBox({ type: 'info', title, message: title, detail: message }),
      quit: () => this.#deps.quit(),
    });
    this.#model = buildTrayMenu(state, actions);
    this.#tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(this.#model)));
    const icon = trayIconState(state);
    const image = nativeImage.createFromPath(trayIconPath(this.#deps.assetsDir, icon, process.platform));
    if (process.platform === 'darwin') image.setTemplateImage(icon === 'normal');
    this.#tray.setImage(image);
    this.#tray.setToolTip(trayTooltip(state));
    const pending = state.approvals.length;
    if (process.platform === 'darwin') this.#tray.setTitle(pending > 0 ? String(pending) : '');
    app.setBadgeCount(pending);
  }

  async #refreshClients(): Promise<void> {
    this.#targetsAt = Date.now();
    try {
      this.#targets = installTargetsFrom(await this.#deps.call('clients.list', {}));
    } catch {
      this.#targets = undefined;
    }
    this.refresh();
  }
}
