// The client sessions' own upstreams of one per-client server (docs/supervisor.md): a process of a
// command server, or a session with a remote one, per client session. Each is a ServerSupervisor of
// its own ("lane"), so it restarts with backoff, gives up on a crash loop, and leaves nothing behind;
// one client's crash never touches another's. A lane starts at its client's first use, a process
// stops after idling, and both go when the client's session closes. At most `perClientMax`
// processes run per server; the next client is told why.
import type { ClientProcessInfo } from '../contract/contract.ts';
import { ServerSupervisor, ServerUnavailableError, type LaneOwner, type SupervisorDeps } from './server-supervisor.ts';

export interface ClientLanesDeps {
  /** What one lane needs: the server's plan and pid file, a log marked with the client, hooks bound to its session. */
  readonly laneDeps: (owner: LaneOwner) => SupervisorDeps;
  /** The most processes one server may run at once (setting perClientMax). */
  readonly max: () => number;
  /** How long a process may idle (setting perClientIdleSeconds), for what the next client is told. */
  readonly idleSeconds: () => number;
  /** A lane came or went. */
  readonly changed: () => void;
}

/** States in which a lane holds a process (or is about to). */
const ACTIVE = new Set(['starting', 'running', 'restarting']);

export class ClientLanes {
  readonly #server: ServerSupervisor;
  readonly #deps: ClientLanesDeps;
  readonly #lanes = new Map<string, ServerSupervisor>();
  /** Lanes of closed sessions still stopping: the server's stop waits for them too. */
  readonly #closing = new Set<Promise<void>>();

  constructor(server: ServerSupervisor, deps: ClientLanesDeps) {
    this.#server = server;
    this.#deps = deps;
  }

  /** The session's lane, created and started at its first use. Throws when the server already runs its most processes. */
  for(owner: LaneOwner): ServerSupervisor {
    let lane = this.#lanes.get(owner.sessionId);
    if (!lane) {
      lane = new ServerSupervisor(this.#server.def, this.#deps.laneDeps(owner));
      this.#lanes.set(owner.sessionId, lane);
      this.#deps.changed();
    }
    if (lane.state === 'stopped') {
      if (this.#server.def.kind !== 'http') this.#checkRoom();
      // Started now, not at the call's connectionForCall: the slot is taken before anyone else counts.
      void lane.start();
    }
    return lane;
  }

  /** The session's lane, if it has one. */
  of(sessionId: string): ServerSupervisor | undefined {
    return this.#lanes.get(sessionId);
  }

  all(): ServerSupervisor[] {
    return [...this.#lanes.values()];
  }

  /** The client's session closed: its process or remote session goes with it. */
  async close(sessionId: string): Promise<void> {
    const lane = this.#lanes.get(sessionId);
    if (!lane) return;
    this.#lanes.delete(sessionId);
    this.#deps.changed();
    const stopping: Promise<void> = lane.stop().finally(() => this.#closing.delete(stopping));
    this.#closing.add(stopping);
    await stopping;
  }

  /** The server stops, restarts or changes: every lane stops; each client gets a new one at its next use. */
  async stopAll(): Promise<void> {
    const lanes = this.all();
    this.#lanes.clear();
    if (lanes.length > 0) this.#deps.changed();
    await Promise.all([...lanes.map((lane) => lane.stop()), ...this.#closing]);
  }

  info(): ClientProcessInfo[] {
    return this.all().map((lane) => ({
      sessionId: lane.lane!.sessionId,
      clientId: lane.lane!.clientId,
      clientLabel: lane.lane!.label,
      state: lane.state,
      pid: lane.pid,
      startedAt: lane.startedAt === undefined ? undefined : new Date(lane.startedAt).toISOString(),
      nextAttemptAt: lane.nextAttemptAt === undefined ? undefined : new Date(lane.nextAttemptAt).toISOString(),
      failures: lane.failures,
      problem: lane.problem,
      lastExit: lane.lastExit,
    }));
  }

  #checkRoom(): void {
    const max = this.#deps.max();
    const running = this.all().filter((lane) => ACTIVE.has(lane.state)).length;
    if (running < max) return;
    const id = this.#server.id;
    throw new ServerUnavailableError(
      `server "${id}" runs one process per client session and ${running} are running, the most it may run (setting perClientMax = ${max}); ` +
        `this client gets one when another client disconnects or a process has idled for ${this.#deps.idleSeconds()} s (setting perClientIdleSeconds), ` +
        `or raise perClientMax in MCP Tray's settings`,
    );
  }
}
