// Rate limits on calls (docs/limits.md): for each limit in settings that matches a call, a sliding
// 60 s window of admitted calls and a count of those still running. A call is admitted only when
// every matching limit has room; a refused call counts against none. Counters live in memory and
// start afresh with the hub; the limits themselves are settings.
import type { CallMethod } from '../contract/call-log-shapes.ts';
import type { CallLimit } from '../settings/schema.ts';

export const WINDOW_MS = 60_000;

export interface LimitedCall {
  readonly clientId: string;
  readonly serverId: string;
  readonly method: CallMethod;
  /** Tool name (tools/call), resource URI or prompt name. */
  readonly target: string;
}

export interface LimitRefusal {
  readonly limit: CallLimit;
  readonly kind: 'per-minute' | 'concurrent';
  /** When a retry can succeed, as far as this limit knows. */
  readonly retryAfterMs: number;
  readonly message: string;
}

export type Admission = { readonly admitted: true; release(): void } | { readonly admitted: false; readonly refusal: LimitRefusal };

export function limitMatches(limit: CallLimit, call: LimitedCall): boolean {
  if (limit.client !== undefined && limit.client !== call.clientId) return false;
  if (limit.server !== undefined && limit.server !== call.serverId) return false;
  if (limit.tool !== undefined && (call.method !== 'tools/call' || limit.tool !== call.target)) return false;
  return true;
}

/** "5 calls per minute for client "cursor" on tool "bump" of server "test"", for messages and lists. */
export function describeLimit(limit: CallLimit): string {
  const bounds = [
    limit.perMinute === undefined ? undefined : `${limit.perMinute} call${limit.perMinute === 1 ? '' : 's'} per minute`,
    limit.concurrent === undefined ? undefined : `${limit.concurrent} at once`,
  ].filter(Boolean);
  const who = limit.client === undefined ? 'all clients together' : `client "${limit.client}"`;
  const what = limit.tool !== undefined ? `tool "${limit.tool}" of server "${limit.server}"` : limit.server !== undefined ? `server "${limit.server}"` : 'every server';
  return `${bounds.join(' and ')} for ${who} on ${what}`;
}

const NO_RELEASE = { admitted: true as const, release: () => undefined };

export class CallLimiter {
  readonly #limits: () => readonly CallLimit[];
  readonly #now: () => number;
  /** Admission times per limit (key: id and scope), oldest first. */
  readonly #windows = new Map<string, number[]>();
  readonly #running = new Map<string, number>();
  #seen: readonly CallLimit[] | undefined;

  constructor(limits: () => readonly CallLimit[], now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /** Admits the call (release it when it ends) or says which limit refuses it and when to retry. */
  admit(call: LimitedCall): Admission {
    const limits = this.#limits();
    if (limits !== this.#seen) this.#forgetRemoved(limits);
    if (limits.length === 0) return NO_RELEASE;
    const matching = limits.filter((limit) => limitMatches(limit, call));
    if (matching.length === 0) return NO_RELEASE;
    const now = this.#now();
    for (const limit of matching) {
      const key = counterKey(limit);
      if (limit.perMinute !== undefined) {
        const window = this.#window(key, now);
        if (window.length >= limit.perMinute) {
          const retryAfterMs = Math.max(1, window[window.length - limit.perMinute]! + WINDOW_MS - now);
          return refuse(limit, 'per-minute', retryAfterMs);
        }
      }
      if (limit.concurrent !== undefined && (this.#running.get(key) ?? 0) >= limit.concurrent) return refuse(limit, 'concurrent', 1000);
    }
    const keys = matching.map(counterKey);
    for (const [i, limit] of matching.entries()) {
      const key = keys[i]!;
      if (limit.perMinute !== undefined) this.#window(key, now).push(now);
      if (limit.concurrent !== undefined) this.#running.set(key, (this.#running.get(key) ?? 0) + 1);
    }
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        for (const [i, limit] of matching.entries()) {
          if (limit.concurrent === undefined) continue;
          const left = (this.#running.get(keys[i]!) ?? 1) - 1;
          if (left > 0) this.#running.set(keys[i]!, left);
          else this.#running.delete(keys[i]!);
        }
      },
    };
  }

  /** The window of a limit, without the admissions older than 60 s. */
  #window(key: string, now: number): number[] {
    let window = this.#windows.get(key);
    if (!window) this.#windows.set(key, (window = []));
    let stale = 0;
    while (stale < window.length && window[stale]! <= now - WINDOW_MS) stale++;
    if (stale > 0) window.splice(0, stale);
    return window;
  }

  /** Settings changed: counters of limits that are gone (or whose scope changed) are dropped. */
  #forgetRemoved(limits: readonly CallLimit[]): void {
    this.#seen = limits;
    const live = new Set(limits.map(counterKey));
    for (const key of this.#windows.keys()) if (!live.has(key)) this.#windows.delete(key);
    // A running call's release still finds its key gone and does nothing harmful.
    for (const key of this.#running.keys()) if (!live.has(key)) this.#running.delete(key);
  }
}

/** A limit's counters follow its id and scope: changing a number keeps them, changing whom it counts does not. */
function counterKey(limit: CallLimit): string {
  return JSON.stringify([limit.id, limit.client ?? null, limit.server ?? null, limit.tool ?? null]);
}

function refuse(limit: CallLimit, kind: LimitRefusal['kind'], retryAfterMs: number): Admission {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const when = kind === 'per-minute' ? `retry in ${seconds} s` : `retry when one of the calls in progress ends (try again in ${seconds} s)`;
  const message = `MCP Tray rate limit "${limit.id}" (${describeLimit(limit)}) reached; ${when}. The call did not reach the server.`;
  return { admitted: false, refusal: { limit, kind, retryAfterMs, message } };
}
