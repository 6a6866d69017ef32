// Pinned tool definitions, the defence against a server that changes a tool after the user
// trusted it (docs/pinned-tools.md). The first time the hub sees an enabled server's tools it pins
// them all and holds nothing. Afterwards a tool whose definition differs from its pin is held: not
// listed, not callable, until the user accepts the new definition (which becomes the pin) or
// rejects it (it stays held; a later, different definition is held for review again). A tool the
// server adds later is pinned and listed, or held, as the server's `newTools` setting says.
import type { HeldToolInfo } from '../contract/shapes.ts';
import type { ServerDefinition } from '../settings/schema.ts';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';
import type { PinFile, PinStore } from './pin-store.ts';
import { becomesReadOnly, changedFields, definitionDigest, pinnedDefinition, sameDefinition, type PinnedDefinition } from './tool-definition.ts';

export type NewToolsPolicy = 'hold' | 'list';

/** `hold` for servers added from the catalog or imported from an IDE, `list` for the ones the user wrote. */
export function newToolsPolicy(def: Pick<ServerDefinition, 'newTools' | 'source'>): NewToolsPolicy {
  return def.newTools ?? (def.source ? 'hold' : 'list');
}

export interface HeldTool extends HeldToolInfo {
  readonly pinned?: PinnedDefinition;
  readonly current: PinnedDefinition;
}

export interface ToolPinEvents {
  /** A tool was newly held (or held again with another definition): for the server's log. */
  held(serverId: string, held: HeldTool): void;
  /** The user decided on a held tool: for the server's log. */
  decided(serverId: string, tool: string, decision: 'accepted' | 'rejected'): void;
  /** What a server's clients may see changed (a hold, an accept, a reject). */
  changed(serverId: string): void;
}

export class ToolNotHeldError extends Error {}

export class ToolPins {
  readonly #store: PinStore;
  readonly #events: ToolPinEvents;
  #file: PinFile | undefined;
  /** Held tools by server, then by tool name: recomputed from each screening. */
  readonly #held = new Map<string, Map<string, HeldTool>>();
  /** Screenings of the same tool list under the same pins give the same answer. */
  readonly #memo = new WeakMap<readonly UpstreamTool[], { version: number; policy: NewToolsPolicy; visible: UpstreamTool[] }>();
  #version = 0;

  constructor(store: PinStore, events: ToolPinEvents) {
    this.#store = store;
    this.#events = events;
  }

  /**
   * The tools of a server its clients may see; pins them on first sight, holds what changed.
   * Bundled servers are MCP Tray's own code: their tools change only with MCP Tray or with their
   * settings (the postgres server's pg_query follows its role), so they are not pinned.
   */
  screen(def: Pick<ServerDefinition, 'id' | 'kind' | 'newTools' | 'source'>, tools: readonly UpstreamTool[]): readonly UpstreamTool[] {
    if (def.kind === 'bundled') return tools;
    const policy = newToolsPolicy(def);
    const memo = this.#memo.get(tools);
    if (memo && memo.version === this.#version && memo.policy === policy) return memo.visible;

    const file = this.#pins();
    const firstSight = file.servers[def.id] === undefined;
    const pins = (file.servers[def.id] ??= { tools: {}, rejected: {} });
    let dirty = firstSight;
    const visible: UpstreamTool[] = [];
    const held = new Map<string, HeldTool>();
    for (const tool of tools) {
      const current = pinnedDefinition(tool);
      const pinned = pins.tools[tool.name];
      if (pinned ? sameDefinition(pinned, current) : firstSight || policy === 'list') {
        if (!pinned) {
          pins.tools[tool.name] = current;
          dirty = true;
        }
        visible.push(tool);
        continue;
      }
      const digest = definitionDigest(current);
      held.set(tool.name, {
        serverId: def.id,
        tool: tool.name,
        kind: pinned ? 'changed' : 'new',
        fields: changedFields(pinned, current),
        becomesReadOnly: becomesReadOnly(pinned, current),
        rejected: pins.rejected[tool.name] === digest,
        digest,
        pinned,
        current,
      });
    }
    if (dirty) this.#save();
    this.#replaceHeld(def.id, held);
    this.#memo.set(tools, { version: this.#version, policy, visible });
    return visible;
  }

  /** Held tools, of one server or of all. */
  held(serverId?: string): HeldTool[] {
    const servers = serverId === undefined ? [...this.#held.values()] : [this.#held.get(serverId) ?? new Map<string, HeldTool>()];
    return servers.flatMap((tools) => [...tools.values()]);
  }

  /** The held tool a client asked for by name (the tool's own name, or `<serverId>__<name>`). */
  heldByCallName(name: string): HeldTool | undefined {
    for (const [serverId, tools] of this.#held) {
      const held = tools.get(name) ?? (name.startsWith(`${serverId}__`) ? tools.get(name.slice(serverId.length + 2)) : undefined);
      if (held) return held;
    }
    return undefined;
  }

  /** The user trusts the definition the server presents now: it becomes the pin, and the tool is listed again. */
  accept(serverId: string, tool: string, digest?: string): HeldTool {
    const held = this.#require(serverId, tool, digest);
    const pins = this.#pins().servers[serverId]!;
    pins.tools[tool] = held.current;
    delete pins.rejected[tool];
    this.#save();
    this.#held.get(serverId)!.delete(tool);
    this.#events.decided(serverId, tool, 'accepted');
    this.#events.changed(serverId);
    return held;
  }

  /** The user does not trust the new definition: the tool stays held, and no longer asks for attention. */
  reject(serverId: string, tool: string, digest?: string): HeldTool {
    const held = this.#require(serverId, tool, digest);
    const pins = this.#pins().servers[serverId]!;
    pins.rejected[tool] = held.digest;
    this.#save();
    const rejected = { ...held, rejected: true };
    this.#held.get(serverId)!.set(tool, rejected);
    this.#events.decided(serverId, tool, 'rejected');
    this.#events.changed(serverId);
    return rejected;
  }

  /** The server was removed: its pins go with it (a new server of the same id starts afresh). */
  forget(serverId: string): void {
    const file = this.#pins();
    this.#held.delete(serverId);
    if (file.servers[serverId] === undefined) return;
    delete file.servers[serverId];
    this.#save();
  }

  #require(serverId: string, tool: string, digest: string | undefined): HeldTool {
    const held = this.#held.get(serverId)?.get(tool);
    if (!held) throw new ToolNotHeldError(`tool "${tool}" of server "${serverId}" is not held; see: mcp-tray servers review`);
    if (digest !== undefined && digest !== held.digest) throw new ToolNotHeldError(`tool "${tool}" of server "${serverId}" changed again since it was shown; review it again: mcp-tray servers review ${serverId}`);
    return held;
  }

  #replaceHeld(serverId: string, now: Map<string, HeldTool>): void {
    const before = this.#held.get(serverId) ?? new Map<string, HeldTool>();
    let changed = before.size !== now.size;
    for (const [name, held] of now) {
      const was = before.get(name);
      if (was?.digest === held.digest && was.rejected === held.rejected) continue;
      changed = true;
      if (was?.digest !== held.digest) this.#events.held(serverId, held);
    }
    if (now.size === 0) this.#held.delete(serverId);
    else this.#held.set(serverId, now);
    if (changed) this.#events.changed(serverId);
  }

  #pins(): PinFile {
    this.#file ??= this.#store.read();
    return this.#file;
  }

  #save(): void {
    this.#version++;
    this.#store.write(this.#pins());
  }
}
