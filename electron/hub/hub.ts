// The hub: the UI-free core that both the Electron main process and `mcp-tray serve` run. This file
// only wires the parts together; each part lives in its own folder (see docs/architecture.md).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type net from 'node:net';
import { ApprovalQueue } from './approvals/approval-gate.ts';
import { SettingsRuleBook } from './approvals/rule-book.ts';
import { CallLog } from './call-log/call-log.ts';
import { KnownSecrets } from './call-log/redact.ts';
import type { HubEvent } from './contract/contract.ts';
import { ControlDispatcher } from './control/dispatcher.ts';
import { createHandlers } from './control/handlers.ts';
import { serveControlSocket } from './control/socket-carrier.ts';
import { HubEvents } from './events.ts';
import { ClientTokens } from './gateway/client-tokens.ts';
import { HttpMcpEndpoint } from './gateway/http-endpoint.ts';
import { HttpControlCarrier } from './control/http-carrier.ts';
import { startHttpServer, type HubHttpServer } from './http/http-server.ts';
import { Gateway } from './gateway/gateway.ts';
import type { ClientSession } from './gateway/client-session.ts';
import { KeyedThrottle } from './util/keyed-throttle.ts';
import { listenLocalSocket } from './gateway/local-socket.ts';
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
import { PidFile } from './supervisor/pid-file.ts';

export { HUB_VERSION } from './version.ts';
const RETENTION_EVERY_MS = 10 * 60_000;

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
  /** Where the built UI is (dist/renderer in a checkout). */
  readonly uiDir?: string;
}

