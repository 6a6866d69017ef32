import type { McpTrayBridge } from '../api/preload-bridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser (web UI of `mcp-tray serve`). */
    readonly mcpTray?: McpTrayBridge;
  }
}
