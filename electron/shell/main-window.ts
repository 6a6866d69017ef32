// The one window: created on first use, hidden (not closed) when the user closes it, so the tray
// app keeps running (docs/desktop-app.md). It loads the built UI from mcp-tray://app/ and opens hash routes
// such as #/approvals/<id>.
import { app, BrowserWindow, type WebContents } from 'electron';
import { APP_ORIGIN, appUrl } from './app-protocol.ts';
import { hardenWebContents } from './content-security.ts';
import type { EventSink } from './control-ipc.ts';
import { mainWindowOptions } from './window-options.ts';

export interface MainWindowPaths {
  readonly preload: string;
  readonly icon: string;
}

export class MainWindow {
  readonly #paths: MainWindowPaths;
  #window: BrowserWindow | undefined;
  #closable = false;

  constructor(paths: MainWindowPaths) {
    this.#paths = paths;
  }

  /** Shows the window (creating it if needed), on `route` when given. */
  show(route?: string): void {
    const existing = this.#window && !this.#window.isDestroyed() ? this.#window : undefined;
    const window = existing ?? this.#create(route);
    if (existing && route) void existing.loadURL(appUrl(route));
    if (process.platform === 'darwin') app.focus({ steal: true });
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
    } else {
      window.once('ready-to-show', () => window.show());
    }
  }

  isFocused(): boolean {
    return !!this.#window && !this.#window.isDestroyed() && this.#window.isVisible() && this.#window.isFocused();
  }

  /** Whether an IPC message comes from this window's page (and the page is still our app). */
  isOwnSender(sender: unknown): boolean {
    const contents = this.#window && !this.#window.isDestroyed() ? this.#window.webContents : undefined;
    return !!contents && sender === contents && (sender as WebContents).getURL().startsWith(`${APP_ORIGIN}/`);
  }

  eventSink(): EventSink | undefined {
    return this.#window && !this.#window.isDestroyed() ? this.#window.webContents : undefined;
  }

  /** From now on, closing really closes (quitting). */
  allowClose(): void {
    this.#closable = true;
  }

  #create(route?: string): BrowserWindow {
    const window = new BrowserWindow(mainWindowOptions({ preload: this.#paths.preload, icon: this.#paths.icon, devTools: !app.isPackaged }));
    hardenWebContents(window.webContents);
    window.on('close', (event) => {
      if (this.#closable) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = undefined;
    });
    void window.loadURL(appUrl(route));
    this.#window = window;
    return window;
  }
}
