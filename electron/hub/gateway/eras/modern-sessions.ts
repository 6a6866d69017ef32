// Sessions of 2026-07-28 clients (docs/protocol-eras.md). That revision has no session: every
// request stands alone and carries its own envelope (protocol version, capabilities, clientInfo).
// MCP Tray still needs one, for "approve for this session", the Clients view and "disconnect". So
// the hub keeps one per verified client id (the HTTP token's owner, or the bridge's hello) and
// self-reported clientInfo name and version: created at the first request that needs it, ended
// when idle, when evicted to make room, or when a UI disconnects it. No SDK import here.
import type { ClientSession, ListKind, SessionIdentity } from '../client-session.ts';

export const MODERN_SESSION_IDLE_MS = 5 * 60_000;
export const MAX_MODERN_SESSIONS_PER_CLIENT = 16;
const REAP_EVERY_MS = 60_000;

/** What a modern request says about its client, from the envelope in its `_meta`. */
export interface ModernEnvelope {
  readonly protocolVersion: string;
  readonly clientInfo?: { readonly name: string; readonly version: string };
  /** The request's clientCapabilities: passed on to a server that speaks 2026-07-28 too. */
  readonly capabilities?: Record<string, unknown>;
}

export interface ModernSessionHost {
  openModernSession(identity: SessionIdentity): ClientSession;
  closeModernSession(session: ClientSession): void;
}

export class TooManyModernSessionsError extends Error {
  override readonly name = 'TooManyModernSessionsError';
}

export class ModernSessions {
  readonly #host: ModernSessionHost;
  readonly #idleMs: number;
  readonly #byKey = new Map<string, ClientSession>();
  readonly #busy = new Map<ClientSession, number>();
  readonly #reaper: NodeJS.Timeout;
  /** How a list change reaches modern clients (their open listen streams). */
  listChanged: (kind: ListKind) => void = () => undefined;
  /** A session ended (its calls waiting for the client's input are given up). */
  ended: (session: ClientSession) => void = () => undefined;

  constructor(host: ModernSessionHost, idleMs = MODERN_SESSION_IDLE_MS) {
    this.#host = host;
    this.#idleMs = idleMs;
    this.#reaper = setInterval(() => this.reap(), Math.min(REAP_EVERY_MS, idleMs)).unref();
  }

  /** The session a request belongs to: found by client id and clientInfo, or opened now. */
  resolve(identity: SessionIdentity, envelope: ModernEnvelope): ClientSession {
    const info = envelope.clientInfo;
    const key = JSON.stringify([identity.transport, identity.clientId, info?.name ?? '', info?.version ?? '']);
    let session = this.#byKey.get(key);
    if (!session || session.closed) {
      this.#makeRoom(identity.clientId);
      session = this.#host.openModernSession(identity);
      this.#byKey.set(key, session);
    }
    session.modernClient = {
      protocolVersion: envelope.protocolVersion,
      ...(info && { clientInfo: { name: info.name, version: info.version } }),
      ...(envelope.capabilities && { capabilities: envelope.capabilities }),
    };
    session.modernListChanged = (kind) => this.listChanged(kind);
    session.lastSeen = Date.now();
    return session;
  }

  /** Runs one request of a session; a session with requests unanswered is never idle. */
  async during<T>(session: ClientSession, run: () => Promise<T>): Promise<T> {
    this.#busy.set(session, (this.#busy.get(session) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const left = (this.#busy.get(session) ?? 1) - 1;
      if (left === 0) this.#busy.delete(session);
      else this.#busy.set(session, left);
      session.lastSeen = Date.now();
    }
  }

  sessions(): ClientSession[] {
    return [...this.#byKey.values()].filter((session) => !session.closed);
  }

  /** Ends sessions idle for longer than the idle window. */
  reap(now = Date.now()): void {
    for (const [key, session] of this.#byKey) {
      if (session.closed) this.#byKey.delete(key);
      else if (!this.#isBusy(session) && now - session.lastSeen > this.#idleMs) this.#end(key, session);
    }
  }

  close(): void {
    clearInterval(this.#reaper);
    for (const [key, session] of this.#byKey) this.#end(key, session);
  }

  #isBusy(session: ClientSession): boolean {
    return this.#busy.has(session) || session.pendingApprovals > 0;
  }

  /** At the cap for this client, the least recently used idle session ends; when none is idle, the request is refused. */
  #makeRoom(clientId: string): void {
    const mine = [...this.#byKey.entries()].filter(([, s]) => !s.closed && s.identity.clientId === clientId);
    if (mine.length < MAX_MODERN_SESSIONS_PER_CLIENT) return;
    const idle = mine.filter(([, s]) => !this.#isBusy(s)).sort((a, b) => a[1].lastSeen - b[1].lastSeen)[0];
    if (!idle) throw new TooManyModernSessionsError(`Too many MCP sessions for client "${clientId}" (at most ${MAX_MODERN_SESSIONS_PER_CLIENT}), and none is idle; try again later`);
    this.#end(...idle);
  }

  #end(key: string, session: ClientSession): void {
    this.#byKey.delete(key);
    this.#busy.delete(session);
    this.ended(session);
    if (!session.closed) this.#host.closeModernSession(session);
  }
}
