// One MCP client connection to one server (a supervised child or a remote endpoint): initialize,
// list everything it offers (all pages), keep the lists fresh on list_changed, and forward
// requests unchanged. It knows nothing about sessions or policy; the hub wires its hooks.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CreateMessageRequestSchema,
  ErrorCode,
  McpError,
  type JSONRPCMessage,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ProgressNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
  type ServerCapabilities,
  type Implementation,
} from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import {
  AnyResultSchema,
  PromptsPageSchema,
  ResourcesPageSchema,
  TemplatesPageSchema,
  ToolsPageSchema,
  type UpstreamPrompt,
  type UpstreamResource,
  type UpstreamTemplate,
  type UpstreamTool,
} from './passthrough-schemas.ts';
import { HUB_VERSION } from '../version.ts';

export const HUB_CLIENT_INFO = { name: 'mcp-tray', version: HUB_VERSION } as const;
const LIST_TIMEOUT_MS = 30_000;
const INITIALIZE_TIMEOUT_MS = 30_000;
/** Calls may run long (builds, migrations); the client's own timeout and cancel still apply. */
export const FORWARD_TIMEOUT_MS = 30 * 60_000;
/** Forwarded requests' ids start here, far past the ids the SDK's own requests on this connection use (0, 1, 2, …). */
const FORWARD_ID_BASE = 1_000_000_000;
const FORWARD_SWEEP_MS = 60_000;

interface Forwarded {
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
  /** The sweep count when it was sent (see #sweep). */
  readonly born: number;
}

export interface UpstreamLists {
  tools: UpstreamTool[];
  prompts: UpstreamPrompt[];
  resources: UpstreamResource[];
  resourceTemplates: UpstreamTemplate[];
}

export interface ServerRequest {
  readonly method: 'sampling/createMessage' | 'elicitation/create';
  readonly params: Record<string, unknown>;
}

/** What the connection reports to its owner. All optional so tests can open a bare one. */
export interface UpstreamHooks {
  listsChanged?(lists: UpstreamLists): void;
  resourceUpdated?(params: { uri: string }): void;
  logMessage?(params: Record<string, unknown>): void;
  /** A request the server sends to "the client" (sampling, elicitation); the hub routes it. */
  serverRequest?(request: ServerRequest, signal: AbortSignal): Promise<Record<string, unknown>>;
  /** The server asks for roots: the hub answers for the client this session belongs to, if any. */
  listRoots?(signal: AbortSignal): Promise<{ roots: Array<{ uri: string; name?: string }> }>;
  /** Initialized and listed, before any call: the hub restores what its client had set (log level, subscriptions). */
  connected?(connection: Upstream): Promise<void>;
  error?(error: Error): void;
}

export type ProgressParams = { progress: number; total?: number; message?: string };

/** Which protocol era the hub speaks with a server (docs/protocol-eras.md). */
export type UpstreamEra = 'legacy' | 'modern';

/**
 * The client call a forwarded request belongs to, for a server that asks its client for input in
 * the result of the call (2026-07-28): the client's own capabilities, and how to ask it.
 */
export interface UpstreamCall {
  /** The era the calling client speaks with the hub: a server that speaks both is spoken to in the same one. */
  readonly clientEra: UpstreamEra;
  readonly clientCapabilities: Record<string, unknown> | undefined;
  /** One request of the server's `input_required` (`key` is the server's own name for it); resolves with the client's answer. */
  ask(request: { method: string; params?: Record<string, unknown> }, key: string, signal: AbortSignal): Promise<Record<string, unknown>>;
}

/**
 * What the hub uses of a connection to a server, whichever era it speaks: this file's 2025 client,
 * or the 2026-07-28 one (eras/modern-upstream.ts, loaded only for a server that speaks it).
 */
