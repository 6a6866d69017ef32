// One server's life (docs/supervisor.md): start it, keep it running, restart it with backoff when it dies,
// give up on a crash loop, stop it so that nothing of it is left. Also the on-demand variant that
// starts at the first call and stops when idle, listing from a cache meanwhile. The same class runs
// one client's own process (or remote session) of a per-client server: a "lane", which starts at
// that client's first use, restarts with backoff, and stops when idle or when the client leaves.
import type { ServerState, ExitSummary } from '../contract/contract.ts';
import { KeychainUnavailableError } from '../secrets/keychain.ts';
import { MissingSecretError } from '../secrets/server-secrets.ts';
import { needsSignIn } from '../oauth/sign-in-errors.ts';
import type { ServerDefinition } from '../settings/schema.ts';
import { sessionMode, startsOnUse } from '../server-registry/session-mode.ts';
import { launch, type Launched, type LaunchPlan } from '../upstream/launch.ts';
import type { Upstream, UpstreamHooks, UpstreamLists } from '../upstream/upstream-connection.ts';
import { openUpstream, remoteEra } from '../upstream/open-upstream.ts';
import type { PidFile } from './pid-file.ts';
import { CommandNotFoundError, delay, type ExitInfo } from './process-group.ts';
import type { ServerLog } from './server-log.ts';
import type { ListCache } from './list-cache.ts';
import type { ClientLanes } from './client-lanes.ts';
import { SandboxUnavailableError, type SandboxOutcome } from '../sandbox/sandbox-service.ts';
import { sandboxFailureHint } from '../sandbox/sandbox-hint.ts';
import { withoutPreviewTool } from '../previews/preview-tool.ts';

export const MAX_RESTARTS = 5;
export const STABLE_MS = 60_000;
const BACKOFF_CAP_S = 30;
const START_TIMEOUT_MS = 60_000;

/** Seconds to wait before restart number `failures` (1 → 1 s, 2 → 2 s, … capped at 30 s). */
export function backoffSeconds(failures: number): number {
  return Math.min(BACKOFF_CAP_S, 2 ** Math.max(0, failures - 1));
}

export class ServerUnavailableError extends Error {
  override readonly name = 'ServerUnavailableError';
}

/** The client session a lane serves. */
export interface LaneOwner {
  readonly sessionId: string;
  readonly clientId: string;
  readonly label: string;
}

export interface SupervisorDeps {
  readonly plan: (def: ServerDefinition) => Promise<LaunchPlan>;
  readonly pidFile: PidFile;
  readonly log: ServerLog;
  readonly listCache: Pick<ListCache, 'read' | 'write'>;
  readonly hooks: UpstreamHooks;
  /** State, lists or facts changed; `listsChanged` when clients should re-list. */
  readonly changed: (listsChanged: boolean) => void;
  readonly idleMs: () => number;
  /** Set for one client's own process or session of a per-client server (client-lanes.ts). */
  readonly lane?: LaneOwner;
}

export class ServerSupervisor {
  def: ServerDefinition;
  state: ServerState = 'stopped';
  problem: string | undefined;
  failures = 0;
  lastExit: ExitSummary | undefined;
  nextAttemptAt: number | undefined;
  startedAt: number | undefined;
  connection: Upstream | undefined;
  lists: UpstreamLists = { tools: [], prompts: [], resources: [], resourceTemplates: [] };
  /** Whether `lists` came from a live connection or the on-demand cache. */
  listsKnown = false;
  /**
   * What the server said about itself when it last connected, kept while it is stopped: a
   * per-client server's own process stops once it has listed, yet its instructions still count.
   */
  introduced: Pick<Upstream, 'serverInfo' | 'instructions' | 'capabilities'> | undefined;
  /** The client sessions' own processes or sessions, for a per-client server (set by the server manager). */
  lanes: ClientLanes | undefined;
  /** The last server→client request this shared server sent that no one client could be told to answer. */
  unroutedRequest: { readonly at: string; readonly method: string; readonly sessions: number } | undefined;

