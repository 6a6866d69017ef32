// From a registry entry (server.json) to a server definition: which of its packages or remotes can
// run here, what the user must fill in, and the exact command line or URL. Pure: the runtime check,
// the keychain and the settings are the caller's. Versions are always pinned (name@version,
// name==version, image:tag), and secrets never reach a command line: they become environment
// variables or headers whose values live in the keychain.
import type { CatalogSource, HttpServerDefinition, StdioServerDefinition } from '../settings/schema.ts';
import type { Argument, Input, InputWithVariables, KeyValueInput, Package, Remote, ServerJson } from './server-json.ts';
import type { CatalogInputInfo } from '../contract/api/catalog.ts';

export type RuntimeCommand = 'npx' | 'uvx' | 'docker' | 'podman' | 'dnx';

/** What runs a package of each registry type; the first is used unless `runtimeHint` names another. */
const RUNNERS: Record<string, readonly RuntimeCommand[]> = { npm: ['npx'], pypi: ['uvx'], oci: ['docker', 'podman'], nuget: ['dnx'] };

export class MappingError extends Error {
  override readonly name = 'MappingError';
}

/** One way to run an entry: a package or a remote, and whether MCP Tray can use it. */
export interface Choice {
  /** `package:<type>:<identifier without tag>` or `remote:<url template>`, stable across versions. */
  readonly id: string;
  readonly kind: 'package' | 'remote';
  /** "npm @scope/name", "Streamable HTTP https://…". */
  readonly label: string;
  readonly runtime?: RuntimeCommand;
  /** Why MCP Tray cannot use it (an SSE remote, an MCPB bundle, a package that serves HTTP itself). */
  readonly unsupported?: string;
}

/** A value the user gives when adding: plain ones go into the definition, secret ones into the keychain (its shape is the control API's). */
export type InputSpec = CatalogInputInfo;

export interface MapOptions {
  readonly id: string;
  /** The registry URL, or "offline-snapshot". */
  readonly registry: string;
  /** A choice id; else the first usable one (`usable` says which can run here). */
  readonly choice?: string;
  /** Plain values by key (see InputSpec.key). */
  readonly inputs?: Readonly<Record<string, string>>;
  /** Keys of the secrets the user gives now; optional secrets not given are left out of the definition. */
  readonly secretsGiven?: readonly string[];
  /** Which choices can run here (their runtime is installed); default: all supported ones. */
  readonly usable?: (choice: Choice) => boolean;
}

export interface MappedEntry {
  readonly choice: Choice;
  readonly definition: StdioServerDefinition | HttpServerDefinition;
  /** Every input this choice has (plain and secret). */
  readonly inputs: readonly InputSpec[];
  /** The secrets the definition declares (their values go to the keychain). */
  readonly secrets: readonly InputSpec[];
  /** Optional secrets left out because no value was given. */
  readonly optionalSecrets: readonly InputSpec[];
  readonly notes: readonly string[];
}

export function choicesOf(server: ServerJson): Choice[] {
  const packages = (server.packages ?? []).map((pkg) => packageChoice(pkg));
  const remotes = (server.remotes ?? []).map((remote) => remoteChoice(remote));
  return [...packages, ...remotes];
}

function packageChoice(pkg: Package): Choice {
  const id = `package:${pkg.registryType}:${pkg.registryType === 'oci' ? imageName(pkg.identifier) : pkg.identifier}`;
  const label = `${pkg.registryType} ${pkg.identifier}`;
  const runners = RUNNERS[pkg.registryType];
  if (!runners) {
    const why = pkg.registryType === 'mcpb' ? 'MCPB bundles are not supported yet' : `packages from "${pkg.registryType}" are not supported (npm, pypi, oci and nuget are)`;
    return { id, kind: 'package', label, unsupported: why };
  }
  if (pkg.transport.type !== 'stdio') return { id, kind: 'package', label, unsupported: `this package serves ${pkg.transport.type} itself; MCP Tray runs packages over stdio` };
  if (pkg.registryType !== 'oci' && !pkg.version) return { id, kind: 'package', label, unsupported: 'the package names no version to pin' };
  return { id, kind: 'package', label, runtime: runnerOf(pkg) };
}

