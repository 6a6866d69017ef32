// The preload exposes exactly `window.mcpTray` = { call, subscribe } (the renderer's McpTrayBridge)
// and nothing else; `electron` is replaced by a recording double, since there is no Electron here.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { McpTrayBridge } from '../../renderer/src/api/preload-bridge.ts';
import { CONTROL_CALL, CONTROL_EVENT } from './ipc-channels.ts';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: [] as Array<[string, unknown]>,
    listeners,
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ result: null })),
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void electron.exposed.push([key, api]) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => electron.invoke(...args),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(listener),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let bridge: McpTrayBridge;
beforeAll(async () => {
  await import('../preload.ts');
  bridge = electron.exposed[0]![1] as McpTrayBridge;
});

describe('preload', () => {
  it('exposes exactly one object, window.mcpTray, with call and subscribe', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['mcpTray']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
  });

  it('call invokes control:call and resolves with the result', async () => {
    electron.invoke.mockResolvedValueOnce({ result: [{ id: 'git' }] });
    await expect(bridge.call('servers.list', {})).resolves.toEqual([{ id: 'git' }]);
    expect(electron.invoke).toHaveBeenLastCalledWith(CONTROL_CALL, 'servers.list', {});
  });

  it('call rejects with the hub error as a plain {code, message}', async () => {
    electron.invoke.mockResolvedValueOnce({ error: { code: 'needs-confirmation', message: 'confirm it first' } });
    const error = await bridge.call('servers.writeMode', { id: 'git', mode: 'ask' }).catch((e: unknown) => e);
    expect(error).toEqual({ code: 'needs-confirmation', message: 'confirm it first' });
    expect(error).not.toBeInstanceOf(Error);
  });

  it('call rejects with {code: "failed"} when IPC itself fails, and refuses a non-string method', async () => {
    electron.invoke.mockRejectedValueOnce(new Error('refused: untrusted sender'));
    await expect(bridge.call('status', {})).rejects.toEqual({ code: 'failed', message: 'refused: untrusted sender' });
    const calls = electron.invoke.mock.calls.length;
    await expect(bridge.call(42 as unknown as string, {})).rejects.toMatchObject({ code: 'invalid-params' });
    expect(electron.invoke.mock.calls.length).toBe(calls);
  });

  it('subscribe delivers hub events (not IPC events) until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.subscribe((event) => received.push(event));
    const deliver = (payload: unknown) => electron.listeners.get(CONTROL_EVENT)?.forEach((l) => l({ sender: 'ipc-event' }, payload));
    deliver({ type: 'settings-changed' });
    unsubscribe();
    deliver({ type: 'server-removed', id: 'git' });
    expect(received).toEqual([{ type: 'settings-changed' }]);
    expect(electron.listeners.get(CONTROL_EVENT)?.size).toBe(0);
  });
});
