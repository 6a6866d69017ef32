// The gateway (docs/gateway.md): one MCP server session per connected client, exposing the aggregated
// tools, prompts and resources of every enabled server, with notifications fanned out to sessions
// and server→client requests (sampling, elicitation) routed to the session whose call caused them.
import { randomUUID } from 'node:crypto';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  LoggingLevelSchema,
  McpError,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type LoggingLevel,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalQueue } from '../approvals/approval-gate.ts';
import type { CallRecorder } from '../call-log/call-record.ts';
import type { CallMethod } from '../contract/call-log-shapes.ts';
import type { KnownSecrets } from '../call-log/redact.ts';
import { CallInProgress } from '../call-log/call-in-progress.ts';
import { isListed } from '../policy/access.ts';
import { classifyTool } from '../policy/classify.ts';
import { AnyResultSchema } from '../upstream/passthrough-schemas.ts';
import type { ServerRequest } from '../upstream/upstream-connection.ts';
import { Catalog } from './catalog.ts';
import { ClientSession, type SessionIdentity } from './client-session.ts';
import { asProtocolError, forwardRequest, ServerExitedError, type Extra } from './forward.ts';
import { visibleSources, type ServerDirectory } from './server-directory.ts';
import { handleToolCall, type ToolCallParams } from './tool-call.ts';

const LEVELS = LoggingLevelSchema.options;

export interface GatewayDeps {
  readonly directory: ServerDirectory;
  readonly approvals: ApprovalQueue;
  readonly recorder: CallRecorder;
  readonly secrets: KnownSecrets;
  /** A session's facts changed (connected, initialized, a call made); the hub throttles the events. */
  readonly sessionChanged: (session: ClientSession) => void;
  readonly sessionClosed: (sessionId: string) => void;
}

interface InflightCall {
  readonly serverId: string;
  readonly session: ClientSession;
  readonly requestId: string | number;
}

export class Gateway {
  readonly #deps: GatewayDeps;
  readonly #sessions = new Map<string, ClientSession>();
  readonly #inflight = new Map<string, InflightCall>();
  #catalog: Catalog | undefined;

  constructor(deps: GatewayDeps) {
    this.#deps = deps;
  }

  sessions(): ClientSession[] {
    return [...this.#sessions.values()];
  }

  catalog(): Catalog {
    this.#catalog ??= new Catalog(visibleSources(this.#deps.directory));
    return this.#catalog;
  }

  /** Servers or policy changed: rebuild names, and tell every session to re-list. */
  listsChanged(): void {
    this.#catalog = undefined;
    for (const session of this.#sessions.values()) {
      void session.server.sendToolListChanged().catch(() => undefined);
      void session.server.sendPromptListChanged().catch(() => undefined);
      void session.server.sendResourceListChanged().catch(() => undefined);
    }
  }

  /** Connects a client over a transport (the local socket or an HTTP session). */
  async connect(transport: Transport, identity: SessionIdentity, sessionId?: string): Promise<ClientSession> {
    const session = new ClientSession(identity, this.#instructions(), sessionId);
    this.#register(session);
    this.#sessions.set(session.id, session);
    session.server.oninitialized = () => this.#deps.sessionChanged(session);
    session.server.onclose = () => this.#closed(session);
    await session.server.connect(transport);
    this.#deps.sessionChanged(session);
    return session;
  }

  async disconnect(sessionId: string): Promise<boolean> {
    const session = this.#sessions.get(sessionId);
    if (!session) return false;
    await session.server.close();
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.sessions().map((session) => session.server.close().catch(() => undefined)));
  }

  /** The visible tools for a session's tools/list: exposed names, policy applied. */
  listTools(): Tool[] {
    const tools: Tool[] = [];
    for (const entry of this.catalog().tools.values()) {
      const def = this.#deps.directory.get(entry.serverId)?.def;
      if (!def) continue;
      const toolClass = classifyTool(entry.item, def.toolOverrides[entry.item.name]).class;
      if (!isListed(def, entry.item.name, toolClass)) continue;
      tools.push({ ...(entry.item as Tool), name: entry.exposedName });
    }
    return tools;
  }

  /** Routes a sampling or elicitation request from a server to the one session that caused it. */
  async routeServerRequest(serverId: string, request: ServerRequest, signal: AbortSignal): Promise<Record<string, unknown>> {
    const calls = [...this.#inflight.values()].filter((call) => call.serverId === serverId);
    const sessions = new Set(calls.map((call) => call.session));
    const what = request.method === 'sampling/createMessage' ? 'sampling' : 'elicitation';
    if (sessions.size !== 1) {
      throw new McpError(
        ErrorCode.InvalidRequest,
        sessions.size === 0
          ? `MCP Tray cannot route this ${what} request from server "${serverId}": no client call to it is in progress`
          : `MCP Tray cannot route this ${what} request from server "${serverId}": calls from ${sessions.size} client sessions are in progress and the request does not say which one caused it`,
      );
    }
    const [call] = calls.filter((c) => c.session === [...sessions][0]);
    const session = call!.session;
    const capabilities = session.server.getClientCapabilities();
    const supported = what === 'sampling' ? capabilities?.sampling : capabilities?.elicitation;
    if (!supported) throw new McpError(ErrorCode.InvalidRequest, `client "${session.identity.label}" does not support ${what}`);
    return session.server.request({ method: request.method, params: request.params } as never, AnyResultSchema, {
      signal,
      relatedRequestId: call!.requestId,
      timeout: 10 * 60_000,
    }) as Promise<Record<string, unknown>>;
  }

  /** A server sent notifications/resources/updated: tell the sessions subscribed to that URI. */
  resourceUpdated(params: { uri: string }): void {
    for (const session of this.#sessions.values()) {
      if (session.subscriptions.has(params.uri)) void session.server.sendResourceUpdated(params).catch(() => undefined);
    }
  }

  /** A server logged: forward to each session whose level lets it through. */
  logMessage(params: Record<string, unknown>): void {
    const level = params.level as LoggingLevel;
    for (const session of this.#sessions.values()) {
      if (session.logLevel && LEVELS.indexOf(level) < LEVELS.indexOf(session.logLevel)) continue;
      void session.server.notification({ method: 'notifications/message', params } as never).catch(() => undefined);
    }
  }

  /** The most verbose level any session asked for, to set on servers. */
  wantedLogLevel(): LoggingLevel | undefined {
    let wanted: LoggingLevel | undefined;
    for (const session of this.#sessions.values()) {
      if (session.logLevel && (!wanted || LEVELS.indexOf(session.logLevel) < LEVELS.indexOf(wanted))) wanted = session.logLevel;
    }
    return wanted;
  }

  #closed(session: ClientSession): void {
    if (session.closed) return;
    session.closed = true;
    this.#sessions.delete(session.id);
    this.#deps.approvals.dropSession(session.id);
    for (const uri of session.subscriptions) void this.#unsubscribeUpstream(uri);
    this.#deps.sessionClosed(session.id);
  }

  #instructions(): string {
    const parts = ['MCP Tray: one connection to the MCP servers this user runs. Write tools stay hidden until the user turns write mode on for their server; write calls may wait for the user\'s approval.'];
    for (const supervisor of this.#deps.directory.supervisors()) {
      const text = supervisor.connection?.instructions;
      if (supervisor.def.enabled && text) parts.push(`Server "${supervisor.id}": ${text}`);
    }
    return parts.join('\n\n');
  }

