// What the Electron end-to-end tests (e2e/electron/) may reach in the main process, and only when
// started with MCP_TRAY_E2E=1: the tray menu as plain data, clicking one of its items, opening the
// window. A native tray menu cannot be driven by Playwright; its model can.
import { findMenuItem, type TrayMenuItem } from './tray-menu.ts';

export type SerializedMenuItem = Omit<TrayMenuItem, 'click' | 'submenu'> & { readonly submenu?: SerializedMenuItem[] };

export interface E2eHooks {
  readonly dataDir: string;
  trayMenu(): SerializedMenuItem[];
  /** Clicks the tray item with this id; false when there is none (or it is disabled). */
  clickTrayItem(id: string): boolean;
  openWindow(route?: string): void;
}

export const E2E_GLOBAL = '__mcpTrayE2E';

export function serializeMenu(items: readonly TrayMenuItem[]): SerializedMenuItem[] {
  return items.map(({ click: _click, submenu, ...item }) => ({ ...item, ...(submenu ? { submenu: serializeMenu(submenu) } : {}) }));
}

export function trayHooks(model: () => readonly TrayMenuItem[]): Pick<E2eHooks, 'trayMenu' | 'clickTrayItem'> {
  return {
    trayMenu: () => serializeMenu(model()),
    clickTrayItem(id) {
      const item = findMenuItem(model(), id);
      if (!item?.click || item.enabled === false) return false;
      item.click();
      return true;
    },
  };
}

export function installE2eHooks(env: NodeJS.ProcessEnv, hooks: E2eHooks): void {
  if (env.MCP_TRAY_E2E === '1') Object.assign(globalThis, { [E2E_GLOBAL]: hooks });
}
