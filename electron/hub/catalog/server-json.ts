// A registry entry (`server.json`, the MCP Registry's format) checked against the registry's own
// JSON schema (server.schema.json beside this file, 2025-12-11) with ajv. An entry that does not fit
// is skipped and reported, never half-used. The types describe what a valid entry holds.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import schema from './server.schema.json' with { type: 'json' };

export const SERVER_JSON_SCHEMA_ID = schema.$id;

export interface Input {
  readonly description?: string;
  readonly isRequired?: boolean;
  readonly format?: 'string' | 'number' | 'boolean' | 'filepath';
  readonly value?: string;
  readonly isSecret?: boolean;
  readonly default?: string;
  readonly placeholder?: string;
  readonly choices?: readonly string[];
}

export interface InputWithVariables extends Input {
  readonly variables?: Readonly<Record<string, Input>>;
}

export interface KeyValueInput extends InputWithVariables {
  readonly name: string;
}

export type Argument =
  | (InputWithVariables & { readonly type: 'positional'; readonly valueHint?: string; readonly isRepeated?: boolean })
  | (InputWithVariables & { readonly type: 'named'; readonly name: string; readonly isRepeated?: boolean });

export interface Transport {
  readonly type: 'stdio' | 'streamable-http' | 'sse';
  readonly url?: string;
  readonly headers?: readonly KeyValueInput[];
}

export interface Package {
  readonly registryType: string;
  readonly registryBaseUrl?: string;
  readonly identifier: string;
  readonly version?: string;
  readonly fileSha256?: string;
  readonly runtimeHint?: string;
  readonly transport: Transport;
  readonly runtimeArguments?: readonly Argument[];
  readonly packageArguments?: readonly Argument[];
  readonly environmentVariables?: readonly KeyValueInput[];
}

export interface Remote extends Transport {
  readonly type: 'streamable-http' | 'sse';
  readonly url: string;
  readonly variables?: Readonly<Record<string, Input>>;
}

export interface Icon {
  readonly src: string;
  readonly mimeType?: string;
  readonly sizes?: readonly string[];
  readonly theme?: 'light' | 'dark';
}

export interface ServerJson {
  readonly $schema?: string;
  readonly name: string;
  readonly description: string;
  readonly title?: string;
  readonly version: string;
  readonly websiteUrl?: string;
  readonly repository?: { readonly url: string; readonly source: string; readonly subfolder?: string };
  readonly icons?: readonly Icon[];
  readonly packages?: readonly Package[];
  readonly remotes?: readonly Remote[];
}

// ajv-formats is CommonJS with a default export: its function is `.default` when loaded as ESM.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv) => Ajv;
/**
 * Compiled at the first entry checked, not when the hub loads: compiling the registry's schema is
 * a tenth of the hub's start-up CPU and its code stays in memory, and the catalog is first read
 * minutes after start (or when the user opens it).
 */
let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

/** Whether the schema has been compiled yet (it is, at the first check). */
export function schemaCompiled(): boolean {
  return compiled !== undefined;
}

export type Checked = { readonly ok: true; readonly server: ServerJson } | { readonly ok: false; readonly problem: string };

/** Checks one entry against the registry's schema; the problem is one line naming what is wrong. */
export function checkServerJson(doc: unknown): Checked {
  const validate = validator();
  if (validate(doc)) return { ok: true, server: doc as ServerJson };
  return { ok: false, problem: describeErrors(validate.errors ?? []) };
}

function describeErrors(errors: readonly ErrorObject[]): string {
  // The deepest errors say the most; anyOf/allOf wrappers repeat them.
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'allOf' && e.keyword !== 'oneOf');
  const lines = [...new Set((useful.length ? useful : errors).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`))];
  return `does not fit the server.json schema: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? `; and ${lines.length - 3} more` : ''}`;
}

/** The name an entry goes by when it may not be valid (for reporting a skipped entry). */
export function nameOf(doc: unknown): string {
  const name = (doc as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.length > 0 ? name.slice(0, 200) : '(no name)';
}

export function versionOf(doc: unknown): string | undefined {
  const version = (doc as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? version.slice(0, 255) : undefined;
}
