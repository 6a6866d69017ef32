// A remote server that speaks both eras (docs/protocol-eras.md) is spoken to in both: each client's
// calls go in the era that client speaks with the hub. A 2025 client then meets the server as a
// 2025 client would (mid-call requests, logging, subscriptions), and a 2026-07-28 client as a
// 2026-07-28 client would (its own capabilities, the server's own input requests). The 2025
// connection is the one the hub lists, subscribes and sets log levels on.
import type { ModernUpstream } from './eras/modern-upstream.ts';
import type { Launched } from './launch.ts';
import type { ProgressParams, Upstream, UpstreamCall, UpstreamConnection, UpstreamLists } from './upstream-connection.ts';

export class DualEraUpstream implements Upstream {
  /** 'modern', so the gateway passes each call's client (forward.ts) and this picks the era by it. */
  readonly era = 'modern';
  readonly #legacy: UpstreamConnection;
  readonly #modern: ModernUpstream;
  readonly #legacyRun: Launched;

  constructor(legacy: UpstreamConnection, legacyRun: Launched, modern: ModernUpstream) {
    this.#legacy = legacy;
    this.#legacyRun = legacyRun;
    this.#modern = modern;
  }

  get lists(): UpstreamLists {
    return this.#legacy.lists;
  }

  set lists(lists: UpstreamLists) {
    this.#legacy.lists = lists;
  }

  get capabilities(): Upstream['capabilities'] {
    return this.#legacy.capabilities;
  }

  get serverInfo(): Upstream['serverInfo'] {
    return this.#legacy.serverInfo;
  }

  get instructions(): string | undefined {
    return this.#legacy.instructions;
  }

  refreshLists(): Promise<UpstreamLists> {
    return this.#legacy.refreshLists();
  }

  request(method: string, params: Record<string, unknown> | undefined, options?: { signal?: AbortSignal; timeout?: number }): Promise<Record<string, unknown>> {
    return this.#legacy.request(method, params, options);
  }

  forward(method: string, params: Record<string, unknown> | undefined, signal?: AbortSignal, call?: UpstreamCall): Promise<Record<string, unknown>> {
    if (call?.clientEra !== 'modern') return this.#legacy.forward(method, params, signal);
    // The tools it knows from its 2025 listing (for the Mcp-Param-* headers some need).
    this.#modern.lists = this.#legacy.lists;
    return this.#modern.forward(method, params, signal, call);
  }

  /** One token, known to both connections: the call goes on one of them. */
  progressToken(listener: (params: ProgressParams) => void): { token: string; release(): void } {
    const legacy = this.#legacy.progressToken(listener);
    const modern = this.#modern.progressToken(listener, legacy.token);
    return { token: legacy.token, release: () => (legacy.release(), modern.release()) };
  }

  rootsChanged(): Promise<void> {
    return this.#legacy.rootsChanged();
  }

  notify(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.#legacy.notify(method, params);
  }

  async close(): Promise<void> {
    await Promise.all([this.#legacy.close(), this.#modern.close()]);
    await this.#legacyRun.stop();
  }
}
