// The one module through which the renderer talks to the hub (docs/architecture.md, docs/control-api.md). It picks the carrier
// (the Electron preload bridge when present, else HTTP + SSE with the page's session) and gives the rest
// of the UI typed, named calls: `control.call('servers.restart', { id })`.
import { httpCarrier } from './http-carrier.ts';
import { ipcCarrier, type Carrier, type ConnectionState } from './carrier.ts';
import type { ControlCall, HubEvent, Result } from './contract-types.ts';
import { ControlClientError } from './control-error.ts';
import { reloadOnNewKey, takePageKey } from './ui-page-key.ts';

export { ControlClientError };
export type { ConnectionState };

export interface ControlClient {
  call: ControlCall;
  subscribe(listener: (event: HubEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

function createControlClient(carrier: Carrier): ControlClient {
  return {
    async call(method, ...args) {
      const params = args[0] ?? {};
      try {
        return (await carrier.call(method, params)) as Result<typeof method>;
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
