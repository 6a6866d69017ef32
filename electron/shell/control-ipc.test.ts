import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../hub/contract/shapes.ts';
import { registerControlIpc, UntrustedSenderError, type EventSink, type IpcMainLike } from './control-ipc.ts';
import { CONTROL_CALL, CONTROL_EVENT } from './ipc-channels.ts';

function fakeIpcMain() {
  const handlers = new Map<string, (event: { sender: unknown }, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function setup() {
  const { ipcMain, handlers } = fakeIpcMain();
  const window = { id: 'our-webcontents' };
  const dispatched: unknown[][] = [];
  const listeners = new Set<(event: HubEvent) => void>();
  const sent: unknown[][] = [];
  let destroyed = false;
  const sink: EventSink = { send: (...args) => void sent.push(args), isDestroyed: () => destroyed };
  const dispose = registerControlIpc(ipcMain, {
    dispatch: async (method, params) => {
      dispatched.push([method, params]);
      return { result: { ok: method } };
    },
    isTrustedSender: (sender) => sender === window,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    eventSink: () => sink,
  });
  const emit = (event: HubEvent) => listeners.forEach((l) => l(event));
  return { handlers, window, dispatched, listeners, sent, emit, dispose, destroy: () => (destroyed = true) };
}

describe('control API over IPC', () => {
  it('registers one handler, on the control:call channel', () => {
    expect([...setup().handlers.keys()]).toEqual([CONTROL_CALL]);
  });

  it('hands calls from our window to the dispatcher, dropping extra arguments', async () => {
    const t = setup();
    const reply = await t.handlers.get(CONTROL_CALL)!({ sender: t.window }, 'servers.list', {}, 'extra', 'more');
    expect(reply).toEqual({ result: { ok: 'servers.list' } });
    expect(t.dispatched).toEqual([['servers.list', {}]]);
  });

  it('passes what the renderer sent as is: the dispatcher validates it', async () => {
    const t = setup();
    await t.handlers.get(CONTROL_CALL)!({ sender: t.window }, 42, 'not params');
    expect(t.dispatched).toEqual([[42, 'not params']]);
  });

  it('refuses calls from any other sender before they reach the hub', () => {
    const t = setup();
    expect(() => t.handlers.get(CONTROL_CALL)!({ sender: { id: 'some-other-page' } }, 'servers.list', {})).toThrow(UntrustedSenderError);
    expect(t.dispatched).toEqual([]);
  });

  it('sends every hub event to the window on control:event, and nothing once it is gone', () => {
    const t = setup();
    t.emit({ type: 'settings-changed' });
    t.emit({ type: 'approval-resolved', id: 'a1', decision: 'deny' });
    t.destroy();
    t.emit({ type: 'settings-changed' });
    expect(t.sent).toEqual([
      [CONTROL_EVENT, { type: 'settings-changed' }],
      [CONTROL_EVENT, { type: 'approval-resolved', id: 'a1', decision: 'deny' }],
    ]);
  });

  it('undoes everything when disposed', () => {
    const t = setup();
    t.dispose();
    expect(t.handlers.size).toBe(0);
    expect(t.listeners.size).toBe(0);
  });
});
