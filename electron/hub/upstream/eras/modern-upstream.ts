// A connection to a server that speaks 2026-07-28 (docs/protocol-eras.md), with the v2 SDK's
// client, behind the same `Upstream` shape as the 2025 connection (upstream-connection.ts): the
// gateway, catalog, policy and call log do not know which era a server speaks. Loaded (`import()`)
// only when a server answered the era probe as 2026-07-28.
//
// What differs from 2025, and is handled here:
// - each forwarded call carries the calling client's own capabilities (and the log level its
//   session asked for) in its envelope, so the server asks only for what that client can give;
// - the server asks its client for input (sampling, elicitation, roots) in the result of the call
//   (`input_required`): each request goes to the calling client (`UpstreamCall.ask`, under the
//   server's own key), and the call is retried with the answers and the server's requestState,
//   round after round, until its final result;
// - list changes arrive on a `subscriptions/listen` stream the connection keeps open.
import { Client, StreamableHTTPClientTransport, withInputRequired, type McpSubscription, type Transport } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { RemoteAuth } from '../launch.ts';
import { HUB_CLIENT_CAPABILITIES, MODERN_PROTOCOL_VERSION, type DiscoverResult } from '../era-probe.ts';
import {
  FORWARD_TIMEOUT_MS,
  HUB_CLIENT_INFO,
  type ProgressParams,
  type Upstream,
  type UpstreamCall,
  type UpstreamHooks,
  type UpstreamLists,
} from '../upstream-connection.ts';
import type { UpstreamPrompt, UpstreamResource, UpstreamTemplate, UpstreamTool } from '../passthrough-schemas.ts';

const LIST_TIMEOUT_MS = 30_000;
/** Rounds of input one call may take; a server that asks more is stuck in a loop. */
export const MAX_INPUT_ROUNDS = 16;
const AnyResult = z.looseObject({});
const CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
const LOG_LEVEL_KEY = 'io.modelcontextprotocol/logLevel';

type Params = Record<string, unknown> & { _meta?: Record<string, unknown> };
type InputRequests = Record<string, { method: string; params?: Record<string, unknown> }>;

/** The v2 HTTP transport for a remote server that speaks 2026-07-28. */
export function modernHttpTransport(url: string, headers: Record<string, string>, auth?: RemoteAuth): Transport {
  return new StreamableHTTPClientTransport(new URL(url), auth ? { authProvider: auth.authProvider as never, fetch: auth.fetch as never } : { requestInit: { headers } });
}

export class ModernUpstream implements Upstream {
  readonly era = 'modern';
  lists: UpstreamLists = { tools: [], prompts: [], resources: [], resourceTemplates: [] };
  readonly #client: Client;
  readonly #hooks: UpstreamHooks;
  readonly #progress = new Map<string, (params: ProgressParams) => void>();
  #nextProgressToken = 1;
  /** The log level the hub asked for (2025's logging/setLevel): sent in each call's envelope. */
  #logLevel: string | undefined;
  #listen: McpSubscription | undefined;

  private constructor(client: Client, hooks: UpstreamHooks) {
    this.#client = client;
    this.#hooks = hooks;
  }

  /**
   * Connects on `transport` (a server's stdio, or `modernHttpTransport`) with what the probe
   * learned. `alongside`: the server is spoken to in 2025 as well (dual-era.ts), which keeps its
   * lists fresh; this connection only carries 2026-07-28 clients' calls.
   */
  static async open(transport: Transport, discover: DiscoverResult, hooks: UpstreamHooks = {}, alongside = false): Promise<ModernUpstream> {
    const client = new Client(HUB_CLIENT_INFO, {
      capabilities: HUB_CLIENT_CAPABILITIES,
      versionNegotiation: { mode: { pin: MODERN_PROTOCOL_VERSION } },
      // The hub answers a server's input requests itself: with the calling client's answers.
      inputRequired: { autoFulfill: false },
    });
    const connection = new ModernUpstream(client, hooks);
    connection.#wire();
    await client.connect(transport, { prior: { kind: 'modern', discover: discover as never } });
    connection.#takeProgress(transport);
    if (alongside) return connection;
    await connection.refreshLists();
    void connection.#listenForChanges();
    await hooks.connected?.(connection).catch((error: Error) => hooks.error?.(error));
    return connection;
  }

