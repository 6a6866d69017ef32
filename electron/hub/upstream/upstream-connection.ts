// One MCP client connection to one server (a supervised child or a remote endpoint): initialize,
// list everything it offers (all pages), keep the lists fresh on list_changed, and forward
// requests unchanged. It knows nothing about sessions or policy; the hub wires its hooks.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CreateMessageRequestSchema,
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
  connected?(connection: UpstreamConnection): Promise<void>;
  error?(error: Error): void;
}

export type ProgressParams = { progress: number; total?: number; message?: string };

export class UpstreamConnection {
  readonly client: Client;
  lists: UpstreamLists = { tools: [], prompts: [], resources: [], resourceTemplates: [] };
  readonly #hooks: UpstreamHooks;
  readonly #progress = new Map<string, (params: ProgressParams) => void>();
  #nextProgressToken = 1;

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
