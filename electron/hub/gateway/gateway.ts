// The gateway (docs/gateway.md): one MCP server session per connected client, exposing the aggregated
// tools, prompts and resources of every enabled server. A per-client server's calls from a session go
// to that session's own lane, whose lists, logs and requests are that client's alone; a shared
// server's notifications go to the sessions they concern, and its requests to the session whose
// call caused them (server-to-client.ts).
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
  RootsListChangedNotificationSchema,
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
import { CallInProgress, type CallTarget } from '../call-log/call-in-progress.ts';
import { isListed } from '../policy/access.ts';
import { classifyTool } from '../policy/classify.ts';
import { sessionMode } from '../server-registry/session-mode.ts';
import { requiresTask } from '../upstream/task-support.ts';
import type { ServerRequest, Upstream } from '../upstream/upstream-connection.ts';
import { Catalog } from './catalog.ts';
import { toolCallTarget, type CallHooks } from './call-hooks.ts';
import { ClientSession, type SessionIdentity } from './client-session.ts';
import { asProtocolError, forwardRequest, ServerExitedError, upstreamCalls, type Extra } from './forward.ts';
import { ListAnnouncer } from './list-announcer.ts';
import { visibleSources, type DirectoryServer, type ServerDirectory, type ToolScreen } from './server-directory.ts';
import { heldToolMessage } from '../pinning/held-message.ts';
import type { ToolPins } from '../pinning/tool-pins.ts';
import { answerRoots, askDuringCall, routeServerRequest, type InflightCall, type ServerToClientContext } from './server-to-client.ts';
import { handleToolCall, type ToolCallParams } from './tool-call.ts';
import { allowsServer, allowsTool, outsideProfileMessage, profileKey, type ActiveProfile, type ProfileRequest } from '../profiles/active-profile.ts';
import { CALL_TOOL, innerCall, SEARCH_MODE_TOOLS, SEARCH_TOOL, searchAnswer, type ListedTool } from './search-mode.ts';

const EVERYTHING: ActiveProfile = { name: 'default', source: 'default', profile: undefined, missing: false, toolSearch: false };
import { ToolCallLane } from './tool-call-lane.ts';

const LEVELS = LoggingLevelSchema.options;

export interface GatewayDeps {
  readonly directory: ServerDirectory;
  readonly approvals: ApprovalQueue;
  readonly recorder: CallRecorder;
  readonly secrets: KnownSecrets;
  /** A session's facts changed (connected, initialized, a call made); the hub throttles the events. */
  readonly sessionChanged: (session: ClientSession) => void;
  readonly sessionClosed: (sessionId: string) => void;
  /** A shared server sent a request no one client could be told to answer (the UI offers per-client sessions). */
  readonly unrouted?: (serverId: string, method: string, sessions: number) => void;
  /** A line for a server's log (what the hub answered it, say). */
  readonly serverLog?: (serverId: string, text: string) => void;
  /** Rate limits and trace spans around each call (call-hooks.ts); none in tests that do not need them. */
  readonly hooks?: CallHooks;
  /** Pinned tool definitions (pinning/tool-pins.ts): held tools are neither listed nor called. None: nothing is held. */
  readonly pins?: Pick<ToolPins, 'screen' | 'heldByCallName'>;
  /** Which profile a connection sees (profiles/active-profile.ts). None: every session sees every server. */
  readonly profiles?: (request: ProfileRequest) => ActiveProfile;
}

export class Gateway {
  readonly #deps: GatewayDeps;
  readonly #sessions = new Map<string, ClientSession>();
  readonly #inflight = new Map<string, InflightCall>();
  #catalog: Catalog | undefined;
  /** Bumped by every change; a session's own catalog (with its lanes' lists) is rebuilt after one. */
  #generation = 0;
  readonly #sessionCatalogs = new WeakMap<ClientSession, { generation: number; catalog: Catalog }>();
  /** One key per catalog and profile: sessions that see the same lists share one computation per round. */
  readonly #viewKeys = new WeakMap<Catalog, Map<string, object>>();
  readonly #announcer: ListAnnouncer;
  readonly #toClient: ServerToClientContext;

