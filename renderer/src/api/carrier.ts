// A carrier moves control calls and hub events between this UI and the hub. The Electron preload
// bridge is one as it is; the HTTP + SSE carrier is the other. Nothing above the control client
// knows which one is in use.
import type { McpTrayBridge } from './preload-bridge.ts';

export type ConnectionState = 'connecting' | 'open' | 'lost' | 'unauthorized';

export interface Carrier extends McpTrayBridge {
  /** Reports the event stream's state; IPC is always open. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** Wraps the preload bridge: IPC cannot drop, so its connection is always open. */
export function ipcCarrier(bridge: McpTrayBridge): Carrier {
  return {
    call: (method, params) => bridge.call(method, params),
    subscribe: (listener) => bridge.subscribe(listener),
    onConnection(listener) {
      listener('open');
      return () => {};
    },
  };
}