  readonly #deps: SupervisorDeps;
  #run: Launched | undefined;
  #generation = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #attempt: Promise<void> | undefined;
  #callsInFlight = 0;
  /** How the latest start was sandboxed: its log says so when that changes, its crash messages use it. */
  #sandbox: SandboxOutcome | undefined;

  constructor(def: ServerDefinition, deps: SupervisorDeps) {
    this.def = def;
    this.#deps = deps;
    const cached = deps.listCache.read(def.id);
    if (cached) {
      this.lists = cached;
      this.listsKnown = true;
    }
  }

  get id(): string {
    return this.def.id;
  }

  get pid(): number | undefined {
    return this.state === 'running' ? this.#run?.pid : undefined;
  }

  /** The client session this lane serves; undefined for a server's own supervisor. */
  get lane(): LaneOwner | undefined {
    return this.#deps.lane;
  }

  /**
   * Where a client session's calls go: this server, or for a per-client server that session's own
   * lane (started at its first use). Throws with the reason when there is none to be had.
   */
  upstreamFor(owner: LaneOwner): ServerSupervisor {
    if (!this.lanes || this.#deps.lane || sessionMode(this.def) === 'shared') return this;
    // What keeps the server itself from running keeps every client's lane from running too.
    if (this.state === 'disabled' || this.state === 'keychain-unavailable' || this.state === 'crashed' || this.state === 'needs-sign-in' || this.state === 'not-installed') throw new ServerUnavailableError(this.unavailableReason());
    return this.lanes.for(owner);
  }

  /** The first start when the hub starts. On-demand servers only start to learn their tools. */
  async boot(): Promise<void> {
    if (!this.def.enabled) return this.#set('disabled');
    if (startsOnUse(this.def)) {
      if (this.listsKnown) return this.#set('stopped');
      await this.start();
      if (this.state === 'running') await this.#stopOwn('stopped');
      return;
    }
    await this.start();
  }

  /** Starts unless running or starting; resolves when this attempt has an outcome. */
  start(): Promise<void> {
    if (this.state === 'running') return Promise.resolve();
    if (this.#attempt) return this.#attempt;
    this.#clearTimers();
    const generation = ++this.#generation;
    this.#attempt = this.#tryStart(generation).finally(() => {
      if (this.#generation === generation) this.#attempt = undefined;
    });
    return this.#attempt;
  }

  /**
   * Stops the process tree, and every client's own one. `disabled` when the user disabled the
   * server; `needs-sign-in` when its sign-in is gone.
   */
  async stop(next: 'stopped' | 'disabled' | 'needs-sign-in' = 'stopped'): Promise<void> {
    await Promise.all([this.#stopOwn(next), this.lanes?.stopAll()]);
  }

  async #stopOwn(next: 'stopped' | 'disabled' | 'needs-sign-in'): Promise<void> {
    this.#generation++;
    this.#attempt = undefined;
    this.#clearTimers();
    const run = this.#run;
    const connection = this.connection;
    this.#run = undefined;
    this.connection = undefined;
    this.startedAt = undefined;
    this.nextAttemptAt = undefined;
    this.#set(next);
    await connection?.close();
    if (run) await this.#reap(run);
  }

  /** A user's restart: forgets the failure count (this is how a crashed server comes back). */
  async restart(): Promise<void> {
    await this.stop();
    this.failures = 0;
    this.problem = undefined;
    if (this.def.enabled) await this.start();
    else this.#set('disabled');
  }

  /**
   * The server's sign-in is gone (revoked, signed out) or refused: its connection ends and it waits
   * for the user, without restarts; `reason` says how to sign in. A disabled server stays disabled.
   */
  async signInRequired(reason: string): Promise<void> {
    if (this.state === 'disabled') return;
    this.problem = reason;
    if (this.state === 'needs-sign-in' && !this.#run) return this.#deps.changed(false);
    await this.stop('needs-sign-in');
  }

  /** The live connection for a call, starting an on-demand server or a lane; throws with the reason when there is none. */
  async connectionForCall(): Promise<Upstream> {
    if (this.state === 'running' && this.connection) return this.connection;
    if (this.def.enabled && this.#startsAtCall() && (this.state === 'stopped' || this.state === 'starting')) {
      await this.start();
      const connection = this.connection as Upstream | undefined;
      if (connection) return connection;
    }
    throw new ServerUnavailableError(this.unavailableReason());
  }

  unavailableReason(): string {
    const lane = this.#deps.lane;
    const name = lane ? `server "${this.id}" (the ${this.def.kind === 'http' ? 'session' : 'process'} of ${lane.label}'s session)` : `server "${this.id}"`;
    switch (this.state) {
      case 'disabled':
        return `${name} is disabled; enable it in MCP Tray or with: mcp-tray servers enable ${this.id}`;
      case 'restarting':
        return `${name} is restarting after it exited (${this.describeLastExit()}); next attempt at ${new Date(this.nextAttemptAt ?? Date.now()).toISOString()}`;
      case 'crashed':
        return `${name} crashed repeatedly (${this.describeLastExit()}); restart it in MCP Tray or with: mcp-tray servers restart ${this.id}`;
      case 'keychain-unavailable':
        return `${name} needs a secret but the OS keychain is unavailable: ${this.problem ?? ''}`;
      case 'needs-sign-in':
        return this.problem ?? `${name} needs you to sign in: mcp-tray servers login ${this.id} (or Sign in, in MCP Tray)`;
      case 'not-installed':
        return `${name} is not installed: ${this.problem ?? ''}`;
      case 'starting':
        return `${name} is still starting`;
      default:
        return `${name} is not running${this.problem ? `: ${this.problem}` : ''}`;
    }
  }

  describeLastExit(): string {
    const exit = this.lastExit;
    if (!exit) return 'no exit recorded';
    if (exit.reason) return exit.reason;
    return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
  }

  /** Tracks calls so an on-demand server is stopped only when idle. */
  callStarted(): void {
    this.#callsInFlight++;
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  callEnded(): void {
    this.#callsInFlight = Math.max(0, this.#callsInFlight - 1);
    this.#armIdleTimer();
  }

  /**
   * The exit that ended the current run, if the process is gone or goes within `waitMs`. Calls
   * that fail use it to say "server X exited (killed by SIGKILL)" instead of "connection closed".
   */
  async exitOfRun(run: Launched | undefined, waitMs = 250): Promise<ExitInfo | undefined> {
    if (!run) return undefined;
    return Promise.race([run.exited, delay(waitMs).then(() => undefined)]);
  }

  get currentRun(): Launched | undefined {
    return this.#run;
  }

  async #tryStart(generation: number): Promise<void> {
    this.problem = undefined;
    this.nextAttemptAt = undefined;
    this.#set('starting');
    let run: Launched | undefined;
    try {
      const plan = await this.#deps.plan(this.def);
      if (generation !== this.#generation) return;
      const sandbox = plan.kind === 'process' ? plan.sandbox : undefined;
      if (sandbox && sandbox.summary !== this.#sandbox?.summary) this.#deps.log.add('hub', sandbox.summary);
      this.#sandbox = sandbox;
      const remote = await remoteEra(plan);
      if (generation !== this.#generation) return;
      run = await launch(plan, this.#deps.log, remote?.transport);
      // Stopped while it was being spawned: nothing of it may stay behind.
      if (generation !== this.#generation) return await run.stop();
      this.#run = run;
      if (run.pid !== undefined) this.#deps.pidFile.add(this.#pidKey, run.pid);
      const connection = await Promise.race([
        openUpstream(plan, run, this.#hooks(generation), remote, this.#deps.log),
        run.exited.then((exit) => Promise.reject(new Error(`exited during startup (${describeExit(exit)})`))),
        delay(START_TIMEOUT_MS).then(() => Promise.reject(new Error(`did not finish initialize within ${START_TIMEOUT_MS / 1000} s`))),
      ]);
      if (generation !== this.#generation) {
        await connection.close();
        await this.#reap(run);
        return;
      }
      const toolsBefore = this.listsKnown ? this.lists.tools.length : 0;
      this.connection = connection;
      this.introduced = { serverInfo: connection.serverInfo, instructions: connection.instructions, capabilities: connection.capabilities };
      this.lists = withoutPreviewTool(this.def, connection.lists);
      this.listsKnown = true;
      this.startedAt = Date.now();
      this.#deps.listCache.write(this.id, this.lists);
      const currentRun = run;
      void run.exited.then((exit) => this.#onExit(currentRun, generation, exit));
      this.#set('running', true);
      if (this.#probesOnly()) {
        this.#deps.log.add('hub', 'learned its tools; each client session gets a process of its own at its first call');
        void this.#stopOwn('stopped');
        return;
      }
      this.#armIdleTimer();
      if (toolsBefore > 0 && this.lists.tools.length === 0) void this.#recheckEmptyTools(generation, toolsBefore);
    } catch (error) {
      if (generation !== this.#generation) {
        if (run) await this.#reap(run);
        return;
      }
      if (error instanceof KeychainUnavailableError) {
        this.problem = `keychain unavailable: ${error.message}`;
        return this.#set('keychain-unavailable');
      }
      if (error instanceof MissingSecretError) {
        this.problem = error.message;
        return this.#set('stopped');
      }
      if (needsSignIn(error)) {
        // Not a crash: nothing restarts until the user signs in.
        if (run) await this.#reap(run);
        this.#run = undefined;
        if (generation !== this.#generation) return;
        this.problem = error.message;
        return this.#set('needs-sign-in');
      }
      // Restarting cannot bring a sandbox that is missing: say so once, and do not run it open.
      if (error instanceof SandboxUnavailableError) {
        this.problem = error.message;
        this.#deps.log.add('hub', `start refused: ${error.message}`);
        return this.#set('not-installed');
      }
      // Restarting cannot install it: say so once instead of a crash loop.
      if (error instanceof CommandNotFoundError) {
        this.problem = `"${error.command}" is not installed (not found on your login PATH); install it, then restart this server`;
        this.#deps.log.add('hub', `start failed: ${error.message} (looked in PATH=${error.searched})`);
        return this.#set('not-installed');
      }
      const exit = run ? await this.exitOfRun(run, 200) : undefined;
      if (run) await this.#reap(run);
      this.#run = undefined;
      this.lastExit = this.#summarize(exit, (error as Error).message);
      this.#deps.log.add('hub', `start failed: ${(error as Error).message}`);
      this.#failed(generation);
    }
  }

  #onExit(run: Launched, generation: number, exit: ExitInfo): void {
    if (generation !== this.#generation || run !== this.#run) return; // a stop we asked for
    const ranFor = Date.now() - (this.startedAt ?? Date.now());
    void this.connection?.close();
    this.connection = undefined;
    this.#run = undefined;
    this.startedAt = undefined;
    this.lastExit = this.#summarize(exit);
    this.#deps.log.add('hub', `exited: ${describeExit(exit)}`);
    void this.#reap(run); // what a wrapper forked may still be alive in the group
    // An on-demand server starts again at its next call; a lane is restarted like any server.
    if (!this.#deps.lane && startsOnUse(this.def)) return this.#set('stopped');
    if (ranFor >= STABLE_MS) this.failures = 0;
    this.#failed(generation);
  }

  #failed(generation: number): void {
    this.failures++;
    if (this.failures > MAX_RESTARTS) {
      this.problem = `gave up after ${this.failures} failed starts without a stable minute; last: ${this.describeLastExit()}`;
      return this.#set('crashed');
    }
    const seconds = backoffSeconds(this.failures);
    this.nextAttemptAt = Date.now() + seconds * 1000;
    this.#set('restarting');
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      if (generation !== this.#generation) return;
      void this.start();
    }, seconds * 1000);
  }

  async #recheckEmptyTools(generation: number, before: number): Promise<void> {
    await delay(1000);
    if (generation !== this.#generation || !this.connection) return;
    const lists = await this.connection.refreshLists().catch(() => undefined);
    if (!lists || generation !== this.#generation) return;
    this.lists = withoutPreviewTool(this.def, lists);
    if (lists.tools.length === 0) this.problem = `listed 0 tools after restart (it had ${before} before)`;
    this.#deps.changed(true);
  }

  async #reap(run: Launched): Promise<void> {
    await run.stop();
    if (run.pid !== undefined) this.#deps.pidFile.remove(this.#pidKey, run.pid);
  }

  get #pidKey(): string {
    return this.#deps.lane ? `${this.id}@${this.#deps.lane.sessionId}` : this.id;
  }

  /** Started by the first call that needs it: an on-demand server, or a lane. */
  #startsAtCall(): boolean {
    return this.#deps.lane !== undefined || this.def.startup === 'on-demand';
  }

  /** A per-client command server's own process: it only learns the lists, then stops. */
  #probesOnly(): boolean {
    return !this.#deps.lane && this.def.kind === 'stdio' && sessionMode(this.def) === 'per-client';
  }

  /** Stopped after idling: an on-demand server, and a client's own process (a remote session lives as long as its client's). */
  #stopsWhenIdle(): boolean {
    return this.#deps.lane ? this.def.kind !== 'http' : this.def.startup === 'on-demand';
  }

  #hooks(generation: number): UpstreamHooks {
    const hooks = this.#deps.hooks;
    return {
      ...hooks,
      listsChanged: (lists) => {
        if (generation !== this.#generation) return;
        this.lists = withoutPreviewTool(this.def, lists);
        this.#deps.listCache.write(this.id, this.lists);
        this.#deps.changed(true);
      },
    };
  }

  #armIdleTimer(): void {
    if (!this.#stopsWhenIdle() || this.state !== 'running' || this.#callsInFlight > 0) return;
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    const generation = this.#generation;
    const idleMs = this.#deps.idleMs();
    this.#idleTimer = setTimeout(() => {
      if (generation !== this.#generation || this.#callsInFlight !== 0) return;
      if (this.#deps.lane) this.#deps.log.add('hub', `stopped after ${Math.round(idleMs / 1000)} s without a call; it starts again at this client's next call`);
      void this.#stopOwn('stopped');
    }, idleMs);
  }

  #clearTimers(): void {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#restartTimer = undefined;
    this.#idleTimer = undefined;
  }

  #summarize(exit: ExitInfo | undefined, reason?: string): ExitSummary {
    const tail = this.#deps.log.tail(20);
    const sandbox = this.#sandbox;
    // A sandboxed server's failure says that it runs in a sandbox, what it was refused, and how to loosen it.
    const hint = sandbox?.applied && sandbox.level !== 'off' ? sandboxFailureHint({ serverId: this.id, level: sandbox.level, lines: tail.map((line) => line.text) }) : undefined;
    const said = reason ?? exit?.reason;
    return {
      code: exit?.code ?? null,
      signal: exit?.signal ?? null,
      at: exit?.at ?? new Date().toISOString(),
      reason: hint ? `${said ?? (exit ? describeExit(exit) : 'it failed')}; ${hint}` : said,
      stderrTail: tail.filter((line) => line.stream !== 'hub').map((line) => line.text),
    };
  }

  #set(state: ServerState, listsChanged = false): void {
    this.state = state;
    this.#deps.changed(listsChanged);
  }
}

export function describeExit(exit: ExitInfo): string {
  if (exit.reason) return exit.reason;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
