// Which keychain entries a server needs, and reading them at spawn/connect time. Settings only
// name the secrets; their values exist in the keychain and, briefly, in the child's environment.
import type { ServerDefinition } from '../settings/schema.ts';
import { BUNDLED_SERVERS } from '../server-registry/bundled-catalog.ts';
import { accounts, KeychainUnavailableError, type SecretStore } from './keychain.ts';

export interface SecretRef {
  /** `oauth`: the client secret of a sign-in client id the user entered; optional, read by the sign-in itself. */
  readonly kind: 'env' | 'header' | 'oauth';
  readonly name: string;
  readonly account: string;
}

/** The name under which a user-entered OAuth client secret is set (`mcp-tray secrets set ID oauth-client-secret`). */
export const OAUTH_CLIENT_SECRET = 'oauth-client-secret';

export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError';
}

/**
 * The secrets a server needs: what its definition declares, plus, for a bundled server, what the
 * bundled server itself needs (a hand-written settings entry may leave that out).
 */
export function secretRefs(def: ServerDefinition): SecretRef[] {
  const declared = def.kind === 'bundled' ? [...new Set([...BUNDLED_SERVERS[def.bundled].secretEnv, ...def.secretEnv])] : def.secretEnv;
  const env = declared.map((name) => ({ kind: 'env' as const, name, account: accounts.env(def.id, name) }));
  const headers = def.kind === 'http' ? def.secretHeaders.map((name) => ({ kind: 'header' as const, name, account: accounts.header(def.id, name) })) : [];
  const oauth = def.kind === 'http' && def.oauthClientId ? [{ kind: 'oauth' as const, name: OAUTH_CLIENT_SECRET, account: accounts.oauth(def.id, 'client-secret') }] : [];
  return [...env, ...headers, ...oauth];
}

/** The secret values by env var / header name. Throws when the keychain is unavailable or a value is unset. */
export async function readServerSecrets(def: ServerDefinition, store: SecretStore): Promise<Record<string, string>> {
  // A public client has no secret: the OAuth one is optional, and the sign-in reads it itself.
  const refs = secretRefs(def).filter((ref) => ref.kind !== 'oauth');
  if (refs.length === 0) return {};
  const status = await store.status();
  if (!status.available) throw new KeychainUnavailableError(status.reason);
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const ref of refs) {
    const value = await store.get(ref.account);
    if (value === null) missing.push(ref.name);
    else values[ref.name] = value;
  }
  if (missing.length > 0) {
    throw new MissingSecretError(
      `secret ${missing.join(', ')} is not set; set it with: mcp-tray secrets set ${def.id} ${missing[0]}`,
    );
  }
  return values;
}

/** Whether each secret is set, never its value. */
export async function secretPresence(def: ServerDefinition, store: SecretStore): Promise<Array<{ kind: SecretRef['kind']; name: string; set: boolean }>> {
  const refs = secretRefs(def);
  if (refs.length === 0) return [];
  const status = await store.status();
  return Promise.all(
    refs.map(async (ref) => ({
      kind: ref.kind,
      name: ref.name,
      set: status.available ? (await store.get(ref.account).catch(() => null)) !== null : false,
    })),
  );
}