export interface Upstream {
  readonly era: UpstreamEra;
  lists: UpstreamLists;
  readonly capabilities: ServerCapabilities;
  readonly serverInfo: Implementation | undefined;
  readonly instructions: string | undefined;
  refreshLists(): Promise<UpstreamLists>;
  request(method: string, params: Record<string, unknown> | undefined, options?: { signal?: AbortSignal; timeout?: number }): Promise<Record<string, unknown>>;
  forward(method: string, params: Record<string, unknown> | undefined, signal?: AbortSignal, call?: UpstreamCall): Promise<Record<string, unknown>>;
  progressToken(listener: (params: ProgressParams) => void): { token: string; release(): void };
  rootsChanged(): Promise<void>;
  notify(method: string, params?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export class UpstreamConnection implements Upstream {
  readonly era = 'legacy';
  readonly client: Client;
  lists: UpstreamLists = { tools: [], prompts: [], resources: [], resourceTemplates: [] };
  readonly #hooks: UpstreamHooks;
  readonly #progress = new Map<string, (params: ProgressParams) => void>();
  #nextProgressToken = 1;
  readonly #forwarded = new Map<number, Forwarded>();
  #nextForwardId = FORWARD_ID_BASE;
  #sweeps = 0;
  #sweeper: NodeJS.Timeout | undefined;

  private constructor(client: Client, hooks: UpstreamHooks) {
    this.client = client;
    this.#hooks = hooks;
  }

  static async open(transport: Transport, hooks: UpstreamHooks = {}): Promise<UpstreamConnection> {
    const client = new Client(HUB_CLIENT_INFO, {
      // Declared so servers may ask; each request is routed to the session whose call caused it,
      // and fails clearly when that session cannot be known or lacks the capability. Roots are the
      // client's own on a per-client session, else the ones set for the server in MCP Tray.
      capabilities: { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } },
    });
    const connection = new UpstreamConnection(client, hooks);
    connection.#wireHandlers();
    await client.connect(transport, { timeout: INITIALIZE_TIMEOUT_MS });
    connection.#interceptForwarded(transport);
    await connection.refreshLists();
    await hooks.connected?.(connection).catch((error: Error) => hooks.error?.(error));
    return connection;
  }

  get capabilities(): ServerCapabilities {
    return this.client.getServerCapabilities() ?? {};
  }

  get serverInfo(): Implementation | undefined {
    return this.client.getServerVersion();
  }

  get instructions(): string | undefined {
    return this.client.getInstructions();
  }

  /** Lists tools, prompts, resources and templates, following every page. */
  async refreshLists(): Promise<UpstreamLists> {
    const caps = this.capabilities;
    const [tools, prompts, resources, resourceTemplates] = await Promise.all([
      caps.tools ? this.#allPages('tools/list', ToolsPageSchema, (page) => page.tools) : [],
      caps.prompts ? this.#allPages('prompts/list', PromptsPageSchema, (page) => page.prompts) : [],
      caps.resources ? this.#allPages('resources/list', ResourcesPageSchema, (page) => page.resources) : [],
      caps.resources ? this.#allPages('resources/templates/list', TemplatesPageSchema, (page) => page.resourceTemplates).catch(() => []) : [],
    ]);
    this.lists = { tools, prompts, resources, resourceTemplates };
    return this.lists;
  }

  /** Forwards a request and returns the server's result as it came. */
  request(method: string, params: Record<string, unknown> | undefined, options?: RequestOptions): Promise<Record<string, unknown>> {
    return this.client.request({ method, params } as never, AnyResultSchema, options) as Promise<Record<string, unknown>>;
  }

  /**
   * Forwards a client's request and returns the server's result as it came. A transparent hub
   * needs none of what the SDK's request() does per message (result schemas, one timer per
   * request, a chain of promises): the request goes out as it is, with an id of our own, and its
   * answer is taken off the transport before the SDK sees it. Cancellation (the signal) and the
   * connection's end settle it as the SDK would. A 2025 server asks its client with requests of
   * its own, routed by the hooks (`serverRequest`), so `_call` is not needed here.
   */
  forward(method: string, params: Record<string, unknown> | undefined, signal?: AbortSignal, _call?: UpstreamCall): Promise<Record<string, unknown>> {
    const transport = this.client.transport;
    if (!transport) return Promise.reject(new McpError(ErrorCode.ConnectionClosed, 'Not connected'));
    if (signal?.aborted) return Promise.reject(asCancelError(signal.reason));
    const id = this.#nextForwardId++;
    return new Promise((resolve, reject) => {
      const onAbort = signal
        ? () => {
            if (!this.#forwarded.delete(id)) return;
            void transport.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: String(signal.reason) } }).catch(() => undefined);
            reject(asCancelError(signal.reason));
          }
        : undefined;
      signal?.addEventListener('abort', onAbort!, { once: true });
      this.#forwarded.set(id, { resolve, reject, signal, onAbort, born: this.#sweeps });
      this.#sweeper ??= setInterval(() => this.#sweep(), FORWARD_SWEEP_MS).unref();
      transport.send({ jsonrpc: '2.0', id, method, params } as JSONRPCMessage).catch((error: Error) => this.#settle(id, error));
    });
  }

