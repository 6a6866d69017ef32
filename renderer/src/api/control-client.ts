// The one module through which the renderer talks to the hub (docs/architecture.md, docs/control-api.md). It picks the carrier
// (the Electron preload bridge when present, else HTTP + SSE with the UI token) and gives the rest
// of the UI typed, named calls: `control.call('servers.restart', { id })`.
import { httpCarrier } from './http-carrier.ts';
import { ipcCarrier, type Carrier, type ConnectionState } from './carrier.ts';
import type { ControlCall, HubEvent, Result } from './contract-types.ts';
import { ControlClientError } from './control-error.ts';
import { reloadOnNewToken, takeUiToken } from './ui-token.ts';

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
  const token = takeUiToken();
  reloadOnNewToken();
  return token ? httpCarrier(token) : undefined;
}

/** Used when the page was opened without the UI token: every call fails, the app explains why. */
function noCarrier(): Carrier {
  const refuse = () => Promise.reject(new ControlClientError('unauthorized', 'open the URL that mcp-tray serve printed (it carries the UI token)'));
  return { call: refuse, subscribe: () => () => {}, onConnection: (listener) => (listener('unauthorized'), () => {}) };
}

const carrier = pickCarrier();

/** False in a browser opened without the UI token; the app then says how to get in. */
export const controlAvailable = carrier !== undefined;
export const control: ControlClient = createControlClient(carrier ?? noCarrier());
