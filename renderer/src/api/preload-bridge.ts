// The shape of the bridge the Electron preload exposes as `window.mcpTray` (contextBridge). The
// preload builds an object that `satisfies McpTrayBridge`; the renderer uses it when it exists and
// the HTTP carrier otherwise. Both carry the same control API (docs/control-api.md).
import type { ControlErrorCode, HubEvent } from './contract-types.ts';

/** What `call` rejects with: the hub's ControlError code and its user-facing message. */
export interface BridgeError {
  readonly code: ControlErrorCode;
  readonly message: string;
}

export interface McpTrayBridge {
  /** Runs one control method; resolves with its result, rejects with a BridgeError. */
  call(method: string, params: unknown): Promise<unknown>;
  /** Delivers every hub event until the returned function is called. */
  subscribe(listener: (event: HubEvent) => void): () => void;
}
