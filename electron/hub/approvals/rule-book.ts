// "Always approve this tool for this client" rules, persisted in settings so they survive restarts,
// listed and revocable (docs/write-mode-and-approvals.md).
import { randomUUID } from 'node:crypto';
import type { AlwaysRule } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/store.ts';
import type { RuleBook } from './approval-gate.ts';

export class SettingsRuleBook implements RuleBook {
  readonly #settings: SettingsStore;

  constructor(settings: SettingsStore) {
    this.#settings = settings;
  }

  matches(clientId: string, serverId: string, tool: string): boolean {
    return this.#settings.get().rules.some((r) => r.clientId === clientId && r.serverId === serverId && r.tool === tool);
  }

  add(clientId: string, serverId: string, tool: string): void {
    if (this.matches(clientId, serverId, tool)) return;
    const rule: AlwaysRule = { id: randomUUID().slice(0, 8), clientId, serverId, tool, createdAt: new Date().toISOString() };
    this.#settings.update((s) => void s.rules.push(rule));
  }

  list(): AlwaysRule[] {
    return this.#settings.get().rules;
  }

  revoke(id: string): boolean {
    const before = this.#settings.get().rules.length;
    this.#settings.update((s) => void (s.rules = s.rules.filter((r) => r.id !== id)));
    return this.#settings.get().rules.length < before;
  }
}
