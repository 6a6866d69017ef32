// Whether a server's clients share one upstream session or each get their own (docs/supervisor.md),
// and the roots the hub answers with on a session no single client owns.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerDefinition, SessionMode } from '../settings/schema.ts';
import { expandHome } from './bundled-catalog.ts';

/**
 * Remote servers: always one session per client (a session is cheap there). Command servers: the
 * user's choice, shared unless set. Bundled servers: shared (they never ask a client anything).
 */
export function sessionMode(def: ServerDefinition): SessionMode {
  if (def.kind === 'http') return 'per-client';
  if (def.kind === 'stdio') return def.sessions ?? 'shared';
  return 'shared';
}

/**
 * Whether the server's own process starts only when needed: an on-demand server, or a per-client
 * command server, whose own process only learns the lists (each client gets a process of its own).
 */
export function startsOnUse(def: ServerDefinition): boolean {
  return def.startup === 'on-demand' || (def.kind === 'stdio' && sessionMode(def) === 'per-client');
}

/** The folders set for a server in MCP Tray: the bundled filesystem's `roots` option, else `roots`. */
export function configuredRoots(def: ServerDefinition): string[] {
  if (def.kind === 'bundled' && def.bundled === 'filesystem') {
    const roots = def.options.roots;
    return roots === undefined ? [] : Array.isArray(roots) ? roots : [roots];
  }
  return def.roots ?? [];
}

export interface Root {
  readonly uri: string;
  readonly name: string;
}

/** Folders as MCP roots: absolute `file://` URIs named after the folder. */
export function asRoots(folders: readonly string[]): Root[] {
  return folders.map((folder) => {
    const absolute = path.resolve(expandHome(folder));
    return { uri: pathToFileURL(absolute).href, name: path.basename(absolute) || absolute };
  });
}
