// The limits in settings, by scope (docs/limits.md): `set` on a scope that has a limit changes that
// limit's bounds (0 takes a bound away), on a new scope adds one with the next free id; `remove`
// deletes by id. Every change goes through the settings schema, so nothing invalid is kept.
import { ControlError } from '../contract/control-error.ts';
import type { CallLimit } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/store.ts';

export interface LimitScope {
  readonly client?: string;
  readonly server?: string;
  readonly tool?: string;
}

export interface LimitBounds {
  /** 0 removes this bound from an existing limit. */
  readonly perMinute?: number;
  readonly concurrent?: number;
}

export class LimitBook {
  readonly #settings: Pick<SettingsStore, 'get' | 'update'>;

  constructor(settings: Pick<SettingsStore, 'get' | 'update'>) {
    this.#settings = settings;
  }

  list(): CallLimit[] {
    return this.#settings.get().limits;
  }

  set(scope: LimitScope, bounds: LimitBounds): { limit: CallLimit; created: boolean } {
    if (scope.tool !== undefined && scope.server === undefined) throw new ControlError('invalid-params', 'a limit on a tool needs its server too (--server S): tool names are per server');
    if (bounds.perMinute === undefined && bounds.concurrent === undefined) throw new ControlError('invalid-params', 'give --per-minute N, --concurrent N or both');
    const existing = this.list().find((limit) => sameScope(limit, scope));
    const base: CallLimit = existing ?? { id: nextId(this.list()), ...definedOnly(scope) };
    const next: CallLimit = { ...base };
    for (const key of ['perMinute', 'concurrent'] as const) {
      const value = bounds[key];
      if (value === undefined) continue;
      if (value === 0) delete next[key];
      else next[key] = value;
    }
    if (next.perMinute === undefined && next.concurrent === undefined) {
      throw new ControlError('invalid-params', `limit "${base.id}" would bound nothing; remove it instead: mcp-tray limits remove ${base.id}`);
    }
    this.#settings.update((s) => {
      s.limits = existing ? s.limits.map((limit) => (limit.id === existing.id ? next : limit)) : [...s.limits, next];
    });
    return { limit: next, created: !existing };
  }

  remove(id: string): boolean {
    if (!this.list().some((limit) => limit.id === id)) return false;
    this.#settings.update((s) => void (s.limits = s.limits.filter((limit) => limit.id !== id)));
    return true;
  }
}

function sameScope(limit: CallLimit, scope: LimitScope): boolean {
  return limit.client === scope.client && limit.server === scope.server && limit.tool === scope.tool;
}

function definedOnly(scope: LimitScope): LimitScope {
  return Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== undefined));
}

function nextId(limits: readonly CallLimit[]): string {
  const used = new Set(limits.map((limit) => limit.id));
  let n = 1;
  while (used.has(`limit-${n}`)) n++;
  return `limit-${n}`;
}
