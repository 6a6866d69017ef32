// The main window's options (docs/desktop-app.md): the renderer is isolated from Node and from the preload's
// world, sandboxed, and cannot embed anything. Kept free of Electron's runtime (types only) so a
// unit test can hold it to that.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowInput {
  /** The built preload script (CommonJS: sandboxed preloads cannot be ES modules). */
  readonly preload: string;
  /** The window icon (Linux and Windows; macOS uses the app bundle's). */
  readonly icon?: string;
  /** DevTools only in a development build. */
  readonly devTools: boolean;
}

export function mainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'MCP Tray',
    width: 1120,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    // Shown when the page is ready (no white flash) and only when the user asks for it.
    show: false,
    autoHideMenuBar: true,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