  get capabilities(): Upstream['capabilities'] {
    return (this.#client.getServerCapabilities() ?? {}) as Upstream['capabilities'];
  }

  get serverInfo(): Upstream['serverInfo'] {
    return this.#client.getServerVersion() as Upstream['serverInfo'];
  }

  get instructions(): string | undefined {
    return this.#client.getInstructions();
  }

  async refreshLists(): Promise<UpstreamLists> {
    const caps = this.capabilities;
    const [tools, prompts, resources, resourceTemplates] = await Promise.all([
      caps.tools ? this.#allPages<UpstreamTool>('tools/list', 'tools') : [],
      caps.prompts ? this.#allPages<UpstreamPrompt>('prompts/list', 'prompts') : [],
      caps.resources ? this.#allPages<UpstreamResource>('resources/list', 'resources') : [],
      caps.resources ? this.#allPages<UpstreamTemplate>('resources/templates/list', 'resourceTemplates').catch(() => []) : [],
    ]);
    this.lists = { tools, prompts, resources, resourceTemplates };
    return this.lists;
  }

  /**
   * A request of the hub's own. The methods 2026-07-28 removed are kept to their meaning: the log
   * level goes with each call's envelope from now on; resource subscriptions are not carried.
   */
  async request(method: string, params: Record<string, unknown> | undefined, options?: { signal?: AbortSignal; timeout?: number }): Promise<Record<string, unknown>> {
    if (method === 'logging/setLevel') {
      this.#logLevel = typeof params?.level === 'string' ? params.level : undefined;
      return {};
    }
    if (method === 'resources/subscribe' || method === 'resources/unsubscribe') return {};
    return (await this.#client.request({ method, params } as never, AnyResult, options)) as Record<string, unknown>;
  }

  /**
   * Forwards a client's request. The client's capabilities (when known) replace the hub's in the
   * envelope; an `input_required` answer is put to the client through `call.ask`, and the call is
   * retried with the answers until the server gives its result.
   */
  async forward(method: string, params: Record<string, unknown> | undefined, signal?: AbortSignal, call?: UpstreamCall): Promise<Record<string, unknown>> {
    const { _meta, ...rest } = (params ?? {}) as Params;
    const meta: Record<string, unknown> = { ..._meta };
    if (call?.clientCapabilities) meta[CAPABILITIES_KEY] = call.clientCapabilities;
    if (this.#logLevel) meta[LOG_LEVEL_KEY] = this.#logLevel;
    let sent: Params = { ...rest, _meta: meta };
    for (let round = 0; ; round++) {
      const options = { allowInputRequired: true, signal, timeout: FORWARD_TIMEOUT_MS } as const;
      // A tool that names arguments to be mirrored in Mcp-Param-* headers goes through the SDK's
      // callTool, which writes them from the definition (without its output schema: results pass as sent).
      const mirrored = method === 'tools/call' ? this.#headerTool(sent.name) : undefined;
      const result = (await (mirrored
        ? this.#client.callTool(sent as never, { ...options, toolDefinition: mirrored as never })
        : this.#client.request({ method, params: sent } as never, withInputRequired(AnyResult), options)
      ).catch((error: unknown) => {
          throw call?.clientEra === 'legacy' ? forLegacyClient(error, method) : error;
        })) as Record<string, unknown>;
      if (result.resultType !== 'input_required') {
        const { resultType: _complete, ...final } = result;
        return final;
      }
      if (round + 1 >= MAX_INPUT_ROUNDS) throw new McpError(ErrorCode.InternalError, `the server asked for input ${MAX_INPUT_ROUNDS} times during one ${method}; MCP Tray stopped the call`);
      const requests = (result.inputRequests ?? {}) as InputRequests;
      if (!call) throw new McpError(ErrorCode.InvalidRequest, `the server asked for ${describe(requests)} during ${method}, and MCP Tray has no client to ask`);
      const answers = await Promise.all(Object.entries(requests).map(async ([key, request]) => [key, await call.ask(request, key, signal ?? new AbortController().signal)] as const));
      const { inputResponses: _previous, requestState: _state, ...base } = sent;
      sent = { ...base, inputResponses: Object.fromEntries(answers), ...(result.requestState !== undefined && { requestState: result.requestState }) };
    }
  }

  /** The tool's definition when its input schema declares `x-mcp-header` arguments. */
  #headerTool(name: unknown): UpstreamTool | undefined {
    const tool = this.lists.tools.find((t) => t.name === name);
    const properties = (tool?.inputSchema as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties;
    if (!tool || !properties || !Object.values(properties).some((property) => property && typeof property === 'object' && 'x-mcp-header' in property)) return undefined;
    const { outputSchema: _unchecked, ...definition } = tool as UpstreamTool & { outputSchema?: unknown };
    return definition as UpstreamTool;
  }

  progressToken(listener: (params: ProgressParams) => void, token = `mcp-tray-modern-${this.#nextProgressToken++}`): { token: string; release(): void } {
    this.#progress.set(token, listener);
    return { token, release: () => setImmediate(() => this.#progress.delete(token)) };
  }

  /** 2026-07-28 has no roots notification: the server asks for roots in each call that needs them. */
  async rootsChanged(): Promise<void> {}

  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.#client.notification({ method, params } as never);
  }

  async close(): Promise<void> {
    await this.#listen?.close().catch(() => undefined);
    await this.#client.close().catch(() => undefined);
  }

  async #allPages<T>(method: string, key: string): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    // A server that loops its cursors must not hang the hub: 1,000 pages is far past any real list.
    for (let page = 0; page < 1000; page++) {
      const result = (await this.#client.request({ method, params: cursor ? { cursor } : {} } as never, AnyResult, { timeout: LIST_TIMEOUT_MS })) as Record<string, unknown>;
      all.push(...((result[key] as T[] | undefined) ?? []));
      cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
      if (!cursor) break;
    }
    return all;
  }

  /**
   * Progress for the hub's own tokens is taken off the transport as it arrives: the SDK hands a
   * notification on a tick after it settles the call, so the last ones sent just before the result
   * would be lost, and the hub must send them to its client before the result.
   */
  #takeProgress(transport: Transport): void {
    const toSdk = transport.onmessage;
    transport.onmessage = (message, extra) => {
      if ((message as { method?: string }).method === 'notifications/progress') {
        const { progressToken, ...progress } = ((message as { params?: Record<string, unknown> }).params ?? {}) as Record<string, unknown>;
        const listener = this.#progress.get(String(progressToken));
        if (listener) return listener(progress as ProgressParams);
      }
      toSdk?.(message, extra);
    };
  }

  /** List changes come on a listen stream: the connection opens one for what the server can change. */
  async #listenForChanges(): Promise<void> {
    const caps = this.capabilities;
    const filter = {
      ...(caps.tools?.listChanged && { toolsListChanged: true }),
      ...(caps.prompts?.listChanged && { promptsListChanged: true }),
      ...(caps.resources?.listChanged && { resourcesListChanged: true }),
    };
    if (Object.keys(filter).length === 0) return;
    try {
      this.#listen = await this.#client.listen(filter);
    } catch (error) {
      this.#hooks.error?.(error as Error);
    }
  }

  #wire(): void {
    const client = this.#client;
    const hooks = this.#hooks;
    const relist = () =>
      this.refreshLists().then(
        (lists) => hooks.listsChanged?.(lists),
        (error: Error) => hooks.error?.(error),
      );
    client.setNotificationHandler('notifications/tools/list_changed', relist);
    client.setNotificationHandler('notifications/prompts/list_changed', relist);
    client.setNotificationHandler('notifications/resources/list_changed', relist);
    client.setNotificationHandler('notifications/resources/updated', (n) => hooks.resourceUpdated?.(n.params as { uri: string }));
    client.setNotificationHandler('notifications/message', (n) => hooks.logMessage?.(n.params as Record<string, unknown>));
    client.onerror = (error) => hooks.error?.(error);
  }
}

/**
 * The server's -32021 (it needs a capability the calling client did not declare) is a code a 2025
 * client does not know: it gets an invalid-request error that names the capability.
 */
function forLegacyClient(error: unknown, method: string): unknown {
  const { code, message, data } = (error ?? {}) as { code?: unknown; message?: unknown; data?: { requiredCapabilities?: Record<string, unknown> } };
  if (code !== -32021) return error;
  const needed = Object.keys(data?.requiredCapabilities ?? {});
  const what = needed.length > 0 ? needed.join(' and ') : 'a capability';
  return new McpError(ErrorCode.InvalidRequest, `this client does not support ${what}, which the server asks for during this ${method} (${String(message)})`);
}

function describe(requests: InputRequests): string {
  const methods = [...new Set(Object.values(requests).map((request) => request.method))];
  return methods.length > 0 ? methods.join(', ') : 'input';
}