  constructor(deps: GatewayDeps) {
    this.#deps = deps;
    this.#announcer = new ListAnnouncer(
      () => this.#sessions.values(),
      (session) => {
        const catalog = this.catalogFor(session);
        const profile = profileKey(this.profileOf(session));
        let keys = this.#viewKeys.get(catalog);
        if (!keys) this.#viewKeys.set(catalog, (keys = new Map()));
        let key = keys.get(profile);
        if (!key) keys.set(profile, (key = {}));
        return { key, view: () => this.#listView(session) };
      },
    );
    this.#toClient = {
      directory: deps.directory,
      session: (id) => this.#sessions.get(id),
      inflight: (serverId) => [...this.#inflight.values()].filter((call) => call.serverId === serverId),
      unrouted: (serverId, method, sessions) => deps.unrouted?.(serverId, method, sessions),
      log: (serverId, text) => deps.serverLog?.(serverId, text),
    };
  }

  readonly #screen: ToolScreen = (def, tools) => (this.#deps.pins ? this.#deps.pins.screen(def, tools) : tools);

  /** The profile a session sees now: its connection's, else its client's, else the default. */
  profileOf(session: ClientSession): ActiveProfile {
    const { clientId, transport, profile } = session.identity;
    if (!this.#deps.profiles) return EVERYTHING;
    return this.#deps.profiles(transport === 'http' ? { clientId, source: 'token' } : { clientId, profile, source: profile === undefined ? undefined : 'entry' });
  }

  sessions(): ClientSession[] {
    return [...this.#sessions.values()];
  }

  /** Every server's own lists: what a session without lanes sees, and what the UIs show. */
  catalog(): Catalog {
    this.#catalog ??= new Catalog(visibleSources(this.#deps.directory, this.#screen));
    return this.#catalog;
  }

  /**
   * What one session sees: the servers' lists, with a per-client server's lists taken from the
   * session's own lane while it runs (a resource the server made for this session, say).
   */
  catalogFor(session: ClientSession): Catalog {
    const cached = this.#sessionCatalogs.get(session);
    if (cached?.generation === this.#generation) return cached.catalog;
    const own = new Map(
      this.#deps.directory
        .sessionUpstreams(session.id)
        .filter((lane) => lane.state === 'running' && lane.listsKnown)
        .map((lane) => [lane.id, { ...lane.lists, tools: this.#screen(lane.def, lane.lists.tools) }]),
    );
    const catalog =
      own.size === 0
        ? this.catalog()
        : new Catalog(visibleSources(this.#deps.directory, this.#screen).map((source) => (own.has(source.serverId) ? { serverId: source.serverId, ...own.get(source.serverId)! } : source)));
    this.#sessionCatalogs.set(session, { generation: this.#generation, catalog });
    return catalog;
  }

  /** Servers, lanes or policy changed: rebuild names, and tell each session about the lists that changed for it. */
  listsChanged(): void {
    this.#catalog = undefined;
    this.#generation++;
    this.#announcer.changed();
  }

  /** Connects a client over a transport (the local socket or an HTTP session). */
  async connect(transport: Transport, identity: SessionIdentity, sessionId?: string): Promise<ClientSession> {
    const session = new ClientSession(identity, this.instructions(), sessionId);
    session.activeProfile = () => this.profileOf(session);
    this.#register(session);
    this.#sessions.set(session.id, session);
    this.#announcer.track(session);
    session.server.oninitialized = () => this.#deps.sessionChanged(session);
    session.server.onclose = () => this.#closed(session);
    const recordVersion = (params: unknown) => {
      const asked = (params as { protocolVersion?: unknown } | undefined)?.protocolVersion;
      if (typeof asked === 'string') session.requestedVersion = asked;
    };
    await session.server.connect(new ToolCallLane(transport, session.server, (params, extra) => this.callTool(session, params, extra), recordVersion));
    this.#deps.sessionChanged(session);
    return session;
  }

  /**
   * A session for a 2026-07-28 client (docs/protocol-eras.md): no connection and no handshake; its
   * requests are answered one by one (eras/modern-dispatch.ts) through the methods below, with the
   * same catalog, policy, approvals and call log as a connected session's.
   */
  openModernSession(identity: SessionIdentity): ClientSession {
    const session = new ClientSession(identity, undefined, undefined, 'modern');
    session.activeProfile = () => this.profileOf(session);
    this.#sessions.set(session.id, session);
    this.#announcer.track(session);
    this.#deps.sessionChanged(session);
    return session;
  }

  /** Ends a modern session (idle, evicted, or disconnected from a UI): its approvals "for this session" are forgotten. */
  closeModernSession(session: ClientSession): void {
    this.#closed(session);
  }

  async disconnect(sessionId: string): Promise<boolean> {
    const session = this.#sessions.get(sessionId);
    if (!session) return false;
    if (session.era === 'modern') {
      this.#closed(session);
      session.endConnection?.();
    } else await session.server.close();
    return true;
  }

  async closeAll(): Promise<void> {
    for (const session of this.sessions()) if (session.era === 'modern') this.#closed(session);
    await Promise.all(this.sessions().map((session) => session.server.close().catch(() => undefined)));
  }

  /**
   * The tools a session's tools/list shows: exposed names, policy applied, and none the session
   * could not call (a tool that runs only as a task: MCP Tray does not pass tasks on).
   */
  listTools(session?: ClientSession): Tool[] {
    if (session && this.profileOf(session).toolSearch) return [...SEARCH_MODE_TOOLS];
    return this.profileTools(session).map((listed) => listed.tool);
  }

  /** The tools a session's profile shows (policy applied), with their servers: what tool search searches. */
  profileTools(session?: ClientSession): ListedTool[] {
    const active = session ? this.profileOf(session) : EVERYTHING;
    const tools: ListedTool[] = [];
    for (const entry of (session ? this.catalogFor(session) : this.catalog()).tools.values()) {
      const def = this.#deps.directory.get(entry.serverId)?.def;
      if (!def || requiresTask(entry.item)) continue;
      if (!allowsTool(active, entry.serverId, entry.item.name)) continue;
      const toolClass = classifyTool(entry.item, def.toolOverrides[entry.item.name]).class;
      if (!isListed(def, entry.item.name, toolClass)) continue;
      tools.push({ serverId: entry.serverId, tool: { ...(entry.item as Tool), name: entry.exposedName } });
    }
    return tools;
  }

  /** Sampling or elicitation from a server, or (with `sessionId`) from one session's lane of it: see server-to-client.ts. */
  routeServerRequest(serverId: string, request: ServerRequest, signal: AbortSignal, sessionId?: string): Promise<Record<string, unknown>> {
    return routeServerRequest(this.#toClient, serverId, request, signal, sessionId);
  }

  /** A server (or one session's lane of it) asks for roots. */
  listRoots(serverId: string, signal: AbortSignal, sessionId?: string): Promise<{ roots: Array<{ uri: string; name?: string }> }> {
    return answerRoots(this.#toClient, serverId, signal, sessionId);
  }

  /** A lane is up: it gets what its client had set before it (re)started: the log level, subscriptions. */
  async laneConnected(serverId: string, sessionId: string, connection: Upstream): Promise<void> {
    const session = this.#sessions.get(sessionId);
    if (!session) return;
    if (session.logLevel && connection.capabilities.logging) await connection.request('logging/setLevel', { level: session.logLevel });
    if (!connection.capabilities.resources?.subscribe) return;
    const catalog = this.catalogFor(session);
    for (const uri of session.subscriptions) {
      if (catalog.serverForResource(uri) === serverId) await connection.request('resources/subscribe', { uri }).catch(() => undefined);
    }
  }

  /** A server sent notifications/resources/updated: tell the sessions subscribed to that URI (a lane's: its own session only). */
  resourceUpdated(serverId: string, params: { uri: string }, sessionId?: string): void {
    if (sessionId === undefined && this.#perClient(serverId)) return;
    for (const session of this.#sessions.values()) {
      if (sessionId !== undefined && session.id !== sessionId) continue;
      if (session.subscriptions.has(params.uri)) void session.server.sendResourceUpdated(params).catch(() => undefined);
    }
  }

  /**
   * A server logged. A message goes to the sessions that asked for logging (logging/setLevel) at
   * its level or below, and to the session whose call it belongs to: a lane's session while it
   * has a call in progress, or for a shared server the only session with calls to it in progress.
   * MCP Tray's own session with a per-client server belongs to no client.
   */
  logMessage(serverId: string, params: Record<string, unknown>, sessionId?: string): void {
    if (sessionId === undefined && this.#perClient(serverId)) return;
    const level = params.level as LoggingLevel;
    const callers = new Set([...this.#inflight.values()].filter((call) => call.serverId === serverId).map((call) => call.session));
    for (const session of this.#sessions.values()) {
      if (sessionId !== undefined && session.id !== sessionId) continue;
      const asked = session.logLevel !== undefined && LEVELS.indexOf(level) >= LEVELS.indexOf(session.logLevel);
      const caller = session.logLevel === undefined && callers.has(session) && (sessionId !== undefined || callers.size === 1);
      if (asked || caller) void session.server.notification({ method: 'notifications/message', params } as never).catch(() => undefined);
    }
  }

  /** The most verbose level any session asked for, to set on shared servers. */
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
    this.#deps.directory.closeSession(session.id);
    this.#deps.sessionClosed(session.id);
  }

  /** Whether a server's client sessions each have their own upstream session. */
  #perClient(serverId: string): boolean {
    const def = this.#deps.directory.get(serverId)?.def;
    return def !== undefined && sessionMode(def) === 'per-client';
  }

  /** Where this session's calls to a server go: the server, or the session's own lane of it (started at its first use). */
  #upstream(serverId: string, session: ClientSession): DirectoryServer {
    return this.#supervisor(serverId).upstreamFor(session.owner);
  }

  #listView(session: ClientSession) {
    return {
      tools: this.listTools(session),
      prompts: this.listPrompts(session),
      resources: [this.listResources(session), this.listResourceTemplates(session)],
    };
  }

  /** A prompt or resource of a server the session's profile does not show is refused, naming the profile. */
  #requireServerInProfile(session: ClientSession, serverId: string, what: string): void {
    const active = this.profileOf(session);
    if (allowsServer(active, serverId)) return;
    throw new McpError(ErrorCode.InvalidParams, active.missing ? outsideProfileMessage(active, serverId, what) : `MCP Tray: ${what} is of server "${serverId}", which is not in profile "${active.name}" that this client uses.`);
  }

  /** What the hub tells a client about itself and its servers (initialize, server/discover). */
  instructions(): string {
    const parts = ['MCP Tray: one connection to the MCP servers this user runs. Write tools stay hidden until the user turns write mode on for their server; write calls may wait for the user\'s approval.'];
    for (const supervisor of this.#deps.directory.supervisors()) {
      const text = (supervisor.connection ?? supervisor.introduced)?.instructions;
      if (supervisor.def.enabled && text) parts.push(`Server "${supervisor.id}": ${text}`);
    }
    return parts.join('\n\n');
  }

  /** A call under the hub's rate limits and inside its trace span (call-hooks.ts). */
  #hooked<T>(session: ClientSession, call: CallTarget, meta: Record<string, unknown> | undefined, extra: Extra, run: () => Promise<T>): Promise<T> {
    return this.#deps.hooks ? this.#deps.hooks.around(session, call, meta, extra, run) : run();
  }

  /** Tracks a forwarded call so server→client requests can find their session. */
  async #tracked<T>(serverId: string, session: ClientSession, extra: Extra, run: () => Promise<T>): Promise<T> {
    const key = randomUUID();
    this.#inflight.set(key, { serverId, session, requestId: extra.requestId });
    upstreamCalls.set(extra, () => askDuringCall(this.#toClient, serverId, session, extra.requestId));
    try {
      return await run();
    } finally {
      this.#inflight.delete(key);
    }
  }

  /**
   * tools/call, the hot path (tool-call-lane.ts: beside the SDK's Protocol; a modern session's from eras/modern-dispatch.ts). A transparent hub
   * passes results through as the server sent them, so there is no schema parse of the request or
   * re-validation of the result; the few fields the hub relies on are checked here.
   */
  async callTool(session: ClientSession, rawParams: unknown, extra: Extra): Promise<Record<string, unknown>> {
    const deps = this.#deps;
    let params = toolCallParams(rawParams);
    const active = this.profileOf(session);
    if (active.toolSearch && params.name === SEARCH_TOOL) return searchAnswer(this.profileTools(session), params.arguments) as Record<string, unknown>;
    // call_tool's inner call takes the direct path from here on: it is logged under the inner tool's name.
    if (active.toolSearch && params.name === CALL_TOOL) params = innerCall(params.arguments, params._meta);
    const entry = this.catalogFor(session).tools.get(params.name);
    const held = entry ? undefined : deps.pins?.heldByCallName(params.name);
    if (held) return { content: [{ type: 'text', text: heldToolMessage(held) }], isError: true };
    if (entry && !allowsTool(active, entry.serverId, entry.item.name)) return this.#refuseOutsideProfile(session, active, entry.serverId, entry.item, params.arguments);
    const ctx = {
      directory: deps.directory,
      catalog: () => this.catalogFor(session),
      upstream: (serverId: string) => this.#upstream(serverId, session),
      approvals: deps.approvals,
      recorder: deps.recorder,
      secrets: deps.secrets,
    };
    const handled = () => handleToolCall(ctx, session, params, extra);
    const call = () => (entry ? this.#hooked(session, toolCallTarget(deps.directory, entry.serverId, entry.item, params.arguments), params._meta, extra, handled) : handled());
    try {
      return (await (entry ? this.#tracked(entry.serverId, session, extra, call) : call())) as Record<string, unknown>;
    } finally {
      deps.sessionChanged(session);
    }
  }

  /** Logged like any refused call, with its own decision, and answered with the profile's name. */
  #refuseOutsideProfile(session: ClientSession, active: ActiveProfile, serverId: string, item: { name: string }, args: Record<string, unknown> | undefined): Record<string, unknown> {
    const def = this.#deps.directory.get(serverId)?.def;
    const toolClass = def ? classifyTool(item as Tool, def.toolOverrides[item.name]).class : 'read';
    const message = outsideProfileMessage(active, serverId, item.name);
    new CallInProgress(session, { serverId, method: 'tools/call', target: item.name, arguments: args ?? {}, class: toolClass }, this.#deps.recorder, this.#deps.secrets).finish({
      decision: 'blocked-profile',
      outcome: 'refused',
      error: message,
    });
    this.#deps.sessionChanged(session);
    return { content: [{ type: 'text', text: message }], isError: true };
  }

  #register(session: ClientSession): void {
    const server = session.server;
    const deps = this.#deps;

    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: this.listTools(session) }));

    // The client's roots changed: its own lanes ask for them again (a shared server uses the roots set in MCP Tray).
    server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
      for (const lane of deps.directory.sessionUpstreams(session.id)) void lane.connection?.rootsChanged().catch(() => undefined);
    });

    // tools/call never gets here (see callTool); anything else unknown is answered as such.
    server.fallbackRequestHandler = async (request) => {
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${request.method}`);
    };

    server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: this.listPrompts(session) }));
    server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => this.getPrompt(session, request.params, extra));
    server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: this.listResources(session) }));
    server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: this.listResourceTemplates(session) }));
    server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => this.readResource(session, request.params, extra));

    server.setRequestHandler(SubscribeRequestSchema, async (request) => {
      const { uri } = request.params;
      const serverId = this.#resourceOwner(uri, session);
      if (this.#perClient(serverId)) {
        session.subscriptions.add(uri);
        const connection = await this.#upstream(serverId, session).connectionForCall();
        await connection.request('resources/subscribe', { uri });
        return {};
      }
      const first = !this.#subscribed(uri);
      session.subscriptions.add(uri);
      if (first) await this.#forwardSimple(serverId, 'resources/subscribe', { uri });
      return {};
    });

    server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
      const { uri } = request.params;
      session.subscriptions.delete(uri);
      const serverId = this.catalogFor(session).serverForResource(uri);
      if (serverId && this.#perClient(serverId)) {
        const lane = deps.directory.sessionUpstreams(session.id).find((l) => l.id === serverId);
        await lane?.connection?.request('resources/unsubscribe', { uri }).catch(() => undefined);
        return {};
      }
      await this.#unsubscribeUpstream(uri);
      return {};
    });

    server.setRequestHandler(CompleteRequestSchema, async (request, extra) => this.complete(session, request.params, extra));

    server.setRequestHandler(SetLevelRequestSchema, async (request) => {
      const level = request.params.level;
      session.logLevel = level;
      const wanted = this.wantedLogLevel() ?? level;
      const shared = deps.directory.supervisors().filter((s) => !this.#perClient(s.id) && s.connection?.capabilities.logging);
      // This session's own lanes get its level; lanes started later get it when they connect.
      const own = deps.directory.sessionUpstreams(session.id).filter((lane) => lane.connection?.capabilities.logging);
      await Promise.all([
        ...shared.map((s) => s.connection!.request('logging/setLevel', { level: wanted }).catch(() => undefined)),
        ...own.map((lane) => lane.connection!.request('logging/setLevel', { level }).catch(() => undefined)),
      ]);
      return {};
    });
  }

  /** A session's prompts and resources: those of the servers its profile shows. */
  listPrompts(session: ClientSession): Array<Record<string, unknown>> {
    const active = this.profileOf(session);
    return [...this.catalogFor(session).prompts.values()].filter((entry) => allowsServer(active, entry.serverId)).map((entry) => ({ ...entry.item, name: entry.exposedName }));
  }

  listResources(session: ClientSession): Array<Record<string, unknown>> {
    const active = this.profileOf(session);
    return this.catalogFor(session).resources().filter((entry) => allowsServer(active, entry.serverId)).map((entry) => entry.item as Record<string, unknown>);
  }

  listResourceTemplates(session: ClientSession): Array<Record<string, unknown>> {
    const active = this.profileOf(session);
    return this.catalogFor(session).resourceTemplates().filter((entry) => allowsServer(active, entry.serverId)).map((entry) => entry.item as Record<string, unknown>);
  }

  /** prompts/get: forwarded to the prompt's server under the rate limits, logged as a read. */
  getPrompt(session: ClientSession, params: { name: string; arguments?: Record<string, string>; _meta?: Record<string, unknown> }, extra: Extra): Promise<Record<string, unknown>> {
    const entry = this.catalogFor(session).prompts.get(params.name);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${params.name}`);
    this.#requireServerInProfile(session, entry.serverId, `prompt "${entry.item.name}"`);
    const call = { serverId: entry.serverId, method: 'prompts/get', target: entry.item.name, arguments: params.arguments ?? {}, class: 'read' } as const;
    return this.#hooked(session, call, params._meta, extra, () => this.#readLike(session, entry.serverId, 'prompts/get', entry.item.name, { ...params, name: entry.item.name }, call.arguments, extra));
  }

  /** resources/read: forwarded to the resource's server under the rate limits, logged as a read. */
  readResource(session: ClientSession, params: { uri: string; _meta?: Record<string, unknown> }, extra: Extra): Promise<Record<string, unknown>> {
    const serverId = this.#resourceOwner(params.uri, session);
    this.#requireServerInProfile(session, serverId, `resource ${params.uri}`);
    const call = { serverId, method: 'resources/read', target: params.uri, arguments: { uri: params.uri }, class: 'read' } as const;
    return this.#hooked(session, call, params._meta, extra, () => this.#readLike(session, serverId, 'resources/read', params.uri, params, call.arguments, extra));
  }

  /** completion/complete: the prompt's or resource template's server, when it offers completions. */
  async complete(session: ClientSession, requestParams: { ref: unknown; [key: string]: unknown }, extra: Extra): Promise<Record<string, unknown>> {
    const ref = requestParams.ref as { type: string; name?: string; uri?: string };
    let serverId: string | undefined;
    const params = { ...requestParams } as Record<string, unknown>;
    const catalog = this.catalogFor(session);
    if (ref.type === 'ref/prompt' && ref.name) {
      const entry = catalog.prompts.get(ref.name);
      serverId = entry?.serverId;
      if (entry) params.ref = { ...ref, name: entry.item.name };
    } else if (ref.type === 'ref/resource' && ref.uri) {
      serverId = catalog.serverForTemplate(ref.uri) ?? catalog.serverForResource(ref.uri);
    }
    if (!serverId) throw new McpError(ErrorCode.InvalidParams, `Nothing to complete for ${JSON.stringify(ref)}`);
    const supervisor = this.#supervisor(serverId);
    try {
      const target = this.#upstream(serverId, session);
      // A lane is this session's own: started to be asked, as a direct connection would be.
      const capabilities = target === supervisor ? supervisor.connection?.capabilities : (await target.connectionForCall()).capabilities;
      if (!capabilities?.completions) return { completion: { values: [], hasMore: false } };
      return await this.#tracked(serverId, session, extra, () => forwardRequest(target, 'completion/complete', params, extra));
    } catch (error) {
      throw asProtocolError(error);
    }
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
    const call = new CallInProgress(session, { serverId, method, target, arguments: args, class: 'read' }, this.#deps.recorder, this.#deps.secrets);
    const record = (outcome: 'ok' | 'protocol-error' | 'server-exited' | 'cancelled', result?: Record<string, unknown>, error?: string) =>
      call.finish({ decision: 'auto-read', outcome, result, error });
    try {
      const result = await this.#tracked(serverId, session, extra, () => forwardRequest(this.#upstream(serverId, session), method, params, extra));
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

  #resourceOwner(uri: string, session: ClientSession): string {
    const serverId = this.catalogFor(session).serverForResource(uri);
    if (serverId) return serverId;
    const withResources = this.#deps.directory.supervisors().filter((s) => s.def.enabled && (s.connection ?? s.introduced)?.capabilities.resources);
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

  /** A shared server's subscription ends with its last subscriber (a lane's ends with the lane). */
  async #unsubscribeUpstream(uri: string): Promise<void> {
    if (this.#subscribed(uri)) return;
    const serverId = this.catalog().serverForResource(uri);
    if (serverId && !this.#perClient(serverId)) await this.#forwardSimple(serverId, 'resources/unsubscribe', { uri }).catch(() => undefined);
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
