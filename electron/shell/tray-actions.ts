// What the tray menu's items do, over the same control API every UI uses (so the hub applies the
// same rules: write mode only with a confirmation, validated params). Turning write mode on asks
// first through a native dialog; the menu is rebuilt after every action, which also puts a radio
// or checkbox back when the user cancelled or the hub refused.
import type { ServerStatus } from '../hub/contract/shapes.ts';
import type { WriteMode } from '../hub/settings/schema.ts';
import type { TrayActions } from './tray-menu.ts';
import type { ControlCall } from '../hub/contract/contract.ts';
import type { WriteModeOn } from './write-mode-confirm.ts';
import { routes } from './routes.ts';

export interface TrayActionDeps {
  readonly call: ControlCall;
  /** Asks with a native dialog; true only when the user confirmed. */
  confirmWriteMode(server: Pick<ServerStatus, 'id' | 'name'>, mode: WriteModeOn): Promise<boolean>;
  openWindow(route?: string): void;
  /** Rebuilds the menu from the hub's state. */
  refresh(): void;
  /** Called after an install, so the Install submenu lists the new status. */
  clientsChanged(): void;
  reportError(title: string, message: string): void;
  /** Tells the user something that is not an error (a native message box). */
  inform(title: string, message: string): void;
  /** Stops every server, then exits. */
  quit(): Promise<void>;
}

/** The actions, each returning its promise (the menu ignores it; tests await it). */
export type AsyncTrayActions = { [K in keyof TrayActions]: (...args: Parameters<TrayActions[K]>) => Promise<void> };

export function createTrayActions(deps: TrayActionDeps): AsyncTrayActions {
  const run = async (failure: string, work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      deps.reportError(failure, error instanceof Error ? error.message : String(error));
    } finally {
      deps.refresh();
    }
  };

  return {
    async openWindow(route) {
      deps.openWindow(route);
    },

    setEnabled: (server, enabled) =>
      run(`Could not ${enabled ? 'enable' : 'disable'} ${server.name}`, () => deps.call(enabled ? 'servers.enable' : 'servers.disable', { id: server.id })),

    async setWriteMode(server, mode: WriteMode) {
      if (mode === server.writeMode) return deps.refresh();
      // Lowering allow → ask takes nothing new from the user; everything else that turns writes on asks.
      const lowering = server.writeMode === 'allow' && mode === 'ask';
      if (mode !== 'off' && !lowering && !(await deps.confirmWriteMode(server, mode))) return deps.refresh();
      await run(`Could not change write mode of ${server.name}`, () =>
        deps.call('servers.writeMode', { id: server.id, mode, ...(mode === 'off' ? {} : { confirm: mode }) }),
      );
    },

    restart: (serverId) => run(`Could not restart ${serverId}`, () => deps.call('servers.restart', { id: serverId })),

    // The hub opens the page in the default browser; where it could not, the window shows the link.
    signIn: (serverId) =>
      run(`Could not start signing in to ${serverId}`, async () => {
        const started = await deps.call('servers.login', { id: serverId, open: true });
        if (!started.opened) deps.openWindow(routes.server(serverId));
      }),

    signOut: (serverId) => run(`Could not sign out of ${serverId}`, () => deps.call('servers.logout', { id: serverId })),

    async showLog(serverId) {
      deps.openWindow(routes.server(serverId));
    },

    disconnect: (sessionId) => run('Could not disconnect the client', () => deps.call('sessions.disconnect', { sessionId })),

    install: (clientId) =>
      run(`Could not install MCP Tray into ${clientId}`, async () => {
        try {
          await deps.call('clients.install', { client: clientId });
        } finally {
          deps.clientsChanged();
        }
      }),

    setStartAtLogin: (on) => run('Could not change "Start at login"', () => deps.call('settings.update', { startAtLogin: on })),

    // What a check found, at once; a found version downloads in the background (the menu follows).
    checkForUpdates: () =>
      run('Could not check for updates', async () => {
        const status = await deps.call('updates.check', {});
        if (status.phase === 'error') deps.reportError('Could not check for updates', status.message ?? 'the check failed');
        else deps.inform('Check for updates', status.message ?? `MCP Tray ${status.current}`);
      }),

    restartToUpdate: () => run('Could not install the update', () => deps.call('updates.restart', {})),

    quit: () => deps.quit(),
  };
}
