// The one module through which the renderer talks to the hub (SPEC §2, §4.8). It picks the carrier
// (the Electron preload bridge when present, else HTTP + SSE with the page's session) and gives the rest
// of the UI typed, named calls: `control.call('servers.restart', { id })`.
import { httpCarrier } from './http-carrier.ts';
import { ipcCarrier, type Carrier, type ConnectionState } from './carrier.ts';
import type { HubEvent, Method, Params, Results } from './contract-types.ts';
import { ControlClientError } from './control-error.ts';
import { reloadOnNewKey, takePageKey } from './ui-page-key.ts';

export { ControlClientError };
export type { ConnectionState };

export interface ControlClient {
  call<M extends Method>(method: M, params: Params<M>): Promise<Results[M]>;
  subscribe(listener: (event: HubEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

function createControlClient(carrier: Carrier): ControlClient {
  return {
    async call(method, params) {
      try {
        return (await carrier.call(method, params)) as Results[typeof method];
      } catch (error) {
        throw ControlClientError.from(error);
      }
    },
    subscribe: (listener) => carrier.subscribe(listener),
    onConnection: (listener) => carrier.onConnection(listener),
  };
}

function pickCarrier(): Carrier | undefined {
  if (window.mcpTray) return ipcCarrier(window.mcpTray);
  const key = takePageKey();
  reloadOnNewKey();
  return key ? httpCarrier(key) : undefined;
}

/** Used when this browser has not signed in: every call fails, the app explains how to. */
function noCarrier(): Carrier {
  const refuse = () => Promise.reject(new ControlClientError('unauthorized', 'this browser is not signed in; run "mcp-tray ui open" for a one-time sign-in link'));
  return { call: refuse, subscribe: () => () => {}, onConnection: (listener) => (listener('unauthorized'), () => {}) };
}

const carrier = pickCarrier();

/** False in a browser that has not signed in; the app then says how to. */
export const controlAvailable = carrier !== undefined;
export const control: ControlClient = createControlClient(carrier ?? noCarrier());
