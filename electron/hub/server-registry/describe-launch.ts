// What a server runs, in one line for people: the command with its arguments, or the URL.
// Secrets are never part of it: they live in the environment and headers only.
import type { ServerDefinition } from '../settings/schema.ts';
import { BUNDLED_SERVERS, bundledEntry } from './bundled-catalog.ts';

export function describeLaunch(def: ServerDefinition, serversRoot?: string): string {
  switch (def.kind) {
    case 'bundled':
      return ['node', bundledEntry(def.bundled, serversRoot), ...BUNDLED_SERVERS[def.bundled].args(def.options, '')].map(quote).join(' ');
    case 'stdio':
      return [def.command, ...def.args].map(quote).join(' ');
    case 'http':
      return def.url;
  }
}

function quote(part: string): string {
  return /^[\w@%+=:,./~-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`;
}
