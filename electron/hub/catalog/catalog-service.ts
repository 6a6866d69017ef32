// The catalog (docs/catalog.md): search the registry, add an entry as a server, and keep track of
// newer versions of the servers added from it (checked at start, then daily). Adding is all or
// nothing: the entry is checked against the schema, its runtime must be installed, every required
// value given, and the secrets reach the keychain before the server exists. Updating keeps the
// server's id, secrets, write mode, rules and settings, and changes only what runs.
// The two functions used, not the whole package: half its memory, held by every idle hub.
import semverGt from 'semver/functions/gt.js';
import semverValid from 'semver/functions/valid.js';
import type { CatalogChoiceInfo, CatalogEntryInfo, CatalogInputInfo, CatalogPlan, CatalogResults, CatalogSecretInfo } from '../contract/api/catalog.ts';
import { ControlError } from '../contract/control-error.ts';
import type { ServerStatus } from '../contract/shapes.ts';
import { describeLaunch } from '../server-registry/describe-launch.ts';
import type { ServerManager } from '../server-registry/server-manager.ts';
import { OFFLINE_SNAPSHOT_SOURCE, type ServerDefinition, type Settings } from '../settings/schema.ts';
import { CatalogSource, type Entry, type Origin } from './catalog-source.ts';
import { fetchIcon, iconSource } from './entry-icon.ts';
import { choicesOf, inputsOf, mapEntry, MappingError, pickChoice, plainValues, secretValue, suggestedId, type Choice, type InputSpec, type MappedEntry } from './map-entry.ts';
import { findOnPath, runtimeMissingMessage, serverSearchPath } from './runtime-check.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The first check waits a little, so the hub's start is not slowed by it. */
const FIRST_CHECK_DELAY_MS = 5_000;
const RUNTIME_CACHE_MS = 60_000;

export interface CatalogServiceDeps {
  readonly settings: { get(): Settings };
  readonly servers: Pick<ServerManager, 'supervisors' | 'get' | 'add' | 'redefine'>;
  readonly serverStatus: (id: string) => Promise<ServerStatus>;
  /** A server's update information changed. */
  readonly changed: (serverId: string) => void;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Where a runtime command is installed (the login PATH), or undefined. */
  readonly findRuntime?: (command: string) => Promise<string | undefined>;
  readonly report?: (what: string, error: unknown) => void;
}

export class CatalogService {
  readonly #deps: CatalogServiceDeps;
  readonly #source: CatalogSource;
  /** The newer version of each server's entry, by server id (from the last check). */
  readonly #updates = new Map<string, string>();
  /** Entries seen lately, for their icons: by `name@version`. */
  readonly #seen = new Map<string, Entry>();
  readonly #icons = new Map<string, Promise<string | undefined>>();
  readonly #runtimes = new Map<string, { at: number; found: boolean }>();
  #checkedAt: string | undefined;
  #problems: string[] = [];
  #timers: NodeJS.Timeout[] = [];
  #checking: Promise<void> | undefined;

  constructor(deps: CatalogServiceDeps) {
    this.#deps = deps;
    this.#source = new CatalogSource({ registryUrl: () => deps.settings.get().registryUrl, fetch: deps.fetch, timeoutMs: deps.timeoutMs });
  }

  /** Checks for updates soon after start, then once a day. */
  start(): void {
    const first = setTimeout(() => void this.check(), FIRST_CHECK_DELAY_MS);
    const daily = setInterval(() => void this.check(), DAY_MS);
    first.unref();
    daily.unref();
    this.#timers = [first, daily];
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
  }

  /** The newer version the registry has for this server, if the last check found one. */
  updateFor(id: string): string | undefined {
    return this.#updates.get(id);
  }

