// The hub: the UI-free core that both the Electron main process and `mcp-tray serve` run. This file
// only wires the parts together; each part lives in its own folder (see docs/architecture.md).
import { rmSync } from 'node:fs';
import type net from 'node:net';
import { ApprovalQueue } from './approvals/approval-gate.ts';
import { SettingsRuleBook } from './approvals/rule-book.ts';
import type { CallRecorder } from './calllog/call-record.ts';
import { KnownSecrets } from './calllog/redact.ts';
import type { HubEvent } from './control/contract.ts';
import { ControlDispatcher } from './control/dispatcher.ts';
import { createHandlers } from './control/handlers.ts';
import { serveControlSocket } from './control/socket-carrier.ts';
import { HubEvents } from './events.ts';
import { Gateway } from './gateway/gateway.ts';
import { listenLocalSocket } from './gateway/local-socket.ts';
import { StreamTransport } from './jsonrpc/stream-transport.ts';
import { clientLabel } from './clients/client-labels.ts';
import { dataPaths, ensureDataDir, type DataPaths } from './paths.ts';
import { OsKeychain, type SecretStore } from './secrets/keychain.ts';
import { seedSettings } from './settings/seed.ts';
import { SettingsStore, type SettingsBackend } from './settings/store.ts';
import { currentNodeRuntime, type NodeRuntime } from './servers/launch-plan.ts';
import { ServerManager } from './servers/server-manager.ts';
import { PidFile } from './supervisor/pid-file.ts';

export const HUB_VERSION = '0.1.0';

export interface HubOptions {
  readonly dataDir: string;
  readonly serversRoot?: string;
  readonly node?: NodeRuntime;
  readonly keychain?: SecretStore;
  /** electron-store inside Electron; conf headless. */
  readonly settingsBackend?: (dataDir: string) => SettingsBackend;
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
  recorder: CallRecorder;
  endpoints: { mcp: string | null; ui: string | null } = { mcp: null, ui: null };
  #socketServer: net.Server | undefined;
  #stopping: Promise<void> | undefined;

  private constructor(options: HubOptions) {
    this.paths = dataPaths(ensureDataDir(options.dataDir));
    const dataDir = this.paths.dataDir;
    this.settings = SettingsStore.open(dataDir, (settings, isNew) => seedSettings(settings, isNew, dataDir), options.settingsBackend);
    if (this.settings.problem) this.problems.push(this.settings.problem.message);
    this.keychain = options.keychain ?? new OsKeychain();
    this.recorder = { record: (entry) => this.emit({ type: 'call-logged', entry }) };

    this.approvals = new ApprovalQueue(
      () => this.settings.get().approvalDeadlineSeconds,
      new SettingsRuleBook(this.settings),
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
      recorder: { record: (entry) => this.recorder.record(entry) },
      secrets: this.knownSecrets,
      sessionChanged: (session) => this.emit({ type: 'session-changed', session }),
      sessionClosed: (sessionId) => this.emit({ type: 'session-closed', sessionId }),
    });

    this.dispatcher = new ControlDispatcher(createHandlers(this));
  }

  /** Starts the hub: reaps what a crashed predecessor left, opens the socket, starts servers. */
  static async start(options: HubOptions): Promise<Hub> {
    const hub = new Hub(options);
    const pidFile = new PidFile(hub.paths.pidFile);
    const reaped = await pidFile.reapLeftovers();
    if (reaped.length > 0) hub.problems.push(`Stopped servers left running by a previous hub that did not exit cleanly: ${reaped.join(', ')}`);
    hub.#socketServer = await listenLocalSocket(hub.paths.socket, (hello, socket) => {
      if (hello.role === 'control') return serveControlSocket(socket, hub.dispatcher, (listener) => hub.events.subscribe(listener));
      const transport = new StreamTransport({ input: socket, output: socket, answerMalformed: true });
      void hub.gateway.connect(transport, { clientId: hello.client, label: clientLabel(hello.client), transport: 'socket' }).catch(() => socket.destroy());
    });
    await Promise.all([hub.servers.bootAll(), hub.servers.learnSecrets()]);
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
      await this.gateway.closeAll();
      await this.servers.stopAll();
    })();
    return this.#stopping;
  }

  async #emitServer(serverId: string): Promise<void> {
    if (!this.servers.get(serverId)) return this.emit({ type: 'server-removed', id: serverId });
    const server = await this.servers.status(serverId, this.gateway.catalog()).catch(() => undefined);
    if (server) this.emit({ type: 'server-changed', server });
  }
}