function remoteChoice(remote: Remote): Choice {
  const id = `remote:${remote.url}`;
  if (remote.type !== 'streamable-http') return { id, kind: 'remote', label: `SSE ${remote.url}`, unsupported: 'SSE remotes are not supported; MCP Tray connects over Streamable HTTP' };
  return { id, kind: 'remote', label: `Streamable HTTP ${remote.url}` };
}

function runnerOf(pkg: Package): RuntimeCommand {
  const runners = RUNNERS[pkg.registryType]!;
  return runners.find((r) => r === pkg.runtimeHint) ?? runners[0]!;
}

/** Picks a choice: the one asked for, else the first supported one that can run here. */
export function pickChoice(server: ServerJson, wanted: string | undefined, usable: (choice: Choice) => boolean = () => true): Choice {
  const choices = choicesOf(server);
  if (choices.length === 0) throw new MappingError(`${server.name} lists no package and no remote to run`);
  if (wanted) {
    const choice = choices.find((c) => c.id === wanted);
    if (!choice) throw new MappingError(`${server.name} ${server.version} no longer offers ${wanted}; it offers: ${choices.map((c) => c.label).join(', ')}`);
    if (choice.unsupported) throw new MappingError(`${server.name}: ${choice.label}: ${choice.unsupported}`);
    return choice;
  }
  const supported = choices.filter((c) => !c.unsupported);
  if (supported.length === 0) throw new MappingError(`${server.name} cannot be added: ${choices.map((c) => `${c.label}: ${c.unsupported}`).join('; ')}`);
  return supported.find(usable) ?? supported[0]!;
}

/** The inputs of one choice, plain and secret, in the order the entry lists them. */
export function inputsOf(server: ServerJson, choice: Choice): InputSpec[] {
  const specs: InputSpec[] = [];
  const add = (spec: InputSpec) => {
    if (!specs.some((s) => s.key === spec.key && s.kind === spec.kind)) specs.push(spec);
  };
  if (choice.kind === 'remote') {
    const remote = remoteOf(server, choice);
    for (const [name, variable] of Object.entries(remote.variables ?? {})) add(plainSpec(name, 'variable', variable));
    for (const header of remote.headers ?? []) for (const spec of keyValueSpecs(header, 'header')) add(spec);
    return specs;
  }
  const pkg = packageOf(server, choice);
  const { env, runtimeArgs } = splitDockerEnv(pkg);
  for (const variable of env) for (const spec of keyValueSpecs(variable, 'env')) add(spec);
  for (const arg of [...runtimeArgs, ...(pkg.packageArguments ?? [])]) for (const spec of argumentSpecs(arg)) add(spec);
  return specs;
}

