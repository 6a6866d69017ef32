import { describe, expect, it } from 'vitest';
import type { ServerStatus } from '../hub/contract/shapes.ts';
import { createTrayActions, type TrayActionDeps } from './tray-actions.ts';
import type { WriteModeOn } from './write-mode-confirm.ts';
import { server } from './testing/hub-fixtures.ts';

interface Harness {
  deps: TrayActionDeps;
  calls: Array<[string, unknown]>;
  asked: Array<[string, WriteModeOn]>;
  events: string[];
}

/** Deps whose control API records calls (and fails for `fail`), and whose dialog answers `confirm`. */
function harness(confirm: boolean, fail?: string): Harness {
  const h: Harness = { calls: [], asked: [], events: [], deps: undefined as never };
  h.deps = {
    call: (async (method: string, params: unknown) => {
      h.calls.push([method, params]);
      if (method === fail) throw new Error(`${method} refused`);
      return {};
    }) as TrayActionDeps['call'],
    confirmWriteMode: async (s, mode) => {
      h.asked.push([s.id, mode]);
      return confirm;
    },
    openWindow: (route) => h.events.push(`open ${route ?? '/'}`),
    refresh: () => h.events.push('refresh'),
    clientsChanged: () => h.events.push('clients-changed'),
    reportError: (title, message) => h.events.push(`error ${title}: ${message}`),
    inform: (title, message) => h.events.push(`inform ${title}: ${message}`),
    quit: async () => {
      h.events.push('quit');
    },
  };
  return h;
}

const git = (writeMode: ServerStatus['writeMode']) => server({ id: 'git', writeMode });

describe('tray actions: write mode', () => {
  it('turns "ask" on only after the dialog confirms, passing the confirmation to the hub', async () => {
    const h = harness(true);
    await createTrayActions(h.deps).setWriteMode(git('off'), 'ask');
    expect(h.asked).toEqual([['git', 'ask']]);
    expect(h.calls).toEqual([['servers.writeMode', { id: 'git', mode: 'ask', confirm: 'ask' }]]);
    expect(h.events).toContain('refresh');
  });

  it('asks separately for "allow" and passes confirm: "allow"', async () => {
    const h = harness(true);
    await createTrayActions(h.deps).setWriteMode(git('ask'), 'allow');
    expect(h.asked).toEqual([['git', 'allow']]);
    expect(h.calls).toEqual([['servers.writeMode', { id: 'git', mode: 'allow', confirm: 'allow' }]]);
  });

  it('changes nothing when the dialog is cancelled, and rebuilds the menu to put the radio back', async () => {
    for (const mode of ['ask', 'allow'] as const) {
      const h = harness(false);
      await createTrayActions(h.deps).setWriteMode(git('off'), mode);
      expect(h.asked).toEqual([['git', mode]]);
      expect(h.calls).toEqual([]);
      expect(h.events).toEqual(['refresh']);
    }
  });

  it('turns write mode off without asking and without a confirmation', async () => {
    const h = harness(false);
    await createTrayActions(h.deps).setWriteMode(git('allow'), 'off');
    expect(h.asked).toEqual([]);
    expect(h.calls).toEqual([['servers.writeMode', { id: 'git', mode: 'off' }]]);
  });

  it('lowers allow to ask without a dialog (it turns nothing on)', async () => {
    const h = harness(false);
    await createTrayActions(h.deps).setWriteMode(git('allow'), 'ask');
    expect(h.asked).toEqual([]);
    expect(h.calls).toEqual([['servers.writeMode', { id: 'git', mode: 'ask', confirm: 'ask' }]]);
  });

  it('does nothing for the mode already set', async () => {
    const h = harness(true);
    await createTrayActions(h.deps).setWriteMode(git('ask'), 'ask');
    expect(h.asked).toEqual([]);
    expect(h.calls).toEqual([]);
  });

  it('reports a refusal from the hub and still rebuilds the menu', async () => {
    const h = harness(true, 'servers.writeMode');
    await createTrayActions(h.deps).setWriteMode(git('off'), 'ask');
    expect(h.events).toEqual(['error Could not change write mode of Git: servers.writeMode refused', 'refresh']);
  });
});

describe('tray actions: the other items', () => {
  it('call the matching control API methods', async () => {
    const h = harness(true);
    const actions = createTrayActions(h.deps);
    await actions.setEnabled(git('off'), false);
    await actions.setEnabled(git('off'), true);
    await actions.restart('git');
    await actions.disconnect('session-1');
    await actions.install('cursor');
    await actions.setStartAtLogin(true);
    expect(h.calls).toEqual([
      ['servers.disable', { id: 'git' }],
      ['servers.enable', { id: 'git' }],
      ['servers.restart', { id: 'git' }],
      ['sessions.disconnect', { sessionId: 'session-1' }],
      ['clients.install', { client: 'cursor' }],
      ['settings.update', { startAtLogin: true }],
    ]);
    expect(h.events.filter((e) => e === 'clients-changed')).toHaveLength(1);
  });

  it('open the window on the server for Show log, and quit through the quitter', async () => {
    const h = harness(true);
    const actions = createTrayActions(h.deps);
    await actions.showLog('git');
    await actions.openWindow();
    await actions.quit();
    expect(h.events).toEqual(['open /servers/git', 'open /', 'quit']);
    expect(h.calls).toEqual([]);
  });

  it('refresh the client list even when an install fails', async () => {
    const h = harness(true, 'clients.install');
    await createTrayActions(h.deps).install('zed');
    expect(h.events).toEqual(['clients-changed', 'error Could not install MCP Tray into zed: clients.install refused', 'refresh']);
  });
});

describe('tray actions: sign-in', () => {
  it('asks the hub to open the sign-in page, and opens the window on the server when it could not', async () => {
    const opened = harness(true);
    opened.deps = { ...opened.deps, call: (async (method: string, params: unknown) => (opened.calls.push([method, params]), { opened: true })) as TrayActionDeps['call'] };
    await createTrayActions(opened.deps).signIn('notion');
    expect(opened.calls).toEqual([['servers.login', { id: 'notion', open: true }]]);
    expect(opened.events).toEqual(['refresh']);

    const headless = harness(true);
    headless.deps = { ...headless.deps, call: (async () => ({ opened: false })) as TrayActionDeps['call'] };
    await createTrayActions(headless.deps).signIn('notion');
    expect(headless.events).toEqual(['open /servers/notion', 'refresh']);
  });

  it('signs out through the hub and reports a refusal', async () => {
    const h = harness(true, 'servers.logout');
    await createTrayActions(h.deps).signOut('notion');
    expect(h.calls).toEqual([['servers.logout', { id: 'notion' }]]);
    expect(h.events).toEqual(['error Could not sign out of notion: servers.logout refused', 'refresh']);
  });
});

describe('tray actions: updates', () => {
  it('"Check for updates…" asks the hub and says what it found; "Restart to update" asks the hub to restart', async () => {
    const h = harness(true);
    h.deps = { ...h.deps, call: (async (method: string, params: unknown) => {
      h.calls.push([method, params]);
      return { phase: 'up-to-date', current: '1.0.0', channel: 'stable', message: 'MCP Tray 1.0.0 is the newest stable version' };
    }) as TrayActionDeps['call'] };
    const actions = createTrayActions(h.deps);
    await actions.checkForUpdates();
    await actions.restartToUpdate();
    expect(h.calls.map(([method]) => method)).toEqual(['updates.check', 'updates.restart']);
    expect(h.events).toContain('inform Check for updates: MCP Tray 1.0.0 is the newest stable version');
  });
});