  /** Answers to forwarded requests are taken off the transport here; everything else goes on to the SDK. */
  #interceptForwarded(transport: Transport): void {
    const toSdk = transport.onmessage;
    transport.onmessage = (message, extra) => {
      if (this.#forwarded.size > 0 && !('method' in message)) {
        const id = (message as { id?: unknown }).id;
        if (typeof id === 'number' && this.#forwarded.has(id)) {
          if ('error' in message) {
            const { code, message: text, data } = message.error as { code: number; message: string; data?: unknown };
            this.#settle(id, McpError.fromError(code, text, data));
          } else {
            const result = (message as { result?: unknown }).result;
            this.#settle(id, typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as Record<string, unknown>) : new McpError(ErrorCode.InternalError, 'the server answered with a result that is not an object'));
          }
          return;
        }
      }
      toSdk?.(message, extra);
    };
    const closed = this.client.onclose;
    this.client.onclose = () => {
      for (const id of [...this.#forwarded.keys()]) this.#settle(id, new McpError(ErrorCode.ConnectionClosed, 'Connection closed'));
      closed?.();
    };
  }

  #settle(id: number, outcome: Record<string, unknown> | Error): void {
    const call = this.#forwarded.get(id);
    if (!call) return;
    this.#forwarded.delete(id);
    if (call.onAbort) call.signal!.removeEventListener('abort', call.onAbort);
    if (outcome instanceof Error) call.reject(outcome);
    else call.resolve(outcome);
  }

  /** Once a minute while requests are out: those older than FORWARD_TIMEOUT_MS fail as timed out. */
  #sweep(): void {
    this.#sweeps++;
    const limit = FORWARD_TIMEOUT_MS / FORWARD_SWEEP_MS;
    for (const [id, call] of this.#forwarded) {
      if (this.#sweeps - call.born < limit) continue;
      void this.client.transport?.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: 'timed out' } }).catch(() => undefined);
      this.#settle(id, new McpError(ErrorCode.RequestTimeout, 'Request timed out', { timeout: FORWARD_TIMEOUT_MS }));
    }
    if (this.#forwarded.size === 0) {
      clearInterval(this.#sweeper);
      this.#sweeper = undefined;
    }
  }

  /**
   * A progress token of the hub's own toward this server, and a way to release it. The hub maps
   * tokens itself instead of using the SDK's `onprogress`: the SDK forgets a token as soon as the
   * response arrives, and drops a last progress notification that came in the same read.
   */
  progressToken(listener: (params: ProgressParams) => void): { token: string; release(): void } {
    const token = `mcp-tray-${this.#nextProgressToken++}`;
    this.#progress.set(token, listener);
    return { token, release: () => setImmediate(() => this.#progress.delete(token)) };
  }

  /** Tells the server its roots changed; it asks for them again. */
  rootsChanged(): Promise<void> {
    return this.client.sendRootsListChanged();
  }

  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.client.notification({ method, params } as never);
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }

  async #allPages<S extends z.ZodType, T>(method: string, schema: S, items: (page: z.infer<S>) => T[]): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    // A server that loops its cursors must not hang the hub: 1,000 pages is far past any real list.
    for (let page = 0; page < 1000; page++) {
      const result = (await this.client.request(
        { method, params: cursor ? { cursor } : {} } as never,
        schema as never,
        { timeout: LIST_TIMEOUT_MS },
      )) as z.infer<S> & { nextCursor?: string };
      all.push(...items(result));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return all;
  }

  #wireHandlers(): void {
    const client = this.client;
    const hooks = this.#hooks;
    const relist = () =>
      this.refreshLists().then(
        (lists) => hooks.listsChanged?.(lists),
        (error: Error) => hooks.error?.(error),
      );
    client.setNotificationHandler(ToolListChangedNotificationSchema, relist);
    client.setNotificationHandler(PromptListChangedNotificationSchema, relist);
    client.setNotificationHandler(ResourceListChangedNotificationSchema, relist);
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => hooks.resourceUpdated?.(n.params));
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => hooks.logMessage?.(n.params));
    client.setNotificationHandler(ProgressNotificationSchema, (n) => {
      const { progressToken, ...params } = n.params;
      this.#progress.get(String(progressToken))?.(params as ProgressParams);
    });
    const route = (method: ServerRequest['method']) => async (request: { params: Record<string, unknown> }, extra: { signal: AbortSignal }) => {
      if (!hooks.serverRequest) throw new Error(`MCP Tray cannot route ${method} from this server`);
      return hooks.serverRequest({ method, params: request.params }, extra.signal) as never;
    };
    client.setRequestHandler(CreateMessageRequestSchema, route('sampling/createMessage'));
    client.setRequestHandler(ElicitRequestSchema, route('elicitation/create'));
    client.setRequestHandler(ListRootsRequestSchema, async (_request, extra) => (hooks.listRoots ? hooks.listRoots(extra.signal) : { roots: [] }));
    client.onerror = (error) => hooks.error?.(error);
  }
}

/** What a cancelled forward rejects with, as the SDK's own requests do. */
function asCancelError(reason: unknown): McpError {
  return reason instanceof McpError ? reason : new McpError(ErrorCode.RequestTimeout, String(reason));
}