/** Maps an entry to a definition; throws a MappingError naming what is missing or cannot run. */
export function mapEntry(server: ServerJson, options: MapOptions): MappedEntry {
  const choice = pickChoice(server, options.choice, options.usable);
  const inputs = inputsOf(server, choice);
  const given = options.inputs ?? {};
  const secretsGiven = new Set(options.secretsGiven ?? []);
  const missing = inputs.filter((i) => !i.secret && i.required && i.default === undefined && !given[i.key]);
  if (missing.length > 0) {
    throw new MappingError(
      `${server.name} needs ${missing.map((i) => `${i.key}${i.description ? ` (${i.description})` : ''}`).join(', ')}; give ${missing.length > 1 ? 'them' : 'it'} with --input ${missing[0]!.key}=VALUE`,
    );
  }
  const unknown = Object.keys(given).filter((key) => !inputs.some((i) => i.key === key && !i.secret));
  if (unknown.length > 0) {
    const plain = inputs.filter((i) => !i.secret).map((i) => i.key);
    throw new MappingError(`${server.name} has no input named ${unknown.join(', ')}${plain.length ? `; its inputs: ${plain.join(', ')}` : ''}`);
  }
  const secrets = inputs.filter((i) => i.secret && (i.kind === 'env' || i.kind === 'header'));
  const declared = secrets.filter((s) => s.required || secretsGiven.has(s.key));
  const optionalSecrets = secrets.filter((s) => !declared.includes(s));
  const source: CatalogSource = { registry: options.registry, name: server.name, version: server.version, pick: choice.id, ...(Object.keys(given).length ? { inputs: { ...given } } : {}) };
  const common = {
    id: options.id,
    name: displayName(server),
    enabled: true,
    writeMode: 'off' as const,
    startup: 'eager' as const,
    toolOverrides: {},
    source,
  };
  const notes: string[] = [];
  const values = (input: InputWithVariables, key: string) => resolve(input, key, given);
  if (choice.kind === 'remote') {
    const remote = remoteOf(server, choice);
    const url = fill(remote.url, Object.fromEntries(Object.entries(remote.variables ?? {}).map(([name, v]) => [name, given[name] ?? v.value ?? v.default])));
    if (/[{}]/.test(url) || !/^https?:\/\/[^\s]+$/.test(url)) throw new MappingError(`${server.name}: its URL ${url} is not a complete http(s) URL`);
    const headers: Record<string, string> = {};
    for (const header of remote.headers ?? []) {
      if (isSecretInput(header)) continue;
      const value = values(header, header.name);
      if (value !== undefined) headers[header.name] = value;
    }
    return {
      choice,
      definition: { ...common, kind: 'http', url, headers, secretEnv: [], secretHeaders: declared.map((s) => s.key) },
      inputs,
      secrets: declared,
      optionalSecrets,
      notes,
    };
  }
  const pkg = packageOf(server, choice);
  const runtime = choice.runtime!;
  if (pkg.runtimeHint && pkg.runtimeHint !== runtime) notes.push(`its runtime hint "${pkg.runtimeHint}" is not one MCP Tray runs; it runs with ${runtime}`);
  const { env: envInputs, runtimeArgs } = splitDockerEnv(pkg);
  const env: Record<string, string> = {};
  const passed: string[] = [];
  for (const variable of envInputs) {
    if (isSecretInput(variable)) {
      if (declared.some((s) => s.key === variable.name)) passed.push(variable.name);
      continue;
    }
    const value = values(variable, variable.name);
    if (value !== undefined) {
      env[variable.name] = value;
      passed.push(variable.name);
    }
  }
  const runtimeArgv = renderArguments(runtimeArgs, given, server.name);
  const packageArgv = renderArguments(pkg.packageArguments ?? [], given, server.name);
  const { command, args } = commandLine(pkg, runtime, runtimeArgv, packageArgv, passed);
  return {
    choice,
    definition: { ...common, kind: 'stdio', command, args, env, secretEnv: declared.map((s) => s.key) },
    inputs,
    secrets: declared,
    optionalSecrets,
    notes,
  };
}

/** The command line of a package, its version pinned. */
function commandLine(pkg: Package, runtime: RuntimeCommand, runtimeArgs: string[], packageArgs: string[], envNames: string[]): { command: string; args: string[] } {
  switch (pkg.registryType) {
    case 'npm':
      return { command: runtime, args: ['-y', ...runtimeArgs, `${pkg.identifier}@${pkg.version}`, ...packageArgs] };
    case 'pypi':
      return { command: runtime, args: [...runtimeArgs, `${pkg.identifier}==${pkg.version}`, ...packageArgs] };
    case 'nuget':
      return { command: runtime, args: [...runtimeArgs, `${pkg.identifier}@${pkg.version}`, '--yes', ...(packageArgs.length ? ['--', ...packageArgs] : [])] };
    case 'oci': {
      // The container sees only what is passed: each variable by name, its value from our environment.
      const env = envNames.flatMap((name) => ['-e', name]);
      return { command: runtime, args: ['run', '-i', '--rm', ...env, ...runtimeArgs, imageReference(pkg), ...packageArgs] };
    }
    default:
      throw new MappingError(`packages from "${pkg.registryType}" are not supported`);
  }
}

