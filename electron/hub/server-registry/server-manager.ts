// The user's servers: their definitions in settings and one supervisor each. Every change a UI
// can make to a server (add, remove, enable, options, write mode, tool overrides, secrets) goes
// through here, so settings, keychain and running processes never disagree.
import path from 'node:path';
import type { HubStatus, ServerStatus, ToolInfo } from '../contract/contract.ts';
import { ControlError } from '../contract/contract.ts';
import type { Catalog } from '../gateway/catalog.ts';
import type { ServerDirectory } from '../gateway/server-directory.ts';
import { isListed } from '../policy/access.ts';
import { effectiveDeniedPaths } from '../policy/denied-paths.ts';
import { classifyTool } from '../policy/classify.ts';
import type { KnownSecrets } from '../call-log/redact.ts';
import { KeychainUnavailableError, type SecretStore } from '../secrets/keychain.ts';
import { readServerSecrets, secretPresence, secretRefs } from '../secrets/server-secrets.ts';
import { OAuthSession } from '../oauth/oauth-session.ts';
import { usesSignIn } from '../oauth/uses-sign-in.ts';
import type { HttpServerDefinition, ServerDefinition, ToolClass, WriteMode } from '../settings/schema.ts';
import { HostPatternSchema, SandboxLevelSchema, ServerDefinitionSchema } from '../settings/schema.ts';
import { NEW_SERVER_SANDBOX, sandboxLevel } from '../sandbox/sandbox-level.ts';
import { SandboxService } from '../sandbox/sandbox-service.ts';
import type { SettingsStore } from '../settings/store.ts';
import { ClientLanes } from '../supervisor/client-lanes.ts';
import { ListCache } from '../supervisor/list-cache.ts';
import { PidFile } from '../supervisor/pid-file.ts';
import { ServerLog } from '../supervisor/server-log.ts';
import { ServerSupervisor, type LaneOwner } from '../supervisor/server-supervisor.ts';
import type { UpstreamHooks } from '../upstream/upstream-connection.ts';
import { BUNDLED_SERVERS } from './bundled-catalog.ts';
import { launchPlanFor, type NodeRuntime } from './launch-plan.ts';
import { describeLaunch } from './describe-launch.ts';
import { configuredRoots, sessionMode, startsOnUse } from './session-mode.ts';
import { requiresTask } from '../upstream/task-support.ts';

export interface ServerManagerDeps {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly keychain: SecretStore;
  readonly knownSecrets: KnownSecrets;
  readonly node: NodeRuntime;
  readonly serversRoot?: string;
  readonly pidFile: PidFile;
  /** Hooks for a server's own connection, or (with a session id) for one client's own lane of it. */
  readonly hooksFor: (serverId: string, sessionId?: string) => UpstreamHooks;
  /** A server's state, facts or lists changed. */
  readonly changed: (serverId: string, listsChanged: boolean) => void;
  readonly log: (serverId: string, line: { at: string; stream: 'stderr' | 'stdout' | 'hub'; text: string }) => void;
  /** Opens a sign-in page in the user's browser (the app's, or the desktop's opener); false when it cannot. */
  readonly openUrl?: (url: string) => boolean | Promise<boolean>;
}

export class ServerManager implements ServerDirectory {
  readonly #deps: ServerManagerDeps;
  readonly #supervisors = new Map<string, ServerSupervisor>();
  readonly #logs = new Map<string, ServerLog>();
  /** The sign-in of each remote server (docs/oauth.md). */
  readonly #signIns = new Map<string, OAuthSession>();
  readonly #listCache: ListCache;
  readonly #sandbox: SandboxService;

