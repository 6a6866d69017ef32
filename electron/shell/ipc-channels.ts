// The one IPC channel map between the main process and the window (GitHub Desktop's
// `RequestResponseChannels`, under context isolation): both sides take channel names and payload
// types from here, so the untyped IPC framework cannot drift between preload and main. The window
// reaches exactly the control API (docs/control-api.md) through it, nothing else.
import type { ControlReply } from '../hub/control/dispatcher.ts';
import type { HubEvent } from '../hub/contract/shapes.ts';

/** Renderer → main requests (`ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeChannels {
  /** One control API call; the hub validates the params (the renderer is untrusted input). */
  'control:call': (method: string, params: unknown) => Promise<ControlReply>;
}

/** Main → renderer messages (`webContents.send` / `ipcRenderer.on`). */
export interface EventChannels {
  /** Every hub event, as the other carriers deliver them. */
  'control:event': HubEvent;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;

export const CONTROL_CALL = 'control:call' satisfies InvokeChannel;
export const CONTROL_EVENT = 'control:event' satisfies EventChannel;
