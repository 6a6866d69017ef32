// tools/call, the hot path, answered beside the SDK's Protocol instead of through it. The
// Protocol checks every incoming message against several zod schemas before it looks at the
// method, and runs each request through a chain of promises; a transparent hub needs neither for
// a call it forwards as it came (gateway.ts checks the few fields it relies on). Everything else
// (initialize, lists, notifications, requests the hub sends the client) still goes to the SDK.
// What a handler gets is what the SDK would give it: a signal that a notifications/cancelled or
// the end of the session aborts, and notifications and requests sent beside this call.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Extra } from './forward.ts';

type RequestId = string | number;

export type ToolCallHandler = (params: unknown, extra: Extra) => Promise<Record<string, unknown>>;

/**
 * A transport in front of a client session's own one (the Protocol connects to this): tools/call
 * requests are answered by `handle`, everything else passes through both ways unchanged.
 */
export class ToolCallLane implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];
  readonly #inner: Transport;
  readonly #server: Server;
  readonly #handle: ToolCallHandler;
  readonly #running = new Map<RequestId, AbortController>();

  /** `onInitialize` sees the params of the client's initialize (the protocol version it asks for). */
  constructor(inner: Transport, server: Server, handle: ToolCallHandler, onInitialize?: (params: unknown) => void) {
    this.#inner = inner;
    this.#server = server;
    this.#handle = handle;
    inner.onmessage = (message, extra) => {
      if ('method' in message) {
        if (message.method === 'tools/call' && 'id' in message) return this.#call(message.id, message.params);
        if (message.method === 'initialize') onInitialize?.(message.params);
        if (message.method === 'notifications/cancelled') {
          const params = message.params as { requestId?: RequestId; reason?: unknown } | undefined;
          if (params?.requestId !== undefined) this.#running.get(params.requestId)?.abort(params.reason);
        }
      }
      this.onmessage?.(message, extra);
    };
    inner.onclose = () => {
      for (const controller of this.#running.values()) controller.abort();
      this.#running.clear();
      this.onclose?.();
    };
    inner.onerror = (error) => this.onerror?.(error);
  }

  get sessionId(): string | undefined {
    return this.#inner.sessionId;
  }

  start(): Promise<void> {
    return this.#inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return this.#inner.send(message, options);
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  #call(id: RequestId, params: unknown): void {
    const controller = new AbortController();
    const { signal } = controller;
    const server = this.#server;
    this.#running.set(id, controller);
    const extra = {
      signal,
      requestId: id,
      sessionId: this.#inner.sessionId,
      _meta: (params as { _meta?: Record<string, unknown> } | undefined)?._meta,
      sendNotification: async (notification) => {
        if (!signal.aborted) await server.notification(notification, { relatedRequestId: id });
      },
      sendRequest: (request, resultSchema, options) => server.request(request, resultSchema, { ...options, relatedRequestId: id }),
    } as Extra;
    const answer = (message: JSONRPCMessage) => {
      if (this.#running.get(id) === controller) this.#running.delete(id);
      // A cancelled request gets no answer (as the SDK does).
      if (signal.aborted) return;
      this.#inner.send(message).catch((error: Error) => this.onerror?.(new Error(`Failed to send response: ${error.message}`)));
    };
    let pending: Promise<Record<string, unknown>>;
    try {
      pending = this.#handle(params, extra);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (result) => answer({ jsonrpc: '2.0', id, result } as JSONRPCMessage),
      (error: { code?: unknown; message?: string; data?: unknown }) =>
        answer({
          jsonrpc: '2.0',
          id,
          error: {
            code: Number.isSafeInteger(error?.code) ? (error.code as number) : ErrorCode.InternalError,
            message: error?.message ?? 'Internal error',
            ...(error?.data !== undefined && { data: error.data }),
          },
        } as JSONRPCMessage),
    );
  }
}