/** `image:tag` (or a digest): the identifier carries it since 2025-10; older entries give `version`. */
function imageReference(pkg: Package): string {
  if (hasTagOrDigest(pkg.identifier)) return pkg.identifier;
  if (!pkg.version) throw new MappingError(`the image ${pkg.identifier} names no tag or digest to pin`);
  return `${pkg.identifier}:${pkg.version}`;
}

function hasTagOrDigest(image: string): boolean {
  if (image.includes('@')) return true;
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.includes(':');
}

/** The image without its tag or digest: the same choice across versions. */
function imageName(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/**
 * Docker takes environment variables as `-e NAME=value` arguments; an entry that declares them so
 * (often with a secret inside) gets them as environment variables instead, so no value is ever on
 * the command line: the container is given `-e NAME` and reads the value from MCP Tray's.
 */
function splitDockerEnv(pkg: Package): { env: KeyValueInput[]; runtimeArgs: Argument[] } {
  const env = [...(pkg.environmentVariables ?? [])];
  const runtimeArgs: Argument[] = [];
  for (const arg of pkg.runtimeArguments ?? []) {
    const assignment = pkg.registryType === 'oci' && arg.type === 'named' && (arg.name === '-e' || arg.name === '--env') ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg.value ?? '') : null;
    if (assignment) env.push({ ...arg, name: assignment[1]!, value: assignment[2]!, isRequired: arg.isRequired });
    else runtimeArgs.push(arg);
  }
  return { env, runtimeArgs };
}

function renderArguments(args: readonly Argument[], given: Readonly<Record<string, string>>, serverName: string): string[] {
  const argv: string[] = [];
  for (const arg of args) {
    if (isSecretInput(arg)) throw new MappingError(`${serverName} takes a secret as a command-line argument (${argumentKey(arg)}), where other programs can read it; MCP Tray does not add such servers`);
    const value = resolve(arg, argumentKey(arg), given);
    if (arg.type === 'named') {
      if (value === undefined) continue;
      // A boolean flag is the flag alone when true; false leaves it out.
      if (arg.format === 'boolean') {
        if (value === 'true') argv.push(arg.name);
        continue;
      }
      argv.push(arg.name, value);
    } else if (value !== undefined) {
      argv.push(value);
    }
  }
  return argv;
}

/**
 * The value of an input: its fixed `value` with its variables filled in, else what the user gave,
 * else its default. Undefined when an optional input (or an optional variable inside it) has none.
 */
function resolve(input: InputWithVariables, key: string, given: Readonly<Record<string, string>>): string | undefined {
  if (input.value !== undefined) {
    const vars: Record<string, string | undefined> = {};
    for (const name of placeholders(input.value)) {
      const variable = input.variables?.[name];
      if (!variable) continue;
      const value = given[name] ?? variable.value ?? variable.default;
      if (value === undefined) return undefined;
      vars[name] = value;
    }
    return fill(input.value, vars);
  }
  return given[key] ?? input.default;
}

function keyValueSpecs(input: KeyValueInput, kind: 'env' | 'header'): InputSpec[] {
  const secretVariables = Object.entries(input.variables ?? {}).filter(([name, v]) => v.isSecret && input.value?.includes(`{${name}}`));
  if (input.isSecret || secretVariables.length > 0) {
    // The whole value is a secret; with one secret variable in a template ("Bearer {api_key}",
    // declared or not), the user gives only that.
    const undeclared = placeholders(input.value ?? '').filter((name) => !input.variables?.[name]);
    const variable = secretVariables.length === 1 ? secretVariables[0]![0] : secretVariables.length === 0 && undeclared.length === 1 ? undeclared[0] : undefined;
    const plainVariables = Object.entries(input.variables ?? {}).filter(([name]) => name !== variable);
    const template = variable !== undefined && input.value !== undefined ? input.value : undefined;
    return [
      {
        key: input.name,
        kind,
        description: input.description ?? (variable ? input.variables?.[variable]?.description : undefined),
        required: input.isRequired === true || (variable !== undefined && input.variables?.[variable]?.isRequired === true),
        secret: true,
        ...(template ? { template, variable } : {}),
      },
      ...plainVariables.map(([name, v]) => plainSpec(name, 'variable', v)),
    ];
  }
  if (input.value !== undefined) return variableSpecs(input);
  return [plainSpec(input.name, kind, input)];
}

