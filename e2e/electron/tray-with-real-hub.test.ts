// The tray's model and actions and the IPC carrier against a real hub (in this process, with a real
// supervised server), without Electron: what the tray shows comes from the real control API, its
// clicks change the real hub, write mode only after the (stubbed) native dialog says yes, and a
// call from the window that skips the confirmation is refused by the hub itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hub } from '../../electron/hub/hub.ts';
import { registerControlIpc, type IpcMainLike } from '../../electron/shell/control-ipc.ts';
import { CONTROL_CALL } from '../../electron/shell/ipc-channels.ts';
import { createTrayActions } from '../../electron/shell/tray-actions.ts';
import { buildTrayMenu, findMenuItem } from '../../electron/shell/tray-menu.ts';
import type { ControlCall } from '../../electron/hub/contract/contract.ts';
import { loadTrayState, trayIconState } from '../../electron/shell/tray-state.ts';
import { tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';

let hub: Hub;
let call: ControlCall;
beforeAll(async () => {
  const dataDir = tempDir('mcp-tray-tray-');
  writeSettings(dataDir, { servers: [testServerDefinition('demo')] });
  hub = await Hub.start({ dataDir, port: 0 });
  call = (method, ...args) => hub.dispatcher.call(method, ...args);
  await waitFor('the demo server to run', async () => (await call('servers.list', {}))[0]?.state === 'running');
});
afterAll(async () => {
  await hub?.stop();
});

async function menu(confirm: boolean) {
  const asked: string[] = [];
  const actions = createTrayActions({
    call,
    confirmWriteMode: async (server, mode) => {
      asked.push(`${server.id}:${mode}`);
      return confirm;
    },
    openWindow: () => undefined,
    refresh: () => undefined,
    clientsChanged: () => undefined,
    reportError: (title, message) => {
      throw new Error(`${title}: ${message}`);
    },
    inform: () => undefined,
    quit: async () => undefined,
  });
  const state = await loadTrayState(call, []);
  // A menu item's click returns nothing; keep the promise of the action it starts, to await it.
  const pending: Promise<void>[] = [];
  const tracked = new Proxy(actions, {
    get: (target, name: keyof typeof actions) => (...args: never[]) => void pending.push((target[name] as (...a: never[]) => Promise<void>)(...args)),
  });
  return { items: buildTrayMenu(state, tracked), state, asked, settled: () => Promise.all(pending) };
}

const writeMode = async () => (await call('servers.list', {})).find((s) => s.id === 'demo')!.writeMode;

describe('tray on a real hub', () => {
  it('shows the running server with its write mode off and a normal icon', async () => {
    const { items, state } = await menu(true);
    expect(findMenuItem(items, 'server:demo')!.label).toBe('demo: running');
    expect(findMenuItem(items, 'server:demo:write:off')!.checked).toBe(true);
    expect(trayIconState(state)).toBe('normal');
  });

  it('leaves write mode off when the dialog is cancelled', async () => {
    const m = await menu(false);
    findMenuItem(m.items, 'server:demo:write:ask')!.click!();
    await m.settled();
    expect(m.asked).toEqual(['demo:ask']);
    expect(await writeMode()).toBe('off');
  });

  it('turns write mode to ask after the dialog confirms, then back off without asking', async () => {
    const on = await menu(true);
    findMenuItem(on.items, 'server:demo:write:ask')!.click!();
    await on.settled();
    expect(await writeMode()).toBe('ask');
    const off = await menu(false);
    expect(findMenuItem(off.items, 'server:demo')!.label).toBe('demo: running · write: ask');
    findMenuItem(off.items, 'server:demo:write:off')!.click!();
    await off.settled();
    expect(off.asked).toEqual([]);
    expect(await writeMode()).toBe('off');
  });

  it('disables and enables the server, and keeps Start at login in settings', async () => {
    const m = await menu(true);
    findMenuItem(m.items, 'server:demo:enabled')!.click!();
    findMenuItem(m.items, 'start-at-login')!.click!();
    await m.settled();
    expect((await call('servers.list', {}))[0]!.enabled).toBe(false);
    expect((await call('settings.get', {})).startAtLogin).toBe(true);
    const again = await menu(true);
    expect(findMenuItem(again.items, 'server:demo')!.label).toBe('demo: disabled');
    expect(findMenuItem(again.items, 'start-at-login')!.checked).toBe(true);
    findMenuItem(again.items, 'server:demo:enabled')!.click!();
    await again.settled();
    await waitFor('the demo server to run again', async () => (await call('servers.list', {}))[0]?.state === 'running');
  });

  it('lets the window reach the hub over IPC, which refuses write mode without a confirmation', async () => {
    const handlers = new Map<string, (event: { sender: unknown }, ...args: unknown[]) => unknown>();
    const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
    const window = {};
    const dispose = registerControlIpc(ipcMain, {
      dispatch: (method, params) => hub.dispatcher.dispatch(method, params),
      isTrustedSender: (sender) => sender === window,
      subscribe: (listener) => hub.events.subscribe(listener),
      eventSink: () => undefined,
    });
    const invoke = (...args: unknown[]) => handlers.get(CONTROL_CALL)!({ sender: window }, ...args);
    expect(await invoke('servers.writeMode', { id: 'demo', mode: 'allow' })).toMatchObject({ error: { code: 'needs-confirmation' } });
    expect(await invoke('servers.list', { unexpected: true })).toMatchObject({ error: { code: 'invalid-params' } });
    expect(await invoke('no.such.method', {})).toMatchObject({ error: { code: 'not-found' } });
    expect(await writeMode()).toBe('off');
    dispose();
  });
});