  constructor(deps: ServerManagerDeps) {
    this.#deps = deps;
    this.#listCache = new ListCache(deps.dataDir);
    this.#sandbox = new SandboxService({
      dataDir: deps.dataDir,
      node: deps.node,
      serversRoot: deps.serversRoot,
      allowedHosts: (id) => {
        const def = this.#supervisors.get(id)?.def;
        return def && def.kind !== 'http' ? (def.allowedHosts ?? []) : [];
      },
      log: (id, text) => this.#logs.get(id)?.add('hub', text),
    });
    for (const def of deps.settings.get().servers) this.#create(def);
  }

  supervisors(): ServerSupervisor[] {
    return [...this.#supervisors.values()];
  }

  get(id: string): ServerSupervisor | undefined {
    return this.#supervisors.get(id);
  }

  require(id: string): ServerSupervisor {
    const supervisor = this.#supervisors.get(id);
    if (!supervisor) throw new ControlError('not-found', `no server "${id}"; see: mcp-tray servers list`);
    return supervisor;
  }

  logOf(id: string): ServerLog {
    this.require(id);
    return this.#logs.get(id)!;
  }

  /** A client session's own lanes, across servers (while one runs, its lists are that client's). */
  sessionUpstreams(sessionId: string): ServerSupervisor[] {
    const lanes: ServerSupervisor[] = [];
    for (const supervisor of this.#supervisors.values()) {
      const lane = supervisor.lanes?.of(sessionId);
      if (lane) lanes.push(lane);
    }
    return lanes;
  }

  /** A client session closed: its lanes of every per-client server stop. */
  closeSession(sessionId: string): void {
    for (const supervisor of this.#supervisors.values()) void supervisor.lanes?.close(sessionId);
  }

  /** A shared server sent a request no one client could be told to answer: kept for the UI, which offers per-client sessions. */
  noteUnrouted(serverId: string, method: string, sessions: number): void {
    const supervisor = this.#supervisors.get(serverId);
    if (!supervisor) return;
    supervisor.unroutedRequest = { at: new Date().toISOString(), method, sessions };
    this.#deps.changed(serverId, false);
  }

  async bootAll(): Promise<void> {
    await Promise.all(this.supervisors().map((s) => s.boot()));
  }

  async stopAll(): Promise<void> {
    for (const session of this.#signIns.values()) session.stop();
    await Promise.all(this.supervisors().map((s) => s.stop()));
    await this.#sandbox.stopAll();
  }

  /** Whether this machine can sandbox servers, and why not (for status and the add dialog). */
  async sandboxSupport(): Promise<HubStatus['sandbox']> {
    const support = await this.#sandbox.support();
    return support.available ? { available: true, mechanism: support.mechanism } : { available: false, reason: support.reason };
  }

  /**
   * Adds a server; `secrets` (by env var or header name) reach the keychain first, so the server
   * starts with them, and nothing is added when the keychain refuses them.
   */
  async add(input: ServerDefinition, secrets: Record<string, string> = {}): Promise<ServerSupervisor> {
    const def = ServerDefinitionSchema.parse(input);
    if (this.#supervisors.has(def.id)) throw new ControlError('conflict', `a server "${def.id}" already exists`);
    // New servers always start read-only: write mode is turned on only through its own confirmation.
    // A command server is sandboxed unless its definition says otherwise.
    const safe = { ...def, writeMode: 'off' as const, ...(def.kind === 'stdio' && def.sandbox === undefined ? { sandbox: NEW_SERVER_SANDBOX } : {}) };
    await this.#storeSecrets(safe, secrets);
    this.#deps.settings.update((s) => void s.servers.push(safe));
    const supervisor = this.#create(safe);
    await supervisor.boot();
    return supervisor;
  }

  async #storeSecrets(def: ServerDefinition, secrets: Record<string, string>): Promise<void> {
    const refs = secretRefs(def);
    const written: string[] = [];
    try {
      for (const [name, value] of Object.entries(secrets)) {
        const ref = refs.find((r) => r.name === name && r.kind !== 'oauth');
        if (!ref) throw new ControlError('invalid-params', `server "${def.id}" declares no secret named ${name}; nothing was added`);
        await this.#keychainWrite(() => this.#deps.keychain.set(ref.account, value));
        written.push(ref.account);
        this.#deps.knownSecrets.add(value);
      }
    } catch (error) {
      for (const account of written) await this.#deps.keychain.delete(account).catch(() => false);
      throw error;
    }
  }

  /**
   * Replaces what a server runs (a new version from the catalog): the caller keeps its id, write
   * mode and settings in `next`; its secrets stay in the keychain. A server that runs restarts.
   */
  async redefine(id: string, next: ServerDefinition): Promise<void> {
    const before = this.require(id).def;
    if (next.id !== id || next.kind !== before.kind) throw new ControlError('invalid-params', `server "${id}" cannot become another server`);
    const supervisor = this.#update(id, () => next);
    if (before.kind === 'http' && supervisor.def.kind === 'http' && before.url !== supervisor.def.url) this.#signIns.get(id)?.forgetDiscovery();
    this.#logs.get(id)?.add('hub', `updated from ${before.source?.version ?? 'its earlier definition'} to ${supervisor.def.source?.version ?? 'a new definition'}: ${describeLaunch(supervisor.def, this.#deps.serversRoot)}`);
    if (supervisor.def.enabled && supervisor.state !== 'disabled' && !(startsOnUse(supervisor.def) && supervisor.state === 'stopped')) await supervisor.restart();
    else this.#deps.changed(id, true);
  }

  /** Stops the server, forgets it, and deletes its secrets from the keychain. */
  async remove(id: string): Promise<number> {
    const supervisor = this.require(id);
    await supervisor.stop();
    let deleted = 0;
    for (const ref of secretRefs(supervisor.def)) {
      const value = await this.#deps.keychain.get(ref.account).catch(() => null);
      if (value !== null) this.#deps.knownSecrets.delete(value);
      if (await this.#deps.keychain.delete(ref.account).catch(() => false)) deleted++;
    }
    const signIn = this.#signIns.get(id);
    if (signIn) {
      deleted += await signIn.forget();
      signIn.stop();
    }
    this.#supervisors.delete(id);
    this.#logs.delete(id);
    this.#signIns.delete(id);
    this.#listCache.delete(id);
    this.#deps.settings.update((s) => void (s.servers = s.servers.filter((d) => d.id !== id)));
    this.#deps.changed(id, true);
    return deleted;
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const supervisor = this.#update(id, (def) => ({ ...def, enabled }));
    if (enabled) await supervisor.restart();
    else await supervisor.stop('disabled');
  }

  async restart(id: string): Promise<void> {
    await this.require(id).restart();
  }

  /**
   * Restarts the running servers that enforce the denied paths (the filesystem server, and every
   * sandboxed server), so a changed list applies at once.
   */
  async deniedPathsChanged(): Promise<void> {
    const enforcing = this.supervisors().filter(
      (s) => ((s.def.kind === 'bundled' && s.def.bundled === 'filesystem') || (sandboxLevel(s.def) ?? 'off') !== 'off') && isActive(s),
    );
    await Promise.all(enforcing.map((s) => s.restart()));
  }

  /**
   * Changes write mode. A sandboxed server with folders restarts when write mode turns on or off:
   * the OS then mounts its folders read-write or read-only, and its log says so.
   */
  async setWriteMode(id: string, writeMode: WriteMode): Promise<void> {
    const supervisor = this.require(id);
    const before = supervisor.def.writeMode;
    this.#update(id, (def) => ({ ...def, writeMode }));
    const log = this.#logs.get(id);
    // Recorded in the server's log (and so sent as a server-log event) like every policy change.
    if (before !== writeMode) log?.add('hub', `write mode changed from ${before} to ${writeMode} by the user`);
    this.#deps.changed(id, true);
    if ((before === 'off') === (writeMode === 'off') || !isActive(supervisor) || !(await this.#sandbox.mountsFolders(supervisor.def, this.#deniedPaths()))) return;
    log?.add('hub', `restarting it so the sandbox mounts its folders ${writeMode === 'off' ? 'read-only' : 'read-write'}`);
    await supervisor.restart();
  }

  setToolOverride(id: string, tool: string, toolClass: ToolClass | null | undefined, disabled: boolean | undefined): void {
    const before = this.require(id).def.toolOverrides[tool];
    this.#update(id, (def) => {
      const current = { ...def.toolOverrides[tool] };
      if (toolClass !== undefined) {
        if (toolClass === null) delete current.class;
        else current.class = toolClass;
      }
      if (disabled !== undefined) {
        if (disabled) current.disabled = true;
        else delete current.disabled;
      }
      const toolOverrides = { ...def.toolOverrides };
      if (Object.keys(current).length === 0) delete toolOverrides[tool];
      else toolOverrides[tool] = current;
      return { ...def, toolOverrides };
    });
    const after = this.require(id).def.toolOverrides[tool];
    const log = this.#logs.get(id);
    if (toolClass !== undefined && before?.class !== after?.class) {
      log?.add('hub', `tool ${tool} is now treated as ${after?.class ?? "the server's hint says"} (was ${before?.class ?? "the server's hint"}), by the user`);
    }
    if (disabled !== undefined && (before?.disabled === true) !== disabled) log?.add('hub', `tool ${tool} ${disabled ? 'disabled' : 'enabled'} by the user`);
    this.#deps.changed(id, true);
  }

  /**
   * `servers set ID KEY=VALUE…`: name, startup, roots, a bundled server's options, a stdio server's
   * cwd/env/sessions, an http server's url/header. A server that runs (or should, now) restarts.
   */
  async setValues(id: string, values: Record<string, string>): Promise<void> {
    const before = this.require(id).def;
    const supervisor = this.#update(id, (def) => applyValues(def, values));
    // Another URL is another resource: what was discovered for the old one no longer applies.
    if (before.kind === 'http' && supervisor.def.kind === 'http' && before.url !== supervisor.def.url) this.#signIns.get(id)?.forgetDiscovery();
    const def = supervisor.def;
    const modeChanged = sessionMode(before) !== sessionMode(def);
    if (modeChanged) {
      supervisor.unroutedRequest = undefined;
      this.#logs.get(id)?.add('hub', `sessions changed from ${sessionMode(before)} to ${sessionMode(def)} by the user`);
    }
    const active = supervisor.state === 'running' || supervisor.state === 'restarting' || supervisor.state === 'crashed';
    // A stopped server that should now run (it became shared, or eager) starts; one that starts on use stays as it is.
    const shouldRun = def.enabled && supervisor.state === 'stopped' && !startsOnUse(def);
    if (active || shouldRun || (modeChanged && def.enabled)) await supervisor.restart();
    else this.#deps.changed(id, false);
  }

  async setSecret(serverId: string, name: string, value: string): Promise<void> {
    const supervisor = this.require(serverId);
    const ref = secretRefs(supervisor.def).find((r) => r.name === name);
    if (!ref) {
      const declared = secretRefs(supervisor.def).map((r) => r.name);
      throw new ControlError(
        'invalid-params',
        `server "${serverId}" has no secret named ${name}` + (declared.length ? `; its secrets: ${declared.join(', ')}` : '; declare one with --secret-env or --secret-header'),
      );
    }
    await this.#keychainWrite(() => this.#deps.keychain.set(ref.account, value));
    this.#deps.knownSecrets.add(value);
    if (ref.kind === 'oauth') this.#signIns.get(serverId)?.reload();
    // A server that waited for this secret starts now; a running one picks up the new value.
    if (supervisor.def.enabled && supervisor.state !== 'disabled') await supervisor.restart();
    else this.#deps.changed(serverId, false);
  }

  async deleteSecret(serverId: string, name: string): Promise<boolean> {
    const supervisor = this.require(serverId);
    const ref = secretRefs(supervisor.def).find((r) => r.name === name);
    if (!ref) throw new ControlError('not-found', `server "${serverId}" has no secret named ${name}`);
    const deleted = await this.#keychainWrite(() => this.#deps.keychain.delete(ref.account));
    if (ref.kind === 'oauth') this.#signIns.get(serverId)?.reload();
    this.#deps.changed(serverId, false);
    return deleted;
  }

  /**
   * Starts signing in to a remote server in the browser; resolves with the page to open (opened
   * here when `open` and an opener exists). The outcome arrives as a server-changed event.
   */
  async login(id: string, options: { open: boolean; scope?: string }): Promise<{ id: string; authorizationUrl: string; opened: boolean; startedAt: string }> {
    const { supervisor, signIn } = this.#signInOf(id);
    const def = supervisor.def as HttpServerDefinition;
    let started: { authorizationUrl: string; startedAt: string };
    try {
      started = await signIn.login({ scope: options.scope, redirectPort: def.oauthRedirectPort });
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw new ControlError('unavailable', `${error.message}; a sign-in needs the keychain to keep its tokens`);
      throw new ControlError('failed', `cannot sign in to "${id}": ${(error as Error).message}`);
    }
    const opened = options.open && this.#deps.openUrl ? await Promise.resolve(this.#deps.openUrl(started.authorizationUrl)).catch(() => false) : false;
    return { id, ...started, opened };
  }

  async cancelLogin(id: string): Promise<void> {
    await this.#signInOf(id).signIn.cancelLogin();
  }

  /** Signs out of a remote server: revokes where offered, deletes the tokens, waits for a new sign-in. */
  async logout(id: string): Promise<{ revoked: string[]; deleted: number; problems: string[] }> {
    const { supervisor, signIn } = this.#signInOf(id);
    const result = await signIn.logout().catch((error: Error) => {
      throw error instanceof KeychainUnavailableError ? new ControlError('unavailable', `${error.message}; nothing was deleted`) : error;
    });
    if (supervisor.def.enabled) await supervisor.signInRequired(signIn.signInHint());
    return result;
  }

  #signInOf(id: string): { supervisor: ServerSupervisor; signIn: OAuthSession } {
    const supervisor = this.require(id);
    const signIn = this.#signIns.get(id);
    if (!signIn || !usesSignIn(supervisor.def)) {
      throw new ControlError(
        'invalid-params',
        supervisor.def.kind === 'http' ? `server "${id}" sends an Authorization header of its own, so it does not sign in with OAuth` : `server "${id}" is not a remote server; only those sign in`,
      );
    }
    return { supervisor, signIn };
  }

  /** Loads every stored secret value so the call log can redact it wherever it appears. */
  async learnSecrets(): Promise<void> {
    await Promise.all(
      this.supervisors().map(async (supervisor) => {
        try {
          for (const value of Object.values(await readServerSecrets(supervisor.def, this.#deps.keychain))) this.#deps.knownSecrets.add(value);
          if (usesSignIn(supervisor.def)) await this.#signIns.get(supervisor.id)?.load();
        } catch {
          // unavailable or unset: the supervisor reports that state itself
        }
      }),
    );
  }

  async status(id: string, catalog: Catalog): Promise<ServerStatus> {
    const s = this.require(id);
    const def = s.def;
    const tools: ToolInfo[] = s.lists.tools.map((tool) => {
      const override = def.toolOverrides[tool.name];
      const classification = classifyTool(tool, override);
      const taskOnly = requiresTask(tool);
      return {
        name: tool.name,
        exposedName: catalog.exposedToolName(id, tool.name),
        class: classification.class,
        classSource: classification.source,
        description: tool.description,
        annotations: tool.annotations as ToolInfo['annotations'],
        disabled: override?.disabled === true,
        listed: !taskOnly && isListed(def, tool.name, classification.class),
        ...(taskOnly ? { taskOnly } : {}),
      };
    });
    const connection = s.connection ?? s.introduced;
    return {
      id,
      name: def.name,
      kind: def.kind,
      bundled: def.kind === 'bundled' ? def.bundled : undefined,
      enabled: def.enabled,
      writeMode: def.writeMode,
      startup: def.startup,
      state: s.state,
      problem: s.problem,
      pid: s.pid,
      startedAt: s.startedAt === undefined ? undefined : new Date(s.startedAt).toISOString(),
      nextAttemptAt: s.nextAttemptAt === undefined ? undefined : new Date(s.nextAttemptAt).toISOString(),
      failures: s.failures,
      lastExit: s.lastExit,
      serverInfo: connection?.serverInfo ? { name: connection.serverInfo.name, version: connection.serverInfo.version } : undefined,
      instructions: connection?.instructions || undefined,
      tools,
      toolCounts: { read: tools.filter((t) => t.class === 'read').length, write: tools.filter((t) => t.class === 'write').length },
      resourceCount: s.lists.resources.length,
      promptCount: s.lists.prompts.length,
      secrets: await secretPresence(def, this.#deps.keychain).catch(() => []),
      auth: usesSignIn(def) ? this.#signIns.get(id)?.info() : undefined,
      launch: describeLaunch(def, this.#deps.serversRoot),
      options: def.kind === 'bundled' ? def.options : {},
      sessions: sessionMode(def),
      sessionsSettable: def.kind === 'stdio',
      clientProcesses: s.lanes?.info() ?? [],
      roots: configuredRoots(def),
      unroutedRequest: sessionMode(def) === 'shared' ? s.unroutedRequest : undefined,
      source: def.source ? { registry: def.source.registry, name: def.source.name, version: def.source.version } : undefined,
      sandbox: await this.#sandbox.info(def, this.#deniedPaths()),
    };
  }

  #deniedPaths(): string[] {
    return effectiveDeniedPaths(this.#deps.settings.get().deniedPaths, this.#deps.dataDir);
  }

  #create(def: ServerDefinition): ServerSupervisor {
    const log = new ServerLog(path.join(this.#deps.dataDir, 'logs'), def.id, (text) => this.#deps.knownSecrets.scrub(text));
    log.onLine((line) => this.#deps.log(def.id, line));
    this.#logs.set(def.id, log);
    const plan = async (current: ServerDefinition) => {
      const secrets = await readServerSecrets(current, this.#deps.keychain);
      // Known before the process starts, so a token it prints at once is already scrubbed.
      for (const value of Object.values(secrets)) this.#deps.knownSecrets.add(value);
      const deniedPaths = this.#deniedPaths();
      // One sign-in per remote server, shared by its own connection and every client's lane (so
      // there is one refresh at a time).
      const signIn = usesSignIn(current) ? this.#signIns.get(current.id) : undefined;
      const remoteAuth = signIn ? (headers: Record<string, string>) => signIn.transport(headers) : undefined;
      return launchPlanFor(current, { dataDir: this.#deps.dataDir, serversRoot: this.#deps.serversRoot, node: this.#deps.node, secrets, deniedPaths, remoteAuth, sandbox: this.#sandbox });
    };
    const supervisor = new ServerSupervisor(def, {
      plan,
      pidFile: this.#deps.pidFile,
      log,
      listCache: this.#listCache,
      hooks: this.#deps.hooksFor(def.id),
      changed: (listsChanged) => this.#deps.changed(def.id, listsChanged),
      idleMs: () => this.#deps.settings.get().onDemandIdleSeconds * 1000,
    });
    supervisor.lanes = new ClientLanes(supervisor, {
      laneDeps: (owner: LaneOwner) => ({
        plan,
        pidFile: this.#deps.pidFile,
        log: log.forClient(owner.label),
        // A lane's lists are its client's (a session resource, say): never the server's cache.
        listCache: { read: () => undefined, write: () => undefined },
        hooks: this.#deps.hooksFor(def.id, owner.sessionId),
        // Any change of a lane changes what its client sees (its own lists while it runs).
        changed: () => {
          // A server whose own process has not run in this hub (lists from the cache) learns what it says of itself from a lane.
          supervisor.introduced ??= supervisor.lanes?.of(owner.sessionId)?.introduced;
          this.#deps.changed(def.id, true);
        },
        idleMs: () => this.#deps.settings.get().perClientIdleSeconds * 1000,
        lane: owner,
      }),
      max: () => this.#deps.settings.get().perClientMax,
      idleSeconds: () => this.#deps.settings.get().perClientIdleSeconds,
      changed: () => this.#deps.changed(def.id, true),
    });
    this.#supervisors.set(def.id, supervisor);
    if (def.kind === 'http') this.#signIns.set(def.id, this.#createSignIn(supervisor, log));
    return supervisor;
  }

  #createSignIn(supervisor: ServerSupervisor, log: ServerLog): OAuthSession {
    const id = supervisor.id;
    const definition = () => supervisor.def as HttpServerDefinition;
    return new OAuthSession({
      serverId: id,
      definition,
      keychain: this.#deps.keychain,
      knownSecrets: this.#deps.knownSecrets,
      headers: async () => ({ ...definition().headers, ...(await readServerSecrets(definition(), this.#deps.keychain)) }),
      log: (text) => log.add('hub', text),
      signInRequired: (reason) => void supervisor.signInRequired(reason),
      signedIn: () => supervisor.restart(),
      changed: () => this.#deps.changed(id, false),
      active: () => supervisor.def.enabled,
    });
  }

  #update(id: string, change: (def: ServerDefinition) => ServerDefinition): ServerSupervisor {
    const supervisor = this.require(id);
    const next = ServerDefinitionSchema.parse(change(structuredClone(supervisor.def)));
    this.#deps.settings.update((s) => void (s.servers = s.servers.map((d) => (d.id === id ? next : d))));
    supervisor.def = next;
    return supervisor;
  }

  async #keychainWrite<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw new ControlError('unavailable', `${error.message}; nothing was stored`);
      throw new ControlError('failed', `the OS keychain refused the change: ${(error as Error).message}`);
    }
  }
}

function applyValues(def: ServerDefinition, values: Record<string, string>): ServerDefinition {
  const next = structuredClone(def) as ServerDefinition & Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    if (key === 'name') next.name = value;
    else if (key === 'startup') next.startup = value as ServerDefinition['startup'];
    else if (key === 'newTools') next.newTools = (value || undefined) as ServerDefinition['newTools'];
    else if (key === 'secretEnv') next.secretEnv = splitList(value);
    else if (next.kind === 'http' && key === 'secretHeaders') next.secretHeaders = splitList(value);
    else if (next.kind === 'bundled' && key in BUNDLED_SERVERS[next.bundled].defaultOptions('')) {
      const sample = BUNDLED_SERVERS[next.bundled].defaultOptions('')[key];
      next.options = { ...next.options, [key]: Array.isArray(sample) ? splitList(value) : value };
    } else if (key === 'roots') next.roots = splitList(value).length > 0 ? splitList(value) : undefined;
    else if (next.kind !== 'http' && key === 'sandbox') next.sandbox = sandboxValue(def, value);
    else if (next.kind !== 'http' && key === 'allowedHosts') next.allowedHosts = hostsValue(value);
    else if (key === 'sessions') next.sessions = sessionsValue(def, value);
    else if (next.kind === 'stdio' && key === 'cwd') next.cwd = value || undefined;
    else if (next.kind === 'stdio' && key.startsWith('env.')) next.env = { ...next.env, [key.slice(4)]: value };
    else if (next.kind === 'http' && key === 'url') next.url = value;
    else if (next.kind === 'http' && (key === 'oauthClientId' || key === 'oauthClientMetadataUrl' || key === 'oauthScopes')) next[key] = value || undefined;
    else if (next.kind === 'http' && key === 'oauthRedirectPort') next.oauthRedirectPort = value ? Number(value) : undefined;
    else if (next.kind === 'http' && key.startsWith('header.')) next.headers = { ...next.headers, [key.slice(7)]: value };
    else throw new ControlError('invalid-params', `server "${def.id}" has no setting "${key}"; settings: ${settableKeys(def).join(', ')}`);
  }
  const parsed = ServerDefinitionSchema.safeParse(next);
  if (!parsed.success) throw new ControlError('invalid-params', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function settableKeys(def: ServerDefinition): string[] {
  const common = ['name', 'startup', 'newTools', 'secretEnv', 'roots'];
  if (def.kind === 'bundled') return [...new Set([...common, ...Object.keys(BUNDLED_SERVERS[def.bundled].defaultOptions('')), 'sandbox', 'allowedHosts'])];
  if (def.kind === 'stdio') return [...common, 'sessions', 'cwd', 'env.NAME', 'sandbox', 'allowedHosts'];
  return [...common, 'url', 'header.NAME', 'secretHeaders', 'oauthClientId', 'oauthClientMetadataUrl', 'oauthScopes', 'oauthRedirectPort'];
}

/** `sessions=shared|per-client`: a command server's choice; remote servers are always per client, bundled ones shared. */
function sessionsValue(def: ServerDefinition, value: string): 'shared' | 'per-client' {
  if (def.kind === 'http') throw new ControlError('invalid-params', `server "${def.id}" is a remote server: each client session always gets a session of its own with it`);
  if (def.kind === 'bundled') throw new ControlError('invalid-params', `server "${def.id}" is bundled with MCP Tray and always shared: it never asks a client for anything`);
  if (value !== 'shared' && value !== 'per-client') throw new ControlError('invalid-params', `sessions is "shared" (one process for every client) or "per-client" (one process per client session), not "${value}"`);
  return value;
}

/** `sandbox=off|standard|strict`. */
function sandboxValue(def: ServerDefinition, value: string): 'off' | 'standard' | 'strict' {
  const parsed = SandboxLevelSchema.safeParse(value);
  if (!parsed.success) throw new ControlError('invalid-params', `sandbox is "standard" (hides your credentials, MCP Tray's data and other processes), "strict" (also only the allowedHosts network) or "off", not "${value}" (server "${def.id}")`);
  return parsed.data;
}

/** `allowedHosts=a.example.com,*.example.org:443` (empty: none). */
function hostsValue(value: string): string[] {
  const hosts = splitList(value);
  for (const host of hosts) {
    if (!HostPatternSchema.safeParse(host).success) throw new ControlError('invalid-params', `"${host}" is not a host: give a name (example.com, *.example.com) or an IP address, optionally with :port`);
  }
  return hosts;
}

/** Whether a server holds a process (or is about to, or has given up on one) that a change must restart. */
function isActive(supervisor: ServerSupervisor): boolean {
  return ['running', 'starting', 'restarting'].includes(supervisor.state) || (supervisor.lanes?.all().length ?? 0) > 0;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
