// The window's preload (docs/control-api.md, docs/desktop-app.md): the page's only way to the hub. It exposes exactly one
// object, `window.mcpTray`, with the renderer's McpTrayBridge shape: `call` (one control API call,
// rejecting with `{code, message}`) and `subscribe` (hub events). No Node, no ipcRenderer, nothing
// else reaches the page. Built to CommonJS (dist/electron/preload.cjs): sandboxed preloads cannot
// be ES modules, and everything but `electron` is bundled in.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeError, McpTrayBridge } from '../renderer/src/api/preload-bridge.ts';
import type { HubEvent } from './hub/contract/shapes.ts';
import { CONTROL_CALL, CONTROL_EVENT, type InvokeChannels } from './shell/ipc-channels.ts';

function bridgeError(code: BridgeError['code'], message: string): BridgeError {
  return { code, message };
}

const bridge: McpTrayBridge = {
  async call(method, params) {
    if (typeof method !== 'string') throw bridgeError('invalid-params', 'the control method must be a string');
    let reply: Awaited<ReturnType<InvokeChannels['control:call']>>;
    try {
      reply = (await ipcRenderer.invoke(CONTROL_CALL, method, params)) as typeof reply;
    } catch (error) {
      throw bridgeError('failed', error instanceof Error ? error.message : String(error));
    }
    if ('error' in reply) throw bridgeError(reply.error.code, reply.error.message);
    return reply.result;
  },

  subscribe(listener) {
    if (typeof listener !== 'function') throw bridgeError('invalid-params', 'subscribe needs a listener function');
    const forward = (_event: IpcRendererEvent, hubEvent: HubEvent) => listener(hubEvent);
    ipcRenderer.on(CONTROL_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(CONTROL_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('mcpTray', bridge);
