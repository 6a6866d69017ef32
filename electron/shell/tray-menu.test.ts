import { describe, expect, it } from 'vitest';
import { buildTrayMenu, findMenuItem, toMenuTemplate, type TrayActions, type TrayMenuItem } from './tray-menu.ts';
import { statusLine, trayIconState, trayTooltip, type TrayState } from './tray-state.ts';
import { approval, server, session, trayState } from './testing/hub-fixtures.ts';

/** Actions that record what was asked of them. */
function recordingActions(): TrayActions & { calls: Array<[string, ...unknown[]]> } {
  const calls: Array<[string, ...unknown[]]> = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  return {
    calls,
    openWindow: record('openWindow'),
    setEnabled: record('setEnabled'),
    setWriteMode: record('setWriteMode'),
    restart: record('restart'),
    signIn: record('signIn'),
    signOut: record('signOut'),
    showLog: record('showLog'),
    disconnect: record('disconnect'),
    install: record('install'),
    setStartAtLogin: record('setStartAtLogin'),
    checkForUpdates: record('checkForUpdates'),
    restartToUpdate: record('restartToUpdate'),
    quit: record('quit'),
  };
}

const labels = (items: readonly TrayMenuItem[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const item = (items: readonly TrayMenuItem[], id: string): TrayMenuItem => {
  const found = findMenuItem(items, id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};

describe('tray menu: no servers', () => {
  const actions = recordingActions();
  const menu = buildTrayMenu(trayState(), actions);

  it('has the status line, approvals, clients, install, open, start at login, updates and quit, in order', () => {
    expect(labels(menu)).toEqual([
      'No servers yet: open MCP Tray to add one',
      'Pending approvals (0)…',
      'Connected clients (0)',
      'Install into IDE',
      'Open MCP Tray',
      'Start at login',
      'Check for updates…',
      'Quit MCP Tray',
    ]);
    expect(menu.some((i) => i.id?.startsWith('server:'))).toBe(false);
  });

  it('shows the status line and an empty approvals item as disabled', () => {
    expect(item(menu, 'status').enabled).toBe(false);
    expect(item(menu, 'approvals').enabled).toBe(false);
  });

  it('says no clients are connected', () => {
    expect(labels(item(menu, 'clients').submenu!)).toEqual(['No clients connected']);
  });

  it('lists each detected client under Install into IDE, checked when installed', () => {
    const install = item(menu, 'install');
    expect(item(install.submenu!, 'install:cursor')).toMatchObject({ label: 'Cursor', type: 'checkbox', checked: true });
    expect(item(install.submenu!, 'install:claude-code')).toMatchObject({ label: 'Claude Code', type: 'checkbox', checked: false });
    expect(item(install.submenu!, 'install:manage').label).toBe('Manage clients…');
  });

  it('has Start at login as an unchecked checkbox and a normal icon', () => {
    expect(item(menu, 'start-at-login')).toMatchObject({ type: 'checkbox', checked: false });
    expect(trayIconState(trayState())).toBe('normal');
  });

  it('converts to an Electron template with nested submenus', () => {
    const template = toMenuTemplate(menu);
    const install = template.find((i) => i.id === 'install')!;
    expect(Array.isArray(install.submenu)).toBe(true);
    expect((install.submenu as { id?: string }[]).map((i) => i.id)).toContain('install:cursor');
  });
});

describe('tray menu: a crashed server', () => {
  const crashed = server({
    id: 'git',
    state: 'crashed',
    failures: 5,
    lastExit: { code: 1, signal: null, at: '2026-11-22T10:00:00.000Z', stderrTail: ['fatal: boom'] },
  });
  const state = trayState({ servers: [server({ id: 'memory' }), crashed] });
  const actions = recordingActions();
  const menu = buildTrayMenu(state, actions);

  it('labels the server crashed, says why, and turns the icon to error', () => {
    expect(item(menu, 'server:git').label).toBe('Git: crashed');
    expect(item(menu, 'server:git:detail')).toMatchObject({ label: 'Gave up after 5 failed starts (last exit: code 1)', enabled: false });
    expect(trayIconState(state)).toBe('error');
    expect(statusLine(state)).toBe('1 of 2 servers running · 1 crashed · no clients connected');
  });

  it('offers Enabled ✓, the three write modes (off checked), Restart and Show log per server', () => {
    const git = item(menu, 'server:git').submenu!;
    expect(labels(git)).toEqual([
      'Gave up after 5 failed starts (last exit: code 1)',
      'Enabled',
      'Write mode: off (read-only)',
      'Write mode: ask (approve each write)',
      'Write mode: allow (no approval)',
      'Restart',
      'Show log',
    ]);
    expect(item(git, 'server:git:enabled')).toMatchObject({ type: 'checkbox', checked: true });
    expect(git.filter((i) => i.type === 'radio').map((i) => [i.id, i.checked])).toEqual([
      ['server:git:write:off', true],
      ['server:git:write:ask', false],
      ['server:git:write:allow', false],
    ]);
  });

  it('restarts and shows the log of the clicked server', () => {
    item(menu, 'server:git:restart').click!();
    item(menu, 'server:git:log').click!();
    expect(actions.calls).toEqual([
      ['restart', 'git'],
      ['showLog', 'git'],
    ]);
  });

  it('shows a running server with its tool counts', () => {
    expect(item(menu, 'server:memory').label).toBe('Memory: running');
    expect(item(menu, 'server:memory:detail').label).toBe('3 read and 2 write tools');
  });
});

describe('tray menu: 3 pending approvals', () => {
  const state = trayState({
    servers: [server({ id: 'git', writeMode: 'ask' })],
    approvals: [approval('a1'), approval('a2'), approval('a3')],
    sessions: [session('s1', { pendingApprovals: 3 })],
  });
  const actions = recordingActions();
  const menu = buildTrayMenu(state, actions);

  it('counts them, enables the item and turns the icon to attention', () => {
    expect(item(menu, 'approvals')).toMatchObject({ label: 'Pending approvals (3)…', enabled: true });
    expect(trayIconState(state)).toBe('attention');
    expect(trayTooltip(state)).toContain('3 waiting for your approval');
  });

  it('opens the approvals view when clicked', () => {
    item(menu, 'approvals').click!();
    expect(actions.calls).toEqual([['openWindow', '/approvals']]);
  });

  it('opens the one approval when there is just one', () => {
    const one = recordingActions();
    findMenuItem(buildTrayMenu(trayState({ approvals: [approval('only-one')] }), one), 'approvals')!.click!();
    expect(one.calls).toEqual([['openWindow', '/approvals/only-one']]);
  });

  it('lists the connected client with its calls and pending approvals, and disconnects it', () => {
    const clients = item(menu, 'clients');
    expect(clients.label).toBe('Connected clients (1)');
    const entry = item(clients.submenu!, 'session:s1');
    expect(entry.label).toBe('Cursor (cursor-vscode 1.2.3)');
    expect(labels(entry.submenu!).slice(1)).toEqual(['4 calls · 3 waiting for approval', 'Disconnect']);
    item(entry.submenu!, 'session:s1:disconnect').click!();
    expect(actions.calls.at(-1)).toEqual(['disconnect', 's1']);
  });

  it('prefers attention over error when a server also crashed', () => {
    expect(trayIconState({ ...state, servers: [server({ id: 'git', state: 'crashed' })] })).toBe('attention');
  });
});

describe('tray menu: write mode allow', () => {
  const git = server({ id: 'git', writeMode: 'allow' });
  const actions = recordingActions();
  const menu = buildTrayMenu(trayState({ servers: [git], startAtLogin: true }), actions);

  it('checks "allow" and says so in the server label', () => {
    expect(item(menu, 'server:git').label).toBe('Git: running · write: allow');
    expect(item(menu, 'server:git:write:allow').checked).toBe(true);
    expect(item(menu, 'server:git:write:off').checked).toBe(false);
    expect(item(menu, 'server:git:write:ask').checked).toBe(false);
  });

  it('passes the clicked mode to setWriteMode (which asks before turning writes on)', () => {
    item(menu, 'server:git:write:off').click!();
    item(menu, 'server:git:write:ask').click!();
    expect(actions.calls).toEqual([
      ['setWriteMode', git, 'off'],
      ['setWriteMode', git, 'ask'],
    ]);
  });

  it('toggles Enabled, Start at login, opens the window and quits', () => {
    item(menu, 'server:git:enabled').click!();
    item(menu, 'start-at-login').click!();
    item(menu, 'open').click!();
    item(menu, 'quit').click!();
    expect(actions.calls.slice(-4)).toEqual([['setEnabled', git, false], ['setStartAtLogin', false], ['openWindow'], ['quit']]);
    expect(item(menu, 'start-at-login').checked).toBe(true);
  });
});

describe('tray menu: install into IDE', () => {
  it('installs a detected or outdated client, and sends installed and unreadable ones to the window', () => {
    const actions = recordingActions();
    const menu = buildTrayMenu(
      trayState({
        installTargets: [
          { id: 'cursor', label: 'Cursor', status: 'detected' },
          { id: 'vscode', label: 'VS Code', status: 'outdated' },
          { id: 'zed', label: 'Zed', status: 'installed' },
          { id: 'codex', label: 'Codex', status: 'unreadable', problem: 'config.toml:3:1: expected "="' },
        ],
      }),
      actions,
    );
    expect(item(menu, 'install:vscode').label).toBe('VS Code (outdated: click to update)');
    expect(item(menu, 'install:codex')).toMatchObject({ label: 'Codex (config unreadable)', toolTip: 'config.toml:3:1: expected "="' });
    for (const id of ['cursor', 'vscode', 'zed', 'codex']) item(menu, `install:${id}`).click!();
    expect(actions.calls).toEqual([['install', 'cursor'], ['install', 'vscode'], ['openWindow', '/clients'], ['openWindow', '/clients']]);
  });

  it('says when no client is detected, and when clients could not be listed', () => {
    const none = buildTrayMenu(trayState({ installTargets: [] }), recordingActions());
    expect(item(none, 'install:none')).toMatchObject({ label: 'No supported clients detected', enabled: false });
    const unknown = buildTrayMenu(trayState({ installTargets: undefined }), recordingActions());
    expect(item(unknown, 'install:unavailable')).toMatchObject({ label: 'Clients could not be listed', enabled: false });
  });
});

describe('tray menu: remote servers that sign in', () => {
  const notion = server({ id: 'notion', kind: 'http', state: 'needs-sign-in', problem: 'server "notion" needs you to sign in: mcp-tray servers login notion', auth: { signedIn: false } });
  const linear = server({ id: 'linear', kind: 'http', auth: { signedIn: true, account: 'ada@example.com', scope: 'read', expiresAt: '2026-11-22T11:00:00.000Z' } });
  const state = trayState({ servers: [notion, linear] });
  const actions = recordingActions();
  const menu = buildTrayMenu(state, actions);

  it('asks for attention and says which server waits for a sign-in', () => {
    expect(trayIconState(state)).toBe('attention');
    expect(statusLine(state)).toBe('1 of 2 servers running · 1 needs sign-in · no clients connected');
    expect(trayTooltip(state)).toContain('Sign in to Notion');
    expect(item(menu, 'server:notion').label).toBe('Notion: needs sign-in');
    expect(item(menu, 'server:notion:detail').label).toContain('mcp-tray servers login notion');
  });

  it('offers Sign in for the waiting server, and Sign in again / Sign out for the signed-in one', () => {
    expect(item(menu, 'server:notion:sign-in').label).toBe('Sign in…');
    expect(findMenuItem(menu, 'server:notion:sign-out')).toBeUndefined();
    expect(item(menu, 'server:linear:sign-in').label).toBe('Sign in again…');
    item(menu, 'server:notion:sign-in').click!();
    item(menu, 'server:linear:sign-out').click!();
    expect(actions.calls).toEqual([
      ['signIn', 'notion'],
      ['signOut', 'linear'],
    ]);
  });

  it('names the scope a server asked for more of, and asks for attention while it runs', () => {
    const more = server({ id: 'linear', kind: 'http', auth: { signedIn: true, scope: 'read', pendingScope: 'read write' } });
    const m = buildTrayMenu(trayState({ servers: [more] }), recordingActions());
    expect(item(m, 'server:linear:sign-in').label).toBe('Sign in again (needs read write)…');
    expect(trayIconState(trayState({ servers: [more] }))).toBe('attention');
  });

  it('shows no sign-in items for servers that do not sign in, and a crash still wins the icon', () => {
    const plain = buildTrayMenu(trayState({ servers: [server({ id: 'git' })] }), recordingActions());
    expect(findMenuItem(plain, 'server:git:sign-in')).toBeUndefined();
    expect(trayIconState(trayState({ servers: [notion, server({ id: 'git', state: 'crashed' })] }))).toBe('error');
  });
});

describe('tray menu: updates', () => {
  const status = { current: '1.0.0', channel: 'stable' as const };

  it('offers "Check for updates…", shows a download in progress, then "Restart to update to X"', () => {
    const actions = recordingActions();
    const at = (update: TrayState['update']) => item(buildTrayMenu(trayState({ update }), actions), 'update');
    at(undefined).click!();
    expect(at({ ...status, phase: 'downloading', version: '1.1.0', percent: 40 })).toMatchObject({ label: 'Downloading update 1.1.0 (40%)…', enabled: false });
    const ready = at({ ...status, phase: 'ready', version: '1.1.0' });
    expect(ready.label).toBe('Restart to update to 1.1.0');
    ready.click!();
    expect(actions.calls).toEqual([['checkForUpdates'], ['restartToUpdate']]);
  });
});
