// The browser carrier for the web UI that the hub serves: `POST /api/call` and one shared
// EventSource on `/api/events` for hub events, both same-origin, so the browser sends the session
// cookie by itself; the page key goes along as the X-MCP-Tray-Key header (or `?key=` for
// EventSource, which cannot set headers). This file and the IPC bridge are the only ways the
// renderer reaches the hub.
import type { Carrier, ConnectionState } from './carrier.ts';
import type { HubEvent } from './contract-types.ts';
import { ControlClientError, isClientErrorCode } from './control-error.ts';

const RETRY_MS = 3000;

export function httpCarrier(pageKey: string): Carrier {
  const listeners = new Set<(event: HubEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(state);
  };

  async function call(method: string, params: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-MCP-Tray-Key': pageKey },
        body: JSON.stringify({ method, params }),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      throw new ControlClientError('offline', 'MCP Tray is not reachable; is the hub still running?');
    }
    const body = (await response.json().catch(() => ({}))) as { result?: unknown; error?: { code?: unknown; message?: string } };
    if (response.ok) return body.result;
    if (response.status === 401) setState('unauthorized');
    const code = isClientErrorCode(body.error?.code) ? body.error.code : response.status === 401 ? 'unauthorized' : 'failed';
    throw new ControlClientError(code, body.error?.message ?? `the hub answered ${response.status}`);
  }

  function open(): void {
    clearTimeout(retry);
    source = new EventSource(`/api/events?key=${encodeURIComponent(pageKey)}`);
    source.onopen = () => setState('open');
    source.onmessage = (message: MessageEvent<string>) => {
      let event: HubEvent;
      try {
        event = JSON.parse(message.data) as HubEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    source.onerror = () => {
      if (state !== 'unauthorized') setState('lost');
      // EventSource retries by itself unless the hub refused the stream (signed out, hub gone).
      if (source?.readyState === EventSource.CLOSED) {
        source = undefined;
        retry = setTimeout(() => void probeAndReopen(), RETRY_MS);
      }
    };
  }

  async function probeAndReopen(): Promise<void> {
    try {
      await call('status', {});
    } catch (error) {
      if ((error as ControlClientError).code === 'unauthorized') return;
    }
    if (listeners.size > 0 && !source) open();
  }

  return {
    call,
    subscribe(listener) {
      listeners.add(listener);
      if (!source && !retry) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearTimeout(retry);
          retry = undefined;
          source?.close();
          source = undefined;
        }
      };
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}
