// Turns the add-server form into a server definition (the hub validates it again) plus the secret
// values to store once it exists.
import type { ServerDefinition } from '../../../api/contract-types.ts';

export interface SecretDraft {
  readonly name: string;
  readonly value: string;
}

export interface ServerDraft {
  readonly kind: 'stdio' | 'http';
  readonly id: string;
  readonly name: string;
  readonly startup: 'eager' | 'on-demand';
  readonly command: string;
  /** One argument per line, so arguments with spaces need no quoting. */
  readonly args: string;
  /** KEY=VALUE per line (stdio env) or Name: value per line (http headers). */
  readonly pairs: string;
  readonly url: string;
  /** A client id registered with the server's authorization server, when it offers no registration (optional). */
  readonly oauthClientId?: string;
  /** Scopes to ask for when the server does not say (optional). */
  readonly oauthScopes?: string;
  /** A command server's sandbox (absent: the hub's default, standard). */
  readonly sandbox?: 'standard' | 'strict' | 'off';
  readonly secrets: readonly SecretDraft[];
}

export const SERVER_ID = /^[a-z0-9][a-z0-9-]{0,23}$/;

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
}

/** Parses "KEY=VALUE" (or "Name: value") lines; throws naming the first bad line. */
export function parsePairs(text: string, separator: '=' | ':'): Record<string, string> {
  const pairs: Record<string, string> = {};
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, index) => {
      const at = line.indexOf(separator);
      if (at <= 0) throw new Error(`line ${index + 1} (“${line}”) is not ${separator === '=' ? 'KEY=VALUE' : 'Name: value'}`);
      pairs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    });
  return pairs;
}

export function buildDefinition(draft: ServerDraft): ServerDefinition {
  if (!SERVER_ID.test(draft.id)) throw new Error('The id is a slug of at most 24 characters: a-z, 0-9 and “-”, not starting with “-”.');
  const secretNames = draft.secrets.map((s) => s.name.trim()).filter(Boolean);
  const base = { id: draft.id, name: draft.name.trim() || draft.id, startup: draft.startup, enabled: true, writeMode: 'off' as const, toolOverrides: {} };
  if (draft.kind === 'stdio') {
    if (!draft.command.trim()) throw new Error('Enter the command to run, e.g. npx.');
    return {
      ...base,
      kind: 'stdio',
      command: draft.command.trim(),
      args: draft.args.split('\n').map((a) => a.trim()).filter(Boolean),
      env: parsePairs(draft.pairs, '='),
      secretEnv: secretNames,
      ...(draft.sandbox ? { sandbox: draft.sandbox } : {}),
    };
  }
  if (!/^https?:\/\//.test(draft.url.trim())) throw new Error('Enter the server URL, starting with https:// or http://.');
  const oauthClientId = draft.oauthClientId?.trim() || undefined;
  const oauthScopes = draft.oauthScopes?.trim().replace(/\s+/g, ' ') || undefined;
  return {
    ...base,
    kind: 'http',
    url: draft.url.trim(),
    headers: parsePairs(draft.pairs, ':'),
    secretHeaders: secretNames,
    secretEnv: [],
    ...(oauthClientId ? { oauthClientId } : {}),
    ...(oauthScopes ? { oauthScopes } : {}),
  };
}