  /** Tracks a forwarded call so server→client requests can find their session. */
  async #tracked<T>(serverId: string, session: ClientSession, extra: Extra, run: () => Promise<T>): Promise<T> {
    const key = randomUUID();
    this.#inflight.set(key, { serverId, session, requestId: extra.requestId });
    try {
      return await run();
    } finally {
      this.#inflight.delete(key);
    }
  }

  #register(session: ClientSession): void {
    const server = session.server;
    const deps = this.#deps;

    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: this.listTools() }));

    // tools/call is the hot path and a transparent hub passes results through as the server sent
    // them, so it is handled without the SDK's per-request schema parse and result re-validation;
    // the few fields the hub relies on are checked here.
    server.fallbackRequestHandler = async (request, extra) => {
      if (request.method !== 'tools/call') throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${request.method}`);
      const params = toolCallParams(request.params);
      const entry = this.catalog().tools.get(params.name);
      const ctx = { directory: deps.directory, catalog: () => this.catalog(), approvals: deps.approvals, recorder: deps.recorder, secrets: deps.secrets };
      const call = () => handleToolCall(ctx, session, params, extra);
      try {
        return (await (entry ? this.#tracked(entry.serverId, session, extra, call) : call())) as never;
      } finally {
        deps.sessionChanged(session);
      }
    };

    server.setRequestHandler(ListPromptsRequestSchema, async () => ({
      prompts: [...this.catalog().prompts.values()].map((entry) => ({ ...entry.item, name: entry.exposedName })),
    }));

    server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
      const entry = this.catalog().prompts.get(request.params.name);
      if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${request.params.name}`);
      return this.#readLike(session, entry.serverId, 'prompts/get', entry.item.name, { ...request.params, name: entry.item.name }, request.params.arguments ?? {}, extra);
    });

    server.setRequestHandler(ListResourcesRequestSchema, async () => ({
      resources: this.catalog().resources().map((entry) => entry.item),
    }));

    server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
      resourceTemplates: this.catalog().resourceTemplates().map((entry) => entry.item),
    }));

    server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
      const serverId = this.#resourceOwner(request.params.uri);
      return this.#readLike(session, serverId, 'resources/read', request.params.uri, request.params, { uri: request.params.uri }, extra);
    });

    server.setRequestHandler(SubscribeRequestSchema, async (request) => {
      const { uri } = request.params;
      const serverId = this.#resourceOwner(uri);
      const first = !this.#subscribed(uri);
      session.subscriptions.add(uri);
      if (first) await this.#forwardSimple(serverId, 'resources/subscribe', { uri });
      return {};
    });

    server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
      session.subscriptions.delete(request.params.uri);
      await this.#unsubscribeUpstream(request.params.uri);
      return {};
    });

    server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
      const ref = request.params.ref as { type: string; name?: string; uri?: string };
      let serverId: string | undefined;
      const params = { ...request.params } as Record<string, unknown>;
      if (ref.type === 'ref/prompt' && ref.name) {
        const entry = this.catalog().prompts.get(ref.name);
        serverId = entry?.serverId;
        if (entry) params.ref = { ...ref, name: entry.item.name };
      } else if (ref.type === 'ref/resource' && ref.uri) {
        serverId = this.catalog().serverForTemplate(ref.uri) ?? this.catalog().serverForResource(ref.uri);
      }
      if (!serverId) throw new McpError(ErrorCode.InvalidParams, `Nothing to complete for ${JSON.stringify(ref)}`);
      const supervisor = this.#supervisor(serverId);
      if (!supervisor.connection?.capabilities.completions) return { completion: { values: [], hasMore: false } };
      return this.#tracked(serverId, session, extra, () => forwardRequest(supervisor, 'completion/complete', params, extra)).catch((error) => {
        throw asProtocolError(error);
      });
    });

    server.setRequestHandler(SetLevelRequestSchema, async (request) => {
      session.logLevel = request.params.level;
      const wanted = this.wantedLogLevel();
      await Promise.all(
        deps.directory
          .supervisors()
          .filter((s) => s.connection?.capabilities.logging)
          .map((s) => s.connection!.request('logging/setLevel', { level: wanted ?? request.params.level }).catch(() => undefined)),
      );
      return {};
    });
  }

  /** resources/read and prompts/get: forwarded, logged as reads. */
  async #readLike(
    session: ClientSession,
    serverId: string,
    method: CallMethod,
    target: string,
    params: Record<string, unknown>,
    args: unknown,
    extra: Extra,
  ): Promise<Record<string, unknown>> {
    const supervisor = this.#supervisor(serverId);
    const call = new CallInProgress(session, { serverId, method, target, arguments: args, class: 'read' }, this.#deps.recorder, this.#deps.secrets);
    const record = (outcome: 'ok' | 'protocol-error' | 'server-exited' | 'cancelled', result?: Record<string, unknown>, error?: string) =>
      call.finish({ decision: 'auto-read', outcome, result, error });
    try {
      const result = await this.#tracked(serverId, session, extra, () => forwardRequest(supervisor, method, params, extra));
      record('ok', result);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record(extra.signal.aborted ? 'cancelled' : error instanceof ServerExitedError ? 'server-exited' : 'protocol-error', undefined, message);
      throw asProtocolError(error);
    } finally {
      this.#deps.sessionChanged(session);
    }
  }

  #resourceOwner(uri: string): string {
    const serverId = this.catalog().serverForResource(uri);
    if (serverId) return serverId;
    const withResources = this.#deps.directory.supervisors().filter((s) => s.def.enabled && s.connection?.capabilities.resources);
    if (withResources.length === 1) return withResources[0]!.id;
    throw new McpError(ErrorCode.InvalidParams, `Resource not found: no server of MCP Tray offers ${uri}`);
  }

  #supervisor(serverId: string) {
    const supervisor = this.#deps.directory.get(serverId);
    if (!supervisor) throw new McpError(ErrorCode.InvalidParams, `server "${serverId}" is not defined in MCP Tray`);
    return supervisor;
  }

  #subscribed(uri: string): boolean {
    for (const session of this.#sessions.values()) if (session.subscriptions.has(uri)) return true;
    return false;
  }

  async #unsubscribeUpstream(uri: string): Promise<void> {
    if (this.#subscribed(uri)) return;
    const serverId = this.catalog().serverForResource(uri);
    if (serverId) await this.#forwardSimple(serverId, 'resources/unsubscribe', { uri }).catch(() => undefined);
  }

  async #forwardSimple(serverId: string, method: string, params: Record<string, unknown>): Promise<void> {
    const connection = await this.#supervisor(serverId).connectionForCall();
    await connection.request(method, params);
  }
}

/** The params of a tools/call, checked for what the hub relies on (the server validates the rest). */
function toolCallParams(raw: unknown): ToolCallParams {
  const params = (raw ?? {}) as Record<string, unknown>;
  if (typeof params.name !== 'string' || params.name.length === 0) throw new McpError(ErrorCode.InvalidParams, 'tools/call needs a tool "name"');
  if (params.arguments !== undefined && (typeof params.arguments !== 'object' || params.arguments === null || Array.isArray(params.arguments))) {
    throw new McpError(ErrorCode.InvalidParams, 'tools/call "arguments" must be an object');
  }
  if (params._meta !== undefined && (typeof params._meta !== 'object' || params._meta === null)) throw new McpError(ErrorCode.InvalidParams, '"_meta" must be an object');
  return params as unknown as ToolCallParams;
}
