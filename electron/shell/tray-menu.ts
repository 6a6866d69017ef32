// The tray menu (docs/desktop-app.md) as a pure function of the hub's state: status line; pending approvals;
// each server with Enabled, Write mode off/ask/allow, Restart, Show log; connected clients;
// install into IDE; Open MCP Tray; Start at login; Quit. The Electron adapter
// (tray-controller.ts) turns these items into a native Menu and rebuilds it on hub events.
import type { MenuItemConstructorOptions } from 'electron';
import type { ServerStatus, SessionInfo } from '../hub/contract/shapes.ts';
import type { WriteMode } from '../hub/settings/schema.ts';
import type { InstallTarget, TrayState } from './tray-state.ts';
import { statusLine } from './tray-state.ts';
import { routes } from './routes.ts';

/** The subset of Electron's MenuItemConstructorOptions the tray uses. */
export interface TrayMenuItem {
  readonly id?: string;
  readonly label?: string;
  readonly type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  readonly checked?: boolean;
  readonly enabled?: boolean;
  readonly toolTip?: string;
  readonly submenu?: readonly TrayMenuItem[];
  readonly click?: () => void;
}

/** What the menu's items do; tray-actions.ts implements them over the control API. */
export interface TrayActions {
  openWindow(route?: string): void;
  setEnabled(server: ServerStatus, enabled: boolean): void;
  setWriteMode(server: ServerStatus, mode: WriteMode): void;
  restart(serverId: string): void;
  /** Starts a remote server's sign-in in the browser. */
  signIn(serverId: string): void;
  signOut(serverId: string): void;
  showLog(serverId: string): void;
  disconnect(sessionId: string): void;
  install(clientId: string): void;
  setStartAtLogin(on: boolean): void;
  /** Looks for a new version now; says what it found. */
  checkForUpdates(): void;
  /** Stops every server, installs the downloaded version and starts it. */
  restartToUpdate(): void;
  quit(): void;
}

const SEPARATOR: TrayMenuItem = { type: 'separator' };

const STATE_LABELS: Record<ServerStatus['state'], string> = {
  stopped: 'stopped',
  starting: 'starting…',
  running: 'running',
  restarting: 'restarting…',
  crashed: 'crashed',
  disabled: 'disabled',
  'keychain-unavailable': 'keychain unavailable',
  'needs-sign-in': 'needs sign-in',
  'not-installed': 'not installed',
};

const WRITE_MODE_LABELS: Record<WriteMode, string> = {
  off: 'Write mode: off (read-only)',
  ask: 'Write mode: ask (approve each write)',
  allow: 'Write mode: allow (no approval)',
};

export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayMenuItem[] {
  const pending = state.approvals.length;
  const onlyApproval = pending === 1 ? state.approvals[0] : undefined;
  return [
    { id: 'status', label: statusLine(state), enabled: false },
    {
      id: 'approvals',
      label: `Pending approvals (${pending})…`,
      enabled: pending > 0,
      click: () => actions.openWindow(onlyApproval ? routes.approval(onlyApproval.id) : routes.approvals),
    },
    SEPARATOR,
    ...state.servers.map((server) => serverItem(server, actions)),
    ...(state.servers.length > 0 ? [SEPARATOR] : []),
    clientsItem(state.sessions, actions),
    installItem(state.installTargets, actions),
    SEPARATOR,
    { id: 'open', label: 'Open MCP Tray', click: () => actions.openWindow() },
    { id: 'start-at-login', label: 'Start at login', type: 'checkbox', checked: state.startAtLogin, click: () => actions.setStartAtLogin(!state.startAtLogin) },
    updateItem(state.update, actions),
    SEPARATOR,
    { id: 'quit', label: 'Quit MCP Tray', click: () => actions.quit() },
  ];
}

/** "Check for updates…", or where an update stands: downloading, ready to restart into. */
export function updateItem(update: TrayState['update'], actions: TrayActions): TrayMenuItem {
  if (update?.phase === 'ready') return { id: 'update', label: `Restart to update to ${update.version}`, click: () => actions.restartToUpdate() };
  if (update?.phase === 'downloading') return { id: 'update', label: `Downloading update ${update.version} (${update.percent ?? 0}%)…`, enabled: false };
  if (update?.phase === 'checking') return { id: 'update', label: 'Checking for updates…', enabled: false };
  return { id: 'update', label: 'Check for updates…', click: () => actions.checkForUpdates() };
}

export function serverLabel(server: ServerStatus): string {
  const write = server.writeMode === 'off' ? '' : ` · write: ${server.writeMode}`;
  return `${server.name}: ${STATE_LABELS[server.state]}${write}`;
}

/** One line on what the server is doing or why it is not running. */
export function serverDetail(server: ServerStatus): string {
  if (server.problem) return server.problem;
  if (server.state === 'crashed' && server.lastExit) {
    const how = server.lastExit.signal ? `signal ${server.lastExit.signal}` : `code ${server.lastExit.code}`;
    return `Gave up after ${server.failures} failed starts (last exit: ${how})`;
  }
  if (server.state === 'running') return `${server.toolCounts.read} read and ${server.toolCounts.write} write tools`;
  return STATE_LABELS[server.state];
}