export class Hub {
  readonly paths: DataPaths;
  readonly events = new HubEvents();
  readonly settings: SettingsStore;
  readonly keychain: SecretStore;
  readonly knownSecrets = new KnownSecrets();
  readonly servers: ServerManager;
  readonly gateway: Gateway;
  readonly approvals: ApprovalQueue;
  readonly dispatcher: ControlDispatcher;
  readonly startedAt = new Date().toISOString();
  readonly problems: string[] = [];
  readonly bridgeLauncher: BridgeLauncher;
  readonly clientTokens: ClientTokens;
  readonly rules: SettingsRuleBook;
  callLog!: CallLog;
  endpoints: { mcp: string | null; ui: string | null } = { mcp: null, ui: null };
  readonly uiToken = randomBytes(24).toString('base64url');
  #socketServer: net.Server | undefined;
  #http: HubHttpServer | undefined;
  #mcpEndpoint: HttpMcpEndpoint | undefined;
  #retentionTimer: NodeJS.Timeout | undefined;
  readonly #sessionEvents = new KeyedThrottle<ClientSession>(250, (session) => {
    if (!session.closed) this.emit({ type: 'session-changed', session: session.info() });
  });
  #stopping: Promise<void> | undefined;

  private constructor(options: HubOptions) {
    this.paths = dataPaths(ensureDataDir(options.dataDir));
    const dataDir = this.paths.dataDir;
    const loosened = tightenDataDir(dataDir);
    if (loosened.length > 0) {
      const shown = loosened.slice(0, 5).map((file) => path.relative(dataDir, file) || '.');
      this.problems.push(
        `Tightened the permissions of ${loosened.length} file(s) and folder(s) in the data dir that other users could read (now 0600/0700): ${shown.join(', ')}${loosened.length > 5 ? ', …' : ''}`,
      );
    }
    this.settings = SettingsStore.open(dataDir, (settings, isNew) => seedSettings(settings, isNew, dataDir), options.settingsBackend);
    if (this.settings.problem) this.problems.push(this.settings.problem.message);
    this.keychain = options.keychain ?? new OsKeychain();
    this.bridgeLauncher = options.bridgeLauncher ?? checkoutLauncher();
    this.clientTokens = new ClientTokens(this.keychain, this.settings, this.knownSecrets);
    this.rules = new SettingsRuleBook(this.settings);

    this.approvals = new ApprovalQueue(
      () => this.settings.get().approvalDeadlineSeconds,
      this.rules,
      {
        requested: (approval) => this.emit({ type: 'approval-requested', approval }),
        resolved: (id, decision) => this.emit({ type: 'approval-resolved', id, decision }),
      },
    );

    this.servers = new ServerManager({
      dataDir,
      settings: this.settings,
      keychain: this.keychain,
      knownSecrets: this.knownSecrets,
      node: options.node ?? currentNodeRuntime(),
      serversRoot: options.serversRoot,
      pidFile: new PidFile(this.paths.pidFile),
      hooksFor: (serverId) => ({
        resourceUpdated: (params) => this.gateway.resourceUpdated(params),
        logMessage: (params) => this.gateway.logMessage(params),
        serverRequest: (request, signal) => this.gateway.routeServerRequest(serverId, request, signal),
      }),
      changed: (serverId, listsChanged) => {
        if (listsChanged) this.gateway.listsChanged();
        void this.#emitServer(serverId);
      },
      log: (id, line) => this.emit({ type: 'server-log', id, line }),
    });

    this.gateway = new Gateway({
      directory: this.servers,
      approvals: this.approvals,
      recorder: { record: (entry) => this.callLog.record(entry) },
      secrets: this.knownSecrets,
      sessionChanged: (session) => this.#sessionEvents.push(session.id, session),
      sessionClosed: (sessionId) => {
        this.#sessionEvents.forget(sessionId);
        this.emit({ type: 'session-closed', sessionId });
      },
    });

    this.dispatcher = new ControlDispatcher(createHandlers(this));
  }

  /** Starts the hub: reaps what a crashed predecessor left, opens the socket, starts servers. */
  static async start(options: HubOptions): Promise<Hub> {
    const hub = new Hub(options);
    hub.callLog = await CallLog.open(hub.paths.callLog);
    hub.callLog.onEntry((entry) => hub.emit({ type: 'call-logged', entry }));
    const pidFile = new PidFile(hub.paths.pidFile);
    const reaped = await pidFile.reapLeftovers();
    if (reaped.length > 0) hub.problems.push(`Stopped servers left running by a previous hub that did not exit cleanly: ${reaped.join(', ')}`);
    hub.#socketServer = await listenLocalSocket(hub.paths.socket, (hello, socket) => {
      if (hello.role === 'control') return serveControlSocket(socket, hub.dispatcher, (listener) => hub.events.subscribe(listener));
      const transport = new StreamTransport({ input: socket, output: socket, answerMalformed: true, maxFrameBytes: CLIENT_MAX_FRAME_BYTES });
      void hub.gateway.connect(transport, { clientId: hello.client, label: clientLabel(hello.client), transport: 'socket' }).catch(() => socket.destroy());
    });
    hub.#mcpEndpoint = new HttpMcpEndpoint(hub.gateway, hub.clientTokens);
    const carrier = new HttpControlCarrier(hub.dispatcher, (listener) => hub.events.subscribe(listener), hub.uiToken);
    try {
      hub.#http = await startHttpServer(options.port ?? hub.settings.get().port, hub.#mcpEndpoint, carrier, options.uiDir);
    } catch (error) {
      await hub.stop();
      throw error;
    }
    const base = `http://127.0.0.1:${hub.#http.port}`;
    hub.endpoints = { mcp: `${base}/mcp`, ui: `${base}/#token=${hub.uiToken}` };
    hub.#retention();
    hub.#retentionTimer = setInterval(() => hub.#retention(), RETENTION_EVERY_MS).unref();
    // Every stored secret is known before any server starts: a server's stderr is scrubbed of its
    // own secrets and of every other server's (and of the clients' HTTP tokens).
    await Promise.all([hub.servers.learnSecrets(), hub.clientTokens.learn()]);
    await hub.servers.bootAll();
    return hub;
  }

  emit(event: HubEvent): void {
    this.events.emit(event);
  }

  /** Stops everything: sessions, servers (their whole process trees), the socket. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      // Stop taking connections; open ones end when their sessions close below.
      this.#socketServer?.close();
      if (process.platform !== 'win32') rmSync(this.paths.socket, { force: true });
      await this.#mcpEndpoint?.close();
      await this.#http?.close();
      await this.gateway.closeAll();
      await this.servers.stopAll();
      clearInterval(this.#retentionTimer);
      await this.callLog?.close();
    })();
    return this.#stopping;
  }

  #retention(): void {
    const { retentionDays, maxMegabytes } = this.settings.get().callLog;
    this.callLog.applyRetention(retentionDays, maxMegabytes * 1024 * 1024).catch((error: Error) => {
      this.problems.push(`call log retention failed: ${error.message}`);
    });
  }

  async #emitServer(serverId: string): Promise<void> {
    if (!this.servers.get(serverId)) return this.emit({ type: 'server-removed', id: serverId });
    const server = await this.servers.status(serverId, this.gateway.catalog()).catch(() => undefined);
    if (server) this.emit({ type: 'server-changed', server });
  }
}