function argumentSpecs(arg: Argument): InputSpec[] {
  if (arg.value !== undefined) return variableSpecs(arg);
  return [plainSpec(argumentKey(arg), 'argument', arg)];
}

/** The variables a fixed value asks for (a value without variables asks for nothing). */
function variableSpecs(input: InputWithVariables): InputSpec[] {
  return placeholders(input.value ?? '')
    .filter((name) => input.variables?.[name])
    .map((name) => plainSpec(name, 'variable', input.variables![name]!));
}

function plainSpec(key: string, kind: InputSpec['kind'], input: Input): InputSpec {
  return {
    key,
    kind,
    description: input.description,
    required: input.isRequired === true,
    secret: input.isSecret === true,
    ...(input.value !== undefined ? { default: input.value } : input.default !== undefined ? { default: input.default } : {}),
    ...(input.choices?.length ? { choices: input.choices } : {}),
    ...(input.format ? { format: input.format } : {}),
    ...(input.placeholder ? { placeholder: input.placeholder } : {}),
  };
}

function isSecretInput(input: InputWithVariables): boolean {
  return input.isSecret === true || Object.entries(input.variables ?? {}).some(([name, v]) => v.isSecret && (input.value ?? '').includes(`{${name}}`));
}

function argumentKey(arg: Argument): string {
  return arg.type === 'named' ? arg.name.replace(/^-+/, '') : (arg.valueHint ?? 'argument');
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
}

/** Replaces `{name}` with its value; a name without a value stays as it is (the schema's rule). */
export function fill(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => vars[name] ?? whole);
}

function packageOf(server: ServerJson, choice: Choice): Package {
  const pkg = (server.packages ?? []).find((p) => packageChoice(p).id === choice.id && !packageChoice(p).unsupported);
  if (!pkg) throw new MappingError(`${server.name} has no package ${choice.id}`);
  return pkg;
}

function remoteOf(server: ServerJson, choice: Choice): Remote {
  const remote = (server.remotes ?? []).find((r) => remoteChoice(r).id === choice.id);
  if (!remote) throw new MappingError(`${server.name} has no remote ${choice.id}`);
  return remote;
}

/** The name shown in the UI: the entry's title, else the part after the slash. */
export function displayName(server: ServerJson): string {
  return (server.title ?? server.name.slice(server.name.indexOf('/') + 1)).slice(0, 80);
}

/** A server id for an entry: its short name without "server"/"mcp" noise, else the namespace's last label. */
export function suggestedId(server: ServerJson, taken: (id: string) => boolean = () => false): string {
  const [namespace = '', short = ''] = server.name.toLowerCase().split('/');
  let base = short
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/(^|-)(mcp|server)(?=-|$)/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!base) base = (namespace.split('.').filter((p) => p !== 'com' && p !== 'io' && p !== 'github' && p !== 'ai').pop() ?? 'server').replace(/[^a-z0-9-]+/g, '-');
  base = base.slice(0, 24).replace(/-$/, '') || 'server';
  if (!/^[a-z0-9]/.test(base)) base = `s${base}`.slice(0, 24);
  if (!taken(base)) return base;
  for (let n = 2; n < 100; n++) {
    const candidate = `${base.slice(0, 24 - String(n).length - 1)}-${n}`;
    if (!taken(candidate)) return candidate;
  }
  return base;
}

/**
 * The stored secret value: the user's answer, put into its template when it has one (with the plain
 * variables of that template filled from `plain`).
 */
export function secretValue(spec: InputSpec, answer: string, plain: Readonly<Record<string, string | undefined>> = {}): string {
  return spec.template && spec.variable ? fill(spec.template, { ...plain, [spec.variable]: answer }) : answer;
}

/** The plain values to fill templates with: what the user gave, else each input's default. */
export function plainValues(inputs: readonly InputSpec[], given: Readonly<Record<string, string>> = {}): Record<string, string | undefined> {
  return Object.fromEntries(inputs.filter((i) => !i.secret).map((i) => [i.key, given[i.key] ?? i.default]));
}
