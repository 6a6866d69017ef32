// What the whole UI knows about the hub: servers, client sessions, pending approvals, settings.
// Loaded once from `status`, then kept current by hub events. Events can arrive thousands of times
// a second (every call updates its session), so listeners are told at most once per 50 ms.
import { control, type ConnectionState } from '../../api/control-client.ts';
import type { ApprovalInfo, HubEvent, HubStatus, PublicSettings, ServerStatus, SessionInfo } from '../../api/contract-types.ts';

export type HubInfo = Pick<HubStatus, 'version' | 'platform' | 'dataDir' | 'endpoints' | 'http' | 'keychain' | 'problems' | 'startedAt'>;

export interface HubState {
  readonly loaded: boolean;
  readonly loadError?: string;
  readonly connection: ConnectionState;
  readonly info?: HubInfo;
  readonly servers: readonly ServerStatus[];
  readonly sessions: readonly SessionInfo[];
  readonly approvals: readonly ApprovalInfo[];
  readonly settings?: PublicSettings;
}

const NOTIFY_EVERY_MS = 50;

class HubStore {
  #state: HubState = { loaded: false, connection: 'connecting', servers: [], sessions: [], approvals: [] };
  readonly #listeners = new Set<() => void>();
  /** Approvals resolved while a status snapshot was in flight must not come back with it. */
  readonly #resolved = new Set<string>();
  #notifyTimer: ReturnType<typeof setTimeout> | undefined;
  #started = false;

  getState = (): HubState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  start(): void {
    if (this.#started) return;
    this.#started = true;
    control.subscribe((event) => this.#apply(event));
    let previous: ConnectionState | undefined;
    control.onConnection((connection) => {
      this.#set({ connection });
      // After a gap in the event stream, what we hold may be stale: load it again.
      if (connection === 'open' && previous === 'lost') void this.reload();
      previous = connection;
    });
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      const [status, settings] = await Promise.all([control.call('status', {}), control.call('settings.get', {})]);
      const { servers, clients, approvals, ...info } = status;
      this.#set({
        loaded: true,
        loadError: undefined,
        info,
        servers,
        sessions: clients,
        approvals: approvals.filter((a) => !this.#resolved.has(a.id)),
        settings,
      });
    } catch (error) {
      this.#set({ loadError: (error as Error).message });
    }
  }

  /** Applies a result the UI just received (e.g. from servers.writeMode) without waiting for its event. */
  upsertServer(server: ServerStatus): void {
    this.#set({ servers: upsert(this.#state.servers, server, (s) => s.id === server.id) });
  }

  removeApproval(id: string): void {
    this.#resolved.add(id);
    this.#set({ approvals: this.#state.approvals.filter((a) => a.id !== id) });
  }

  setSettings(settings: PublicSettings): void {
    this.#set({ settings });
  }

  #apply(event: HubEvent): void {
    const s = this.#state;
    switch (event.type) {
      case 'server-changed':
        return this.#set({ servers: upsert(s.servers, event.server, (x) => x.id === event.server.id) }, true);
      case 'server-removed':
        return this.#set({ servers: s.servers.filter((x) => x.id !== event.id) }, true);
      case 'session-changed':
        return this.#set({ sessions: upsert(s.sessions, event.session, (x) => x.sessionId === event.session.sessionId) }, true);
      case 'session-closed':
        return this.#set({ sessions: s.sessions.filter((x) => x.sessionId !== event.sessionId) }, true);
      case 'approval-requested':
        if (this.#resolved.has(event.approval.id) || s.approvals.some((a) => a.id === event.approval.id)) return;
        return this.#set({ approvals: [...s.approvals, event.approval] });
      case 'approval-resolved':
        return this.removeApproval(event.id);
      case 'settings-changed':
        void control.call('settings.get', {}).then((settings) => this.setSettings(settings), () => {});
        return;
      default:
        return; // call-logged and server-log are read by the views that show them
    }
  }

  #set(patch: Partial<HubState>, batched = false): void {
    this.#state = { ...this.#state, ...patch };
    if (!batched) {
      clearTimeout(this.#notifyTimer);
      this.#notifyTimer = undefined;
      this.#notify();
    } else {
      this.#notifyTimer ??= setTimeout(() => {
        this.#notifyTimer = undefined;
        this.#notify();
      }, NOTIFY_EVERY_MS);
    }
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

function upsert<T>(list: readonly T[], item: T, same: (x: T) => boolean): readonly T[] {
  const index = list.findIndex(same);
  if (index === -1) return [...list, item];
  const next = list.slice();
  next[index] = item;
  return next;
}

export const hubStore = new HubStore();
