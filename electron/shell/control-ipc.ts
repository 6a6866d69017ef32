// The control API over Electron IPC, main side: one handler that hands each call to the hub's
// dispatcher (which validates the params: the renderer is untrusted input) and one forwarder that
// sends every hub event to the window. Only messages from our own window are answered (GitHub
// Desktop's trusted-sender check). Written against the few members of `ipcMain` and
// `webContents` it uses, so it runs under plain Node in tests.
import type { ControlReply } from '../hub/control/dispatcher.ts';
import type { HubEvent } from '../hub/contract/shapes.ts';
import { CONTROL_CALL, CONTROL_EVENT, type EventChannel, type EventChannels, type InvokeChannel, type InvokeChannels } from './ipc-channels.ts';

/** What this module needs of Electron's `ipcMain`. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { readonly sender: unknown }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** What this module needs of a window's `webContents`. */
export interface EventSink {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

/**
 * Registers `listener` for one channel of the map, with its arguments typed from it. A message
 * from anything but our window is refused before the listener runs; extra arguments are dropped.
 */
export function handle<C extends InvokeChannel>(
  ipcMain: IpcMainLike,
  channel: C,
  isTrustedSender: (sender: unknown) => boolean,
  listener: (...args: Parameters<InvokeChannels[C]>) => ReturnType<InvokeChannels[C]>,
): void {
  const arity = listener.length;
  ipcMain.handle(channel, (event, ...args) => {
    if (!isTrustedSender(event.sender)) throw new UntrustedSenderError(`IPC on "${channel}" from a sender that is not the MCP Tray window was refused`);
    return listener(...(args.slice(0, arity) as Parameters<InvokeChannels[C]>));
  });
}

/** Sends one typed event to a window, if it is still there. */
export function sendEvent<C extends EventChannel>(sink: EventSink | undefined, channel: C, payload: EventChannels[C]): void {
  if (sink && !sink.isDestroyed()) sink.send(channel, payload);
}

export interface ControlIpcDeps {
  /** The hub's `dispatcher.dispatch`: validates, runs, and returns `{result}` or `{error}`. */
  dispatch(method: unknown, params: unknown): Promise<ControlReply>;
  /** Whether a message comes from our window's webContents. */
  isTrustedSender(sender: unknown): boolean;
  /** The hub's event stream. */
  subscribe(listener: (event: HubEvent) => void): () => void;
  /** The window's webContents while there is one. */
  eventSink(): EventSink | undefined;
}

/** Wires the control API to IPC; the returned function undoes it. */
export function registerControlIpc(ipcMain: IpcMainLike, deps: ControlIpcDeps): () => void {
  handle(ipcMain, CONTROL_CALL, deps.isTrustedSender, (method, params) => deps.dispatch(method, params));
  const unsubscribe = deps.subscribe((event) => sendEvent(deps.eventSink(), CONTROL_EVENT, event));
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CONTROL_CALL);
  };
}
