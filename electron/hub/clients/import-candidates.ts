// Turning a server entry found in a client's config into an MCP Tray server definition: stdio
// (command, args, cwd, env) or remote (url, headers), with every secret-looking env var or header
// split out so its value goes to the keychain. Entries MCP Tray cannot take over faithfully
// (variable references only the client resolves, SSE, tokens in arguments) are refused with why.
import { EnvNameSchema, HeaderNameSchema, SERVER_ID_PATTERN, type ServerDefinition } from '../settings/schema.ts';
import type { ImportableServer } from '../contract/api/clients.ts';
import { isSecretEntry, looksSecretValue, urlHoldsSecret } from './secret-detect.ts';

export interface SecretValue {
  readonly kind: 'env' | 'header';
  readonly name: string;
  readonly value: string;
}

export interface ImportCandidate {
  readonly key: string;
  readonly kind: 'stdio' | 'http' | 'unsupported';
  readonly command?: string;
  readonly args: string[];
  readonly cwd?: string;
  /** Plain (non-secret) env vars and headers. */
  readonly env: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly secrets: SecretValue[];
  readonly url?: string;
  readonly enabled: boolean;
  /** Why it cannot be imported. */
  readonly reason?: string;
}

const strings = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};

export function toCandidate(key: string, raw: unknown): ImportCandidate {
  const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // Zed's oldest format nests the command: { "command": { "path", "args", "env" } }.
  const nested = e.command && typeof e.command === 'object' ? (e.command as Record<string, unknown>) : undefined;
  const command = typeof e.command === 'string' ? e.command : typeof nested?.path === 'string' ? nested.path : undefined;
  const args = (Array.isArray(nested?.args ?? e.args) ? ((nested?.args ?? e.args) as unknown[]) : []).map(String);
  const env = { ...strings(nested?.env ?? e.env) };
  const url = [e.url, e.serverUrl, e.httpUrl].find((u): u is string => typeof u === 'string');
  const requestOptions = e.requestOptions as Record<string, unknown> | undefined;
  const headers = { ...strings(e.headers ?? e.http_headers ?? requestOptions?.headers) };
  const enabled = e.disabled !== true && e.enabled !== false;
  const base = { key, args, env: {}, headers: {}, secrets: [], enabled };
  const refuse = (reason: string, kind: ImportCandidate['kind'] = command ? 'stdio' : url ? 'http' : 'unsupported'): ImportCandidate => ({
    ...base,
    kind,
    command,
    url,
    reason,
  });

  if (!command && !url) return refuse('it has neither a command nor a url', 'unsupported');
  const type = typeof e.type === 'string' ? e.type : typeof e.transportType === 'string' ? e.transportType : undefined;
  if (url && type === 'sse') return refuse('it uses the SSE transport; MCP Tray connects to remote servers over Streamable HTTP');
  const all = [command ?? '', ...args, url ?? '', ...Object.values(env), ...Object.values(headers), typeof e.cwd === 'string' ? e.cwd : ''];
  const reference = all.find((v) => /\$\{[^}]*\}|\$\{\{/.test(v));
  if (reference) return refuse(`it uses ${/\$\{\{?[^}]*\}+/.exec(reference)![0]}, which only the client resolves; add it with "mcp-tray servers add"`);
  if (typeof e.bearer_token_env_var === 'string' || e.env_http_headers) return refuse('it takes its token from an environment variable of the client; add it with "mcp-tray servers add --secret-header Authorization"');
  if (args.some(looksSecretValue)) return refuse('an argument looks like a token; MCP Tray keeps secrets only in env vars and headers (add it with "mcp-tray servers add --secret-env")');
  if (url && urlHoldsSecret(url)) return refuse('its URL carries a credential; MCP Tray keeps secrets only in headers (add it with "mcp-tray servers add --secret-header")');
  const badEnv = Object.keys(env).find((k) => !EnvNameSchema.safeParse(k).success);
  if (badEnv) return refuse(`"${badEnv}" is not a valid environment variable name`);
  const badHeader = Object.keys(headers).find((k) => !HeaderNameSchema.safeParse(k).success);
  if (badHeader) return refuse(`"${badHeader}" is not a valid header name`);

  const secrets: SecretValue[] = [];
  const plainEnv: Record<string, string> = {};
  const plainHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (isSecretEntry(name, value)) secrets.push({ kind: 'env', name, value });
    else plainEnv[name] = value;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (isSecretEntry(name, value)) secrets.push({ kind: 'header', name, value });
    else plainHeaders[name] = value;
  }
  return {
    key,
    kind: command ? 'stdio' : 'http',
    command,
    args: command ? args : [],
    cwd: command && typeof e.cwd === 'string' ? e.cwd : undefined,
    env: command ? plainEnv : {},
    headers: command ? {} : plainHeaders,
    secrets,
    url: command ? undefined : url,
    enabled,
  };
}

/** A slug server id from a client's server name, unique among `taken`. */
export function serverIdFor(key: string, taken: ReadonlySet<string>): string {
  let base = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  if (!base) base = 'server';
  if (!SERVER_ID_PATTERN.test(base)) base = `s-${base}`.slice(0, 24);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 24 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

export function definitionFor(candidate: ImportCandidate, id: string): ServerDefinition {
  const common = {
    id,
    name: candidate.key.slice(0, 80),
    enabled: candidate.enabled,
    writeMode: 'off' as const,
    startup: 'eager' as const,
    toolOverrides: {},
    secretEnv: candidate.secrets.filter((s) => s.kind === 'env').map((s) => s.name),
    // Imported from an IDE's config, not written here: tools it adds later wait for review.
    newTools: 'hold' as const,
  };
  if (candidate.kind === 'http') {
    return { ...common, kind: 'http', url: candidate.url!, headers: candidate.headers, secretHeaders: candidate.secrets.filter((s) => s.kind === 'header').map((s) => s.name) };
  }
  return { ...common, kind: 'stdio', command: candidate.command!, args: candidate.args, cwd: candidate.cwd, env: candidate.env };
}

/** What a UI may see of a candidate: secret values masked. */
export function describeCandidate(candidate: ImportCandidate, suggestedId: string): ImportableServer {
  const masked = (kind: 'env' | 'header', plain: Record<string, string>) => ({
    ...plain,
    ...Object.fromEntries(candidate.secrets.filter((s) => s.kind === kind).map((s) => [s.name, '[secret]'])),
  });
  return {
    key: candidate.key,
    kind: candidate.kind,
    command: candidate.command,
    args: candidate.args.length ? candidate.args : undefined,
    url: candidate.url,
    env: masked('env', candidate.env),
    headers: masked('header', candidate.headers),
    secrets: candidate.secrets.map((s) => s.name),
    importable: !candidate.reason,
    reason: candidate.reason,
    suggestedId,
  };
}
