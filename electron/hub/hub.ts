// The hub: the UI-free core that both the Electron main process and `mcp-tray serve` run. This file
// only wires the parts together; each part lives in its own folder (see docs/architecture.md).
import { rmSync } from 'node:fs';
import path from 'node:path';
import type net from 'node:net';
import { ApprovalQueue } from './approvals/approval-gate.ts';
import { SettingsRuleBook } from './approvals/rule-book.ts';
import { CallLog } from './call-log/call-log.ts';
import { KnownSecrets } from './call-log/redact.ts';
import type { HubEvent, HubStatus, ServerStatus } from './contract/contract.ts';
import { ControlDispatcher } from './control/dispatcher.ts';
import { createHandlers } from './control/handlers.ts';
import { serveControlSocket } from './control/socket-carrier.ts';
import { HubEvents } from './events.ts';
import { ClientTokens } from './gateway/client-tokens.ts';
import { createClientsFeature, type ClientsFeature } from './clients/clients-feature.ts';
import { HttpMcpEndpoint } from './gateway/http-endpoint.ts';
import { LegacySseEndpoint } from './gateway/legacy-sse-endpoint.ts';
import { HttpControlCarrier } from './control/http-carrier.ts';
import { startHttpServer, type HubHttpServer } from './http/http-server.ts';
import { UiAuth } from './http/ui-auth.ts';
import { ControlError } from './contract/control-error.ts';
import { loadUiToken, rotateUiToken } from './secrets/ui-token-store.ts';
import { Gateway } from './gateway/gateway.ts';
import type { ClientSession } from './gateway/client-session.ts';
import { KeyedThrottle } from './util/keyed-throttle.ts';
import { throttledReporter, type ErrorReporter } from './util/last-resort.ts';
import { HubAlreadyRunningError, hubListening, listenLocalSocket } from './gateway/local-socket.ts';
import { peekEra } from './gateway/eras/socket-era.ts';
import { CLIENT_MAX_FRAME_BYTES, StreamTransport } from './jsonrpc/stream-transport.ts';
import { clientLabel } from './clients/client-labels.ts';
import { checkoutLauncher, type BridgeLauncher } from './clients/bridge-launcher.ts';
import { dataPaths, ensureDataDir, type DataPaths } from './paths.ts';
import { tightenDataDir } from './data-dir-modes.ts';
import { OsKeychain, type SecretStore } from './secrets/keychain.ts';
import { seedSettings } from './settings/seed.ts';
import { SettingsStore, type SettingsBackend } from './settings/store.ts';
import { currentNodeRuntime, type NodeRuntime } from './server-registry/launch-plan.ts';
import { ServerManager } from './server-registry/server-manager.ts';
import { CatalogService } from './catalog/catalog-service.ts';
import { PidFile } from './supervisor/pid-file.ts';
import { refreshLoginShellPath, rememberLoginShellPath } from './supervisor/login-shell-path.ts';
import { cliToolStatus, installCliTool, uninstallCliTool } from './system-plan/cli-tool.ts';
import { HEADLESS_UPDATES, unsupportedUpdates, type UpdateSource } from './updates/update-source.ts';
import { CallLimiter } from './limits/call-limiter.ts';
import { LimitBook } from './limits/limit-book.ts';
import { sessionProfile } from './profiles/active-profile.ts';
import { ProfileBook } from './profiles/profile-book.ts';
import type { Settings } from './settings/schema.ts';
import { createCallHooks } from './gateway/call-hooks.ts';
import { HubTelemetry } from './telemetry/hub-telemetry.ts';
import { exportHeaders } from './telemetry/telemetry-headers.ts';

export { HUB_VERSION } from './version.ts';
import { HUB_VERSION } from './version.ts';
import { withHeldTools } from './pinning/held-status.ts';
import { PinStore } from './pinning/pin-store.ts';
import { ToolPins } from './pinning/tool-pins.ts';
const RETENTION_EVERY_MS = 10 * 60_000;
/** Problems kept for the UI; unexpected errors beyond this push out the oldest of their kind. */
const MAX_PROBLEMS = 40;
const UNEXPECTED = 'unexpected error';