  async search(query: string | undefined, cursor: string | undefined): Promise<CatalogResults['catalog.search']> {
    const page = await this.#source.search(query, cursor);
    const entries = await Promise.all(page.entries.map((entry) => this.#entryInfo(entry)));
    return { ...origin(page), entries, nextCursor: page.nextCursor, skipped: [...page.skipped] };
  }

  async show(name: string, version: string | undefined, choice: string | undefined): Promise<CatalogResults['catalog.show']> {
    const found = await this.#entry(name, version);
    if (!found.entry) throw new ControlError('invalid-params', `${name}${version ? ` ${version}` : ''} cannot be used: ${found.problem ?? 'it is not a valid server.json'}`);
    const entry = found.entry;
    const info = await this.#entryInfo(entry);
    try {
      const picked = pickChoice(entry.server, choice, (c) => this.#usableNow(c, info.choices));
      return { ...origin(found), entry: info, plan: this.#plan(entry, picked) };
    } catch (error) {
      if (error instanceof MappingError) return { ...origin(found), entry: info, problem: error.message };
      throw error;
    }
  }

  async add(params: { name: string; version?: string; id?: string; choice?: string; inputs?: Record<string, string>; secrets?: Record<string, string> }): Promise<CatalogResults['catalog.add']> {
    const found = await this.#entry(params.name, params.version);
    if (!found.entry) throw new ControlError('invalid-params', `${params.name}${params.version ? ` ${params.version}` : ''} cannot be added: ${found.problem ?? 'it is not a valid server.json'}; nothing was added`);
    const { server } = found.entry;
    const taken = (id: string) => this.#deps.servers.get(id) !== undefined;
    if (params.id && taken(params.id)) throw new ControlError('conflict', `a server "${params.id}" already exists; choose another with --id; nothing was added`);
    const available = await this.#availability(choicesOf(server));
    const given = params.secrets ?? {};
    const mapped = this.#map(() =>
      mapEntry(server, {
        id: params.id ?? suggestedId(server, taken),
        registry: found.entry!.registry,
        choice: params.choice,
        inputs: params.inputs,
        secretsGiven: Object.keys(given),
        usable: (c) => available.get(c.runtime ?? '') !== false,
      }),
    );
    await this.#requireRuntime(server.name, mapped.choice);
    const secretValues = this.#secretValues(mapped, given, params.inputs);
    const supervisor = await this.#deps.servers.add(mapped.definition, secretValues);
    return {
      server: await this.#deps.serverStatus(supervisor.id),
      secretsToSet: mapped.secrets.filter((s) => given[s.key] === undefined).map(secretInfo),
      optionalSecrets: mapped.optionalSecrets.map(secretInfo),
      notes: [...mapped.notes],
    };
  }

  /** The servers whose entry has a newer version; `check` asks the registry now. */
  async updates(check: boolean): Promise<CatalogResults['catalog.updates']> {
    if (check || this.#checkedAt === undefined) await this.check();
    const updates = this.#deps.servers
      .supervisors()
      .filter((s) => s.def.source && this.#updates.has(s.id))
      .map((s) => ({ id: s.id, name: s.def.name, entry: s.def.source!.name, installed: s.def.source!.version, latest: this.#updates.get(s.id)! }));
    return { checkedAt: this.#checkedAt, updates, problems: [...this.#problems] };
  }

  /** Asks each added server's registry for the latest version of its entry (one check at a time). */
  check(): Promise<void> {
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async update(id: string): Promise<CatalogResults['catalog.update']> {
    const supervisor = this.#deps.servers.get(id);
    if (!supervisor) throw new ControlError('not-found', `no server "${id}"; see: mcp-tray servers list`);
    const before = supervisor.def;
    const source = before.source;
    if (!source) throw new ControlError('invalid-params', `server "${id}" was not added from the catalog, so it has no registry entry to update from`);
    const latest = await this.#latest(source.registry, source.name);
    if (!latest.entry) throw new ControlError('unavailable', `cannot update "${id}": ${latest.problem}`);
    const { server } = latest.entry;
    if (!isNewer(server.version, source.version)) throw new ControlError('invalid-params', `"${id}" is already at the latest version of ${source.name} (${source.version})`);
    const declared = before.kind === 'http' ? before.secretHeaders : before.secretEnv;
    const mapped = this.#map(() => mapEntry(server, { id, registry: source.registry, choice: source.pick, inputs: source.inputs, secretsGiven: declared }), `cannot update "${id}"`);
    await this.#requireRuntime(server.name, mapped.choice, `"${id}" was not updated`);
    const next = keepSettings(before, mapped.definition);
    await this.#deps.servers.redefine(id, next);
    this.#updates.delete(id);
    this.#deps.changed(id);
    const status = await this.#deps.serverStatus(id);
    const missing = new Set(status.secrets.filter((s) => !s.set).map((s) => s.name));
    return { server: status, from: source.version, to: server.version, secretsToSet: mapped.secrets.filter((s) => missing.has(s.key)).map(secretInfo) };
  }

  async icon(name: string, version: string): Promise<CatalogResults['catalog.icon']> {
    const entry = this.#seen.get(`${name}@${version}`);
    const src = entry ? iconSource(entry.server) : undefined;
    if (!src) return {};
    let pending = this.#icons.get(src);
    if (!pending) {
      pending = fetchIcon(src, this.#deps.fetch).catch(() => undefined);
      this.#icons.set(src, pending);
    }
    const dataUrl = await pending;
    return dataUrl ? { dataUrl } : {};
  }

  async #check(): Promise<void> {
    const problems: string[] = [];
    const found = new Map<string, string>();
    for (const supervisor of this.#deps.servers.supervisors()) {
      const source = supervisor.def.source;
      if (!source) continue;
      try {
        const latest = await this.#latest(source.registry, source.name);
        if (!latest.entry) problems.push(`${supervisor.id}: ${latest.problem}`);
        else if (isNewer(latest.entry.server.version, source.version)) found.set(supervisor.id, latest.entry.server.version);
      } catch (error) {
        problems.push(`${supervisor.id}: ${(error as Error).message}`);
      }
    }
    const changed = new Set([...this.#updates.keys(), ...found.keys()].filter((id) => this.#updates.get(id) !== found.get(id)));
    this.#updates.clear();
    for (const [id, version] of found) this.#updates.set(id, version);
    this.#checkedAt = new Date().toISOString();
    this.#problems = problems;
    for (const id of changed) this.#deps.changed(id);
  }

  /** The latest version of an entry from the registry a server came from (no snapshot stand-in for a registry). */
  async #latest(registry: string, name: string): Promise<{ entry?: Entry; problem?: string }> {
    const found = await this.#source.entry(name, 'latest', registry);
    if (!found) return { problem: `${registry} no longer lists ${name}` };
    if (found.source === 'offline' && registry !== OFFLINE_SNAPSHOT_SOURCE) return { problem: found.offlineReason ?? `${registry} cannot be reached` };
    if (!found.entry) return { problem: found.problem ? `the latest ${name} is skipped: ${found.problem}` : `the offline snapshot no longer lists ${name}` };
    return { entry: found.entry };
  }

  async #entry(name: string, version: string | undefined): Promise<Origin & { entry?: Entry; problem?: string }> {
    const found = await this.#source.entry(name, version ?? 'latest');
    const what = `${name}${version ? ` version ${version}` : ''}`;
    if (!found) throw new ControlError('not-found', `${this.#source.registryUrl} has no server ${what}; search with: mcp-tray catalog search`);
    if (found.source === 'offline' && !found.entry) {
      throw new ControlError('unavailable', `${what} is not in the offline snapshot, and the registry cannot be used now (${found.offlineReason}); try again later`);
    }
    if (found.entry) this.#remember(found.entry);
    return found;
  }

  #remember(entry: Entry): void {
    this.#seen.set(`${entry.server.name}@${entry.server.version}`, entry);
    if (this.#seen.size > 500) this.#seen.delete(this.#seen.keys().next().value!);
  }

  async #entryInfo(entry: Entry): Promise<CatalogEntryInfo> {
    this.#remember(entry);
    const { server } = entry;
    const choices = choicesOf(server);
    const available = await this.#availability(choices);
    const choiceInfos: CatalogChoiceInfo[] = choices.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      ...(c.runtime ? { runtime: c.runtime } : {}),
      ...(c.unsupported ? { unsupported: c.unsupported } : {}),
      ...(c.runtime && available.get(c.runtime) === false ? { runtimeMissing: true } : {}),
    }));
    const usable = choices.filter((c) => !c.unsupported);
    return {
      name: server.name,
      title: server.title,
      description: server.description,
      version: server.version,
      websiteUrl: server.websiteUrl,
      repositoryUrl: server.repository?.url,
      hasIcon: iconSource(server) !== undefined,
      transports: [...new Set(usable.map((c) => (c.kind === 'remote' ? 'streamable-http' : 'stdio')))],
      choices: choiceInfos,
      status: entry.status,
      added: this.#deps.servers
        .supervisors()
        .filter((s) => s.def.source?.name === server.name)
        .map((s) => s.id),
    };
  }

  #plan(entry: Entry, choice: Choice): CatalogPlan {
    const inputs = inputsOf(entry.server, choice);
    // The launch line with a placeholder for each value the user still has to give.
    const placeholders = Object.fromEntries(inputs.filter((i) => !i.secret && i.required && i.default === undefined).map((i) => [i.key, `<${i.key}>`]));
    let launch = '';
    const notes: string[] = [];
    try {
      const mapped = mapEntry(entry.server, { id: suggestedId(entry.server), registry: entry.registry, choice: choice.id, inputs: placeholders });
      launch = describeLaunch(mapped.definition);
      notes.push(...mapped.notes);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      notes.push(error.message);
    }
    return {
      choice: choice.id,
      kind: choice.kind === 'remote' ? 'http' : 'stdio',
      suggestedId: suggestedId(entry.server, (id) => this.#deps.servers.get(id) !== undefined),
      launch,
      ...(choice.runtime ? { runtime: choice.runtime } : {}),
      inputs: inputs.map(inputInfo),
      notes,
    };
  }

  #map(make: () => MappedEntry, prefix?: string): MappedEntry {
    try {
      return make();
    } catch (error) {
      if (error instanceof MappingError) throw new ControlError('invalid-params', `${prefix ? `${prefix}: ` : ''}${error.message}; nothing was ${prefix ? 'changed' : 'added'}`);
      throw error;
    }
  }

  /** The keychain values of the given secrets; a name the entry does not declare is refused. */
  #secretValues(mapped: MappedEntry, given: Record<string, string>, inputs: Record<string, string> | undefined): Record<string, string> {
    const values: Record<string, string> = {};
    const plain = plainValues(mapped.inputs, inputs);
    for (const [name, answer] of Object.entries(given)) {
      const spec = mapped.secrets.find((s) => s.key === name);
      if (!spec) {
        const names = [...mapped.secrets, ...mapped.optionalSecrets].map((s) => s.key);
        throw new ControlError('invalid-params', `this entry has no secret named ${name}${names.length ? `; its secrets: ${names.join(', ')}` : ''}; nothing was added`);
      }
      values[name] = secretValue(spec, answer, plain);
    }
    return values;
  }

  async #requireRuntime(serverName: string, choice: Choice, what?: string): Promise<void> {
    if (!choice.runtime) return;
    if ((await this.#availability([choice])).get(choice.runtime) === false) {
      const message = runtimeMissingMessage(serverName, choice.runtime);
      throw new ControlError('unavailable', what ? message.replace('then add it again. Nothing was added', `then update again; ${what}`) : message);
    }
  }

  /** Whether each runtime of these choices is installed (cached for a minute). */
  async #availability(choices: readonly Choice[]): Promise<Map<string, boolean>> {
    const result = new Map<string, boolean>();
    const now = Date.now();
    for (const runtime of new Set(choices.map((c) => c.runtime).filter((r): r is NonNullable<typeof r> => r !== undefined))) {
      const cached = this.#runtimes.get(runtime);
      if (cached && now - cached.at < RUNTIME_CACHE_MS) {
        result.set(runtime, cached.found);
        continue;
      }
      const found = (await (this.#deps.findRuntime ?? defaultFindRuntime)(runtime)) !== undefined;
      this.#runtimes.set(runtime, { at: now, found });
      result.set(runtime, found);
    }
    return result;
  }

  #usableNow(choice: Choice, infos: readonly CatalogChoiceInfo[]): boolean {
    return !infos.some((i) => i.id === choice.id && i.runtimeMissing);
  }
}

async function defaultFindRuntime(command: string): Promise<string | undefined> {
  return findOnPath(command, await serverSearchPath());
}

/** Whether `candidate` is a newer version than `installed` (semver when both are; else any difference). */
export function isNewer(candidate: string, installed: string): boolean {
  const a = semverValid(candidate, { loose: true });
  const b = semverValid(installed, { loose: true });
  if (a && b) return semverGt(a, b);
  return candidate !== installed;
}

/** The new definition of an updated server: what runs comes from the new version, everything the user chose stays. */
export function keepSettings(before: ServerDefinition, mapped: ServerDefinition): ServerDefinition {
  const kept = {
    id: before.id,
    name: before.name,
    enabled: before.enabled,
    writeMode: before.writeMode,
    startup: before.startup,
    toolOverrides: before.toolOverrides,
    roots: before.roots,
    source: mapped.source,
  };
  if (before.kind === 'stdio' && mapped.kind === 'stdio') {
    return { ...before, ...kept, command: mapped.command, args: mapped.args, env: { ...before.env, ...mapped.env }, secretEnv: union(before.secretEnv, mapped.secretEnv) };
  }
  if (before.kind === 'http' && mapped.kind === 'http') {
    return { ...before, ...kept, url: mapped.url, headers: { ...before.headers, ...mapped.headers }, secretHeaders: union(before.secretHeaders, mapped.secretHeaders) };
  }
  return { ...mapped, ...kept };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function origin(o: Origin): Origin {
  return { source: o.source, registryUrl: o.registryUrl, ...(o.offlineReason ? { offlineReason: o.offlineReason } : {}), ...(o.snapshotTakenAt ? { snapshotTakenAt: o.snapshotTakenAt } : {}) };
}

function inputInfo(spec: InputSpec): CatalogInputInfo {
  return { ...spec };
}

function secretInfo(spec: InputSpec): CatalogSecretInfo {
  return { name: spec.key, kind: spec.kind === 'header' ? 'header' : 'env', ...(spec.description ? { description: spec.description } : {}), ...(spec.template ? { template: spec.template } : {}) };
}