function serverItem(server: ServerStatus, actions: TrayActions): TrayMenuItem {
  const id = `server:${server.id}`;
  return {
    id,
    label: serverLabel(server),
    type: 'submenu',
    submenu: [
      { id: `${id}:detail`, label: serverDetail(server), enabled: false },
      { id: `${id}:enabled`, label: 'Enabled', type: 'checkbox', checked: server.enabled, click: () => actions.setEnabled(server, !server.enabled) },
      SEPARATOR,
      ...(['off', 'ask', 'allow'] as const).map(
        (mode): TrayMenuItem => ({
          id: `${id}:write:${mode}`,
          label: WRITE_MODE_LABELS[mode],
          type: 'radio',
          checked: server.writeMode === mode,
          click: () => actions.setWriteMode(server, mode),
        }),
      ),
      SEPARATOR,
      ...signInItems(server, actions),
      { id: `${id}:restart`, label: 'Restart', enabled: server.enabled, click: () => actions.restart(server.id) },
      { id: `${id}:log`, label: 'Show log', click: () => actions.showLog(server.id) },
    ],
  };
}

/** Sign in (again) and sign out, for a remote server that signs in. */
function signInItems(server: ServerStatus, actions: TrayActions): TrayMenuItem[] {
  const auth = server.auth;
  if (!auth || !(auth.signedIn || server.state === 'needs-sign-in' || auth.attempt)) return [];
  const id = `server:${server.id}`;
  const waiting = auth.attempt !== undefined && auth.attempt.endedAt === undefined;
  const label = waiting ? 'Sign in… (waiting for the browser)' : auth.pendingScope ? `Sign in again (needs ${auth.pendingScope})…` : auth.signedIn ? 'Sign in again…' : 'Sign in…';
  return [
    { id: `${id}:sign-in`, label, enabled: server.enabled, click: () => actions.signIn(server.id) },
    ...(auth.signedIn ? [{ id: `${id}:sign-out`, label: 'Sign out', click: () => actions.signOut(server.id) }] : []),
    SEPARATOR,
  ];
}

function sessionLabel(session: SessionInfo): string {
  const info = session.clientInfo ? ` (${session.clientInfo.name} ${session.clientInfo.version})` : '';
  return `${session.label}${info}`;
}

function clock(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

function clientsItem(sessions: readonly SessionInfo[], actions: TrayActions): TrayMenuItem {
  const submenu: TrayMenuItem[] =
    sessions.length === 0
      ? [{ id: 'clients:none', label: 'No clients connected', enabled: false }]
      : sessions.map((session) => ({
          id: `session:${session.sessionId}`,
          label: sessionLabel(session),
          type: 'submenu',
          submenu: [
            { label: `${session.transport === 'socket' ? 'Bridge (stdio)' : 'HTTP'} · since ${clock(session.since)}`, enabled: false },
            {
              label: `${session.calls} ${session.calls === 1 ? 'call' : 'calls'}${session.pendingApprovals > 0 ? ` · ${session.pendingApprovals} waiting for approval` : ''}`,
              enabled: false,
            },
            { id: `session:${session.sessionId}:disconnect`, label: 'Disconnect', click: () => actions.disconnect(session.sessionId) },
          ],
        }));
  return { id: 'clients', label: `Connected clients (${sessions.length})`, type: 'submenu', submenu };
}

const INSTALL_SUFFIX: Record<InstallTarget['status'], string> = {
  detected: '',
  installed: '',
  outdated: ' (outdated: click to update)',
  unreadable: ' (config unreadable)',
};

function installItem(targets: readonly InstallTarget[] | undefined, actions: TrayActions): TrayMenuItem {
  const manage: TrayMenuItem = { id: 'install:manage', label: 'Manage clients…', click: () => actions.openWindow(routes.clients) };
  let entries: TrayMenuItem[];
  if (targets === undefined) entries = [{ id: 'install:unavailable', label: 'Clients could not be listed', enabled: false }];
  else if (targets.length === 0) entries = [{ id: 'install:none', label: 'No supported clients detected', enabled: false }];
  else
    entries = targets.map((target) => ({
      id: `install:${target.id}`,
      label: `${target.label}${INSTALL_SUFFIX[target.status]}`,
      type: 'checkbox',
      checked: target.status === 'installed',
      ...(target.problem ? { toolTip: target.problem } : {}),
      // Installed or unreadable: the window shows the file, the problem, and uninstall.
      click: () => (target.status === 'detected' || target.status === 'outdated' ? actions.install(target.id) : actions.openWindow(routes.clients)),
    }));
  return { id: 'install', label: 'Install into IDE', type: 'submenu', submenu: [...entries, SEPARATOR, manage] };
}

/** Electron's menu template for the items (a mutable copy). */
export function toMenuTemplate(items: readonly TrayMenuItem[]): MenuItemConstructorOptions[] {
  return items.map(({ submenu, ...item }) => ({ ...item, ...(submenu ? { submenu: toMenuTemplate(submenu) } : {}) }));
}

/** Finds an item by id anywhere in the menu (tests, e2e hooks). */
export function findMenuItem(items: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && findMenuItem(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
}