export interface HubOptions {
  readonly dataDir: string;
  readonly serversRoot?: string;
  readonly node?: NodeRuntime;
  readonly keychain?: SecretStore;
  /** electron-store inside Electron; conf headless. */
  readonly settingsBackend?: (dataDir: string) => SettingsBackend;
  /** What IDE entries run to reach this hub (the packaged app sets its own). */
  readonly bridgeLauncher?: BridgeLauncher;
  /** The HTTP port for this run (0 = any free port); else the port in settings. */
  readonly port?: number;
  /** How the catalog reaches registries and icons (a test's double where needed). */
  readonly fetch?: typeof fetch;
  /** Where the built UI is (dist/renderer in a checkout). */
  readonly uiDir?: string;
  /**
   * The desktop app's version: on its first start, the IDE entries an older version installed are
   * rewritten to what this one writes (clients/entry-refresh.ts). Headless hubs leave entries alone.
   */
  readonly refreshIdeEntriesFor?: string;
  /** The desktop app's updates (the shell's electron-updater); a headless hub says how it is updated instead. */
  readonly updates?: UpdateSource;
  /** Opens a server's sign-in page in the user's browser; false when it cannot (no display). */
  readonly openUrl?: (url: string) => boolean | Promise<boolean>;
}

export class Hub {
  readonly paths: DataPaths;
  /** Where errors nothing closer caught go: stderr and the problems the UI shows, throttled. */
  readonly report: ErrorReporter = throttledReporter((message) => {
    process.stderr.write(`mcp-tray: ${message}\n`);
    this.recordProblem(message);
  });
  readonly events = new HubEvents((error) => this.report('a hub event listener', error));
  readonly settings: SettingsStore;
  readonly dispatcher: ControlDispatcher;
  readonly startedAt = new Date().toISOString();
  readonly #keychain: SecretStore;
  readonly #knownSecrets = new KnownSecrets();
  readonly #servers: ServerManager;
  readonly #catalog: CatalogService;
  readonly #gateway: Gateway;
  readonly #pins: ToolPins;
  readonly #approvals: ApprovalQueue;
  readonly #clientTokens: ClientTokens;
  readonly #clients: ClientsFeature;
  readonly #callLog: CallLog;
  readonly #problems: string[] = [];
  readonly #telemetry: HubTelemetry;
  /** Telemetry settings are applied one change at a time. */
  #telemetryApplied: Promise<void> = Promise.resolve();
  /** The web UI's sign-in and sessions; its token never leaves the hub (http/ui-auth.ts). */
  #ui: UiAuth | undefined;
  #carrier: HttpControlCarrier | undefined;
  #socketServer: net.Server | undefined;
  #http: HubHttpServer | undefined;
  /** Why the HTTP listener is not running (the socket serves everything else). */
  #httpOff = 'not started yet';
  #mcpEndpoint: HttpMcpEndpoint | undefined;
  #retentionTimer: NodeJS.Timeout | undefined;
  readonly #sessionEvents = new KeyedThrottle<ClientSession>(250, (session) => {
    if (!session.closed) this.emit({ type: 'session-changed', session: session.info() });
  });
  #stopping: Promise<void> | undefined;

  private constructor(options: HubOptions, paths: DataPaths, callLog: CallLog) {
    this.paths = paths;
    const dataDir = paths.dataDir;
    this.#callLog = callLog;
    this.settings = SettingsStore.open(dataDir, (settings, isNew) => seedSettings(settings, isNew, dataDir), options.settingsBackend);
    if (this.settings.problem) this.recordProblem(this.settings.problem.message);
    this.#keychain = options.keychain ?? new OsKeychain();
    const bridgeLauncher = options.bridgeLauncher ?? checkoutLauncher();
    this.#clientTokens = new ClientTokens(this.#keychain, this.settings, this.#knownSecrets);
    const rules = new SettingsRuleBook(this.settings);
    this.#telemetry = new HubTelemetry(() => this.#gateway.sessions().map((s) => ({ clientId: s.identity.clientId, transport: s.identity.transport })));
    const recorder = this.#telemetry.observing(callLog);

    this.#approvals = new ApprovalQueue(
      () => this.settings.get().approvalDeadlineSeconds,
      rules,
      {
        requested: (approval) => {
          this.#telemetry.approvalRequested(approval.id, approval.server, approval.tool, approval.client);
          this.emit({ type: 'approval-requested', approval });
        },
        resolved: (id, decision) => {
          this.#telemetry.approvalResolved(id, decision);
          this.emit({ type: 'approval-resolved', id, decision });
        },
      },
    );

    this.#pins = new ToolPins(new PinStore(dataDir), {
      held: (serverId, held) => this.#serverLog(serverId, `tool "${held.tool}" held for review: ${held.kind === 'new' ? 'a new tool' : `its definition changed (${held.fields.join(', ')})`}${held.becomesReadOnly ? '; it would now claim to be read-only' : ''}; see: mcp-tray servers review ${serverId}`),
      decided: (serverId, tool, decision) => this.#serverLog(serverId, `tool "${tool}": the user ${decision} its new definition`),
      // Told from inside a listing: the lists are looked at again once it is done.
      changed: (serverId) =>
        setImmediate(() => {
          this.#gateway.listsChanged();
          void this.#emitServer(serverId);
        }),
    });

    this.#servers = new ServerManager({
      dataDir,
      settings: this.settings,
      keychain: this.#keychain,
      knownSecrets: this.#knownSecrets,
      node: options.node ?? currentNodeRuntime(),
      serversRoot: options.serversRoot,
      pidFile: new PidFile(this.paths.pidFile),
      // A server's own connection, or with a session id one client's own lane of a per-client server.
      hooksFor: (serverId, sessionId) => ({
        resourceUpdated: (params) => this.#gateway.resourceUpdated(serverId, params, sessionId),
        logMessage: (params) => this.#gateway.logMessage(serverId, params, sessionId),
        serverRequest: (request, signal) => this.#gateway.routeServerRequest(serverId, request, signal, sessionId),
        listRoots: (signal) => this.#gateway.listRoots(serverId, signal, sessionId),
        connected: sessionId === undefined ? undefined : (connection) => this.#gateway.laneConnected(serverId, sessionId, connection),
      }),
      changed: (serverId, listsChanged) => {
        const state = this.#servers.get(serverId)?.state;
        if (state) this.#telemetry.serverState(serverId, state);
        const supervisor = this.#servers.get(serverId);
        if (!supervisor) this.#pins.forget(serverId);
        // Pinned when first seen, whether or not a client lists them yet.
        else if (listsChanged && supervisor.def.enabled && supervisor.listsKnown) this.#pins.screen(supervisor.def, supervisor.lists.tools);
        if (listsChanged) this.#gateway.listsChanged();
        void this.#emitServer(serverId);
      },
      log: (id, line) => this.emit({ type: 'server-log', id, line }),
      openUrl: options.openUrl,
    });

    this.#gateway = new Gateway({
      directory: this.#servers,
      approvals: this.#approvals,
      recorder,
      secrets: this.#knownSecrets,
      pins: this.#pins,
      hooks: createCallHooks({ limiter: new CallLimiter(() => this.settings.get().limits), telemetry: this.#telemetry, recorder, secrets: this.#knownSecrets }),
      sessionChanged: (session) => this.#sessionEvents.push(session.id, session),
      sessionClosed: (sessionId) => {
        this.#sessionEvents.forget(sessionId);
        this.emit({ type: 'session-closed', sessionId });
      },
      unrouted: (serverId, method, sessions) => this.#servers.noteUnrouted(serverId, method, sessions),
      serverLog: (serverId, text) => this.#serverLog(serverId, text),
      profiles: (request) => sessionProfile(this.settings.get(), request),
    });
    // A profile, a client's binding or a token's changed: the sessions whose lists differ are told.
    let profileFacts = profileFactsOf(this.settings.get());
    this.settings.onChange((settings) => {
      const next = profileFactsOf(settings);
      if (next === profileFacts) return;
      profileFacts = next;
      this.#gateway.listsChanged();
      for (const session of this.#gateway.sessions()) this.#sessionEvents.push(session.id, session);
    });

    this.#clients = createClientsFeature({
      dataDir,
      backupsDir: this.paths.backupsDir,
      launcher: bridgeLauncher,
      tokens: this.#clientTokens,
      servers: this.#servers,
      keychain: this.#keychain,
      http: () => (this.#http ? { url: this.endpoints.mcp! } : { off: this.#httpOff }),
      sessions: () => this.#gateway.sessions().map((s) => s.info()),
    });

    const updates = options.updates ?? unsupportedUpdates(HUB_VERSION, () => this.settings.get().updateChannel, HEADLESS_UPDATES);
    updates.onChange((status) => this.emit({ type: 'update-changed', status }));

    this.#catalog = new CatalogService({
      settings: this.settings,
      servers: this.#servers,
      serverStatus: (id) => this.#serverStatus(id),
      changed: (serverId) => void this.#emitServer(serverId),
      fetch: options.fetch,
      report: this.report,
    });
    const serverStatus = (id: string) => this.#serverStatus(id);
    this.dispatcher = new ControlDispatcher(
      createHandlers({
        dataDir,
        socket: this.paths.socket,
        startedAt: this.startedAt,
        endpoints: () => this.endpoints,
        http: () => this.http,
        problems: () => this.problems,
        keychain: this.#keychain,
        sandbox: () => this.#servers.sandboxSupport(),
        gateway: this.#gateway,
        approvals: this.#approvals,
        rules,
        callLog,
        settings: this.settings,
        settingsChanged: () => this.emit({ type: 'settings-changed' }),
        deniedPathsChanged: () => this.#servers.deniedPathsChanged(),
        servers: this.#servers,
        serverStatus,
        allServers: () => Promise.all(this.#servers.supervisors().map((s) => serverStatus(s.id))),
        clients: this.#clients,
        clientTokens: this.#clientTokens,
        catalog: this.#catalog,
        mcpUrl: () => this.endpoints.mcp,
        loginLink: () => this.loginLink(),
        rotateUiToken: () => this.rotateUiToken(),
        updates,
        limits: new LimitBook(this.settings),
        profiles: new ProfileBook(this.settings),
        sessionProfiles: () => this.#gateway.sessions().map((s) => this.#gateway.profileOf(s).name),
        telemetryChanged: () => this.#applyTelemetry(),
        pins: this.#pins,
        cliTool: {
          status: () => cliToolStatus(dataDir, bridgeLauncher),
          install: () => installCliTool(dataDir, bridgeLauncher),
          uninstall: () => uninstallCliTool(dataDir, bridgeLauncher),
        },
      }),
    );
  }

  /** Starts the hub: reaps what a crashed predecessor left, opens the socket, starts servers. */
  static async start(options: HubOptions): Promise<Hub> {
    const paths = dataPaths(ensureDataDir(options.dataDir));
    // Before anything is opened: a second hub on the same data dir stops here, holding nothing.
    if (await hubListening(paths.socket)) throw new HubAlreadyRunningError(`another MCP Tray hub is already running on ${paths.socket}`);
    // Servers start on the login shell's PATH of the last run; the shell is asked once they have.
    rememberLoginShellPath(paths.loginPathFile);
    // Files an older version or another tool left readable by others.
    const loosened = tightenDataDir(paths.dataDir);
    const callLog = await CallLog.open(paths.callLog);
    let hub: Hub;
    try {
      hub = new Hub(options, paths, callLog);
    } catch (error) {
      await callLog.close();
      throw error;
    }
    if (loosened.length > 0) {
      const shown = loosened.slice(0, 5).map((file) => path.relative(paths.dataDir, file) || '.');
      hub.recordProblem(
        `Tightened the permissions of ${loosened.length} file(s) and folder(s) in the data dir that other users could read (now 0600/0700): ${shown.join(', ')}${loosened.length > 5 ? ', …' : ''}`,
      );
    }
    callLog.onEntry((entry) => hub.emit({ type: 'call-logged', entry }));
    const reaped = await new PidFile(paths.pidFile).reapLeftovers();
    if (reaped.length > 0) hub.recordProblem(`Stopped servers left running by a previous hub that did not exit cleanly: ${reaped.join(', ')}`);
    try {
      hub.#socketServer = await listenLocalSocket(paths.socket, (hello, socket) => {
        if (hello.role === 'control') return serveControlSocket(socket, hub.dispatcher, (listener) => hub.events.subscribe(listener), hub.report);
        const identity = { clientId: hello.client, label: clientLabel(hello.client), transport: 'socket' as const, profile: hello.profile };
        // The first message says the era (gateway/eras/socket-era.ts); the v2 SDK is loaded only for a 2026-07-28 client.
        void peekEra(socket)
          .then(async (era) => {
            if (era === undefined) return;
            if (era === 'modern') {
              const { serveModernSocket } = await import('./gateway/eras/modern-socket.ts');
              return serveModernSocket(socket, hub.#gateway, identity, CLIENT_MAX_FRAME_BYTES);
            }
            const transport = new StreamTransport({ input: socket, output: socket, answerMalformed: true, maxFrameBytes: CLIENT_MAX_FRAME_BYTES });
            await hub.#gateway.connect(transport, identity);
          })
          .catch(() => socket.destroy());
      }, hub.report);
    } catch (error) {
      // Another hub won the race for the socket: leave nothing open (the call log's worker would
      // keep this process alive).
      await callLog.close();
      throw error;
    }
    hub.#mcpEndpoint = new HttpMcpEndpoint(hub.#gateway, hub.#clientTokens);
    // Kept in the keychain where there is one: a signed-in browser tab survives a restart.
    const uiToken = await loadUiToken(hub.#keychain);
    if (!uiToken.persisted) hub.recordProblem('The web UI sign-in lasts only until the hub stops: the OS keychain is unavailable to keep its token. Sign in again after a restart with: mcp-tray ui open');
    const ui = new UiAuth(uiToken.token);
    hub.#ui = ui;
    hub.#carrier = new HttpControlCarrier(hub.dispatcher, (listener) => hub.events.subscribe(listener), ui);
    try {
      const legacySse = new LegacySseEndpoint(hub.#gateway, hub.#clientTokens, hub.#mcpEndpoint);
      hub.#http = await startHttpServer(options.port ?? hub.settings.get().port, { mcp: hub.#mcpEndpoint, legacySse, control: hub.#carrier, ui, uiDir: options.uiDir, report: hub.report });
    } catch (error) {
      // HTTP is optional: IDEs reach the hub through the bridge on the socket, and status says why
      // the MCP endpoint and the web UI are missing.
      hub.#httpOff = error instanceof Error ? error.message : String(error);
      await hub.#mcpEndpoint.close();
      hub.#mcpEndpoint = undefined;
    }
    hub.#retention();
    hub.#retentionTimer = setInterval(() => hub.#retention(), RETENTION_EVERY_MS).unref();
    // Every stored secret is known before any server starts: a server's stderr is scrubbed of its
    // own secrets and of every other server's (and of the clients' HTTP tokens).
    await Promise.all([hub.#servers.learnSecrets(), hub.#clientTokens.learn()]);
    await hub.#applyTelemetry();
    await hub.#servers.bootAll();
    refreshLoginShellPath();
    if (options.refreshIdeEntriesFor) await hub.#refreshIdeEntries(options.refreshIdeEntriesFor);
    hub.#catalog.start();
    return hub;
  }

  async #refreshIdeEntries(version: string): Promise<void> {
    try {
      for (const { client, project, outcome } of await this.#clients.refreshEntries(version)) {
        const entry = project ? `${clientLabel(client)} entry in ${project}` : `${clientLabel(client)} entry`;
        if (outcome === 'rewritten') process.stderr.write(`mcp-tray: rewrote the ${entry} for this version of the app\n`);
        else if (outcome !== 'current') this.recordProblem(`The ${entry} written by an older version was not updated: ${outcome}`);
      }
    } catch (error) {
      this.recordProblem(`IDE entries written by an older version were not checked: ${(error as Error).message}`);
    }
  }

  /**
   * The HTTP URLs while the listener runs: the MCP endpoint, and the web UI's plain address (a
   * browser signs in with a one-time link, never with the UI token: see loginLink).
   */
  get endpoints(): { readonly mcp: string | null; readonly ui: string | null } {
    if (!this.#http) return { mcp: null, ui: null };
    const base = `http://127.0.0.1:${this.#http.port}`;
    return { mcp: `${base}/mcp`, ui: `${base}/` };
  }

  /** Whether the HTTP listener runs, and why not. */
  get http(): HubStatus['http'] {
    return this.#http ? { available: true } : { available: false, reason: this.#httpOff };
  }

  /** What the user should know about this run (settings reset, leftovers reaped, call log trouble). */
  get problems(): readonly string[] {
    return [...this.#problems, ...this.#callLog.problems];
  }

  emit(event: HubEvent): void {
    this.events.emit(event);
  }

  /** A one-time sign-in link for the web UI: works once, for one browser of this user, for 60 s. */
  loginLink(): { url: string; expiresAt: number } {
    if (!this.#http || !this.#ui) throw new ControlError('unavailable', `the hub has no HTTP listener (${this.#httpOff}), so there is no web UI to sign in to`);
    const { code, expiresAt } = this.#ui.issueCode();
    return { url: `http://127.0.0.1:${this.#http.port}/login?code=${code}`, expiresAt };
  }

  /** A new UI token: every signed-in page and open event stream is signed out. True when kept in the keychain. */
  async rotateUiToken(): Promise<boolean> {
    const next = await rotateUiToken(this.#keychain);
    this.#ui?.replaceToken(next.token);
    this.#carrier?.endStreams();
    return next.persisted;
  }

  /** Adds a problem the UI and `status` show, once; unexpected errors are capped, oldest out. */
  recordProblem(message: string): void {
    if (this.#problems.includes(message)) return;
    this.#problems.push(message);
    while (this.#problems.length > MAX_PROBLEMS) {
      const oldest = this.#problems.findIndex((p) => p.startsWith(UNEXPECTED));
      if (oldest === -1) break;
      this.#problems.splice(oldest, 1);
    }
  }

  /** Stops everything: sessions, servers (their whole process trees), the socket. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      // Stop taking connections; open ones end when their sessions close below.
      this.#socketServer?.close();
      if (process.platform !== 'win32') rmSync(this.paths.socket, { force: true });
      await this.#mcpEndpoint?.close();
      await this.#http?.close();
      await this.#gateway.closeAll();
      this.#catalog.stop();
      await this.#servers.stopAll();
      // What was measured up to here still leaves (bounded wait when the collector is gone).
      await this.#telemetryApplied;
      await this.#telemetry.shutdown();
      clearInterval(this.#retentionTimer);
      await this.#callLog.close();
    })();
    return this.#stopping;
  }

  /** Builds, rebuilds or stops the OpenTelemetry export from settings (secret header values from the keychain). */
  #applyTelemetry(): Promise<void> {
    this.#telemetryApplied = this.#telemetryApplied.then(async () => {
      try {
        const settings = this.settings.get().telemetry;
        const { headers, missing } = await exportHeaders(settings, this.#keychain, this.#knownSecrets);
        if (settings.enabled && missing.length > 0) {
          this.recordProblem(`OpenTelemetry export goes without header(s) ${missing.join(', ')}: no value in the keychain; set it in Settings → Telemetry`);
        }
        await this.#telemetry.configure(settings, headers);
      } catch (error) {
        this.recordProblem(`OpenTelemetry export could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.#telemetryApplied;
  }

  #retention(): void {
    const { retentionDays, maxMegabytes } = this.settings.get().callLog;
    this.#callLog.applyRetention(retentionDays, maxMegabytes * 1024 * 1024).catch((error: Error) => {
      this.recordProblem(`call log retention failed: ${error.message}`);
    });
  }

  /** A server's status, with the newer version its registry has (from the catalog's last check). */
  async #serverStatus(id: string): Promise<ServerStatus> {
    const status = withHeldTools(await this.#servers.status(id, this.#gateway.catalog()), this.#pins.held(id));
    const update = this.#catalog.updateFor(id);
    return update ? { ...status, update: { version: update } } : status;
  }

  #serverLog(serverId: string, text: string): void {
    if (this.#servers.get(serverId)) this.#servers.logOf(serverId).add('hub', text);
  }

  async #emitServer(serverId: string): Promise<void> {
    if (!this.#servers.get(serverId)) return this.emit({ type: 'server-removed', id: serverId });
    const server = await this.#serverStatus(serverId).catch(() => undefined);
    if (server) this.emit({ type: 'server-changed', server });
  }
}

/** What decides which profile each session sees, as one comparable string. */
function profileFactsOf(settings: Settings): string {
  return JSON.stringify([settings.profiles, settings.clientProfiles, settings.httpClients.map((c) => [c.clientId, c.profile ?? null])]);
}
