// Where catalog entries come from: the registry named in settings, or, when it cannot be reached, the
// bundled offline snapshot (labeled as such). After a failure the registry is left alone for a
// while, so typing in the search box never waits on a registry that is down; each answer says
// which source it came from. Every entry is checked against the server.json schema here: those that
// do not fit are skipped and reported, never passed on.
import { OFFLINE_SNAPSHOT_SOURCE } from '../settings/schema.ts';
import { checkServerJson, nameOf, versionOf, type ServerJson } from './server-json.ts';
import { PAGE_LIMIT, RegistryClient, RegistryUnreachableError, type RegistryRecord } from './registry-client.ts';
import snapshot from './offline-snapshot.json' with { type: 'json' };

/** How long the registry is left alone after it could not be reached. */
export const RETRY_AFTER_MS = 60_000;
const OFFLINE_CURSOR = 'offline:';

export interface Origin {
  readonly source: 'registry' | 'offline';
  readonly registryUrl: string;
  readonly offlineReason?: string;
  readonly snapshotTakenAt?: string;
}

export interface Entry {
  readonly server: ServerJson;
  readonly status?: string;
  /** Where it came from: the registry URL, or "offline-snapshot". */
  readonly registry: string;
}

export interface Skipped {
  readonly name: string;
  readonly version?: string;
  readonly problem: string;
}

export interface SearchPage extends Origin {
  readonly entries: readonly Entry[];
  readonly skipped: readonly Skipped[];
  readonly nextCursor?: string;
}

export interface SourceOptions {
  readonly registryUrl: () => string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/** Checks records from a registry: valid entries, and the skipped ones with their problem. */
export function checkRecords(records: readonly RegistryRecord[], registry: string): { entries: Entry[]; skipped: Skipped[] } {
  const entries: Entry[] = [];
  const skipped: Skipped[] = [];
  for (const record of records) {
    if (record.status === 'deleted') continue;
    const checked = checkServerJson(record.server);
    if (checked.ok) entries.push({ server: checked.server, status: record.status, registry });
    else skipped.push({ name: nameOf(record.server), version: versionOf(record.server), problem: checked.problem });
  }
  return { entries, skipped };
}

/** The offline snapshot, checked when first needed (checking compiles the schema: not at start-up). */
let checkedSnapshot: { entries: Entry[]; skipped: Skipped[] } | undefined;
const offlineSnapshot = () => (checkedSnapshot ??= checkRecords(snapshot.servers.map((server) => ({ server })), OFFLINE_SNAPSHOT_SOURCE));

export class CatalogSource {
  readonly #options: SourceOptions;
  /** Until when the registry (by URL) is not asked again, and why. */
  #down: { url: string; until: number; reason: string } | undefined;

  constructor(options: SourceOptions) {
    this.#options = options;
  }

  get registryUrl(): string {
    return this.#options.registryUrl();
  }

  /** A page of entries whose name, title or description contains the query. */
  async search(query: string | undefined, cursor: string | undefined): Promise<SearchPage> {
    const registryUrl = this.registryUrl;
    if (cursor?.startsWith(OFFLINE_CURSOR)) return this.#offline(query, Number(cursor.slice(OFFLINE_CURSOR.length)) || 0, this.#down?.reason ?? 'the registry could not be reached');
    const down = this.#isDown(registryUrl);
    if (down) return this.#offline(query, 0, down);
    try {
      const page = await this.#client(registryUrl).list({ search: query?.trim() || undefined, cursor });
      this.#down = undefined;
      const { entries, skipped } = checkRecords(page.records, registryUrl);
      return { source: 'registry', registryUrl, entries, skipped, nextCursor: page.nextCursor };
    } catch (error) {
      if (!(error instanceof RegistryUnreachableError)) throw error;
      this.#markDown(registryUrl, error.message);
      return this.#offline(query, 0, error.message);
    }
  }

  /**
   * One version of an entry ("latest" when not given) from the registry it is asked of (the
   * current one unless given), or the snapshot's when that registry cannot be reached. The problem
   * says why an entry that exists cannot be used.
   */
  async entry(name: string, version = 'latest', registry = this.registryUrl): Promise<(Origin & { entry?: Entry; problem?: string }) | undefined> {
    if (registry === OFFLINE_SNAPSHOT_SOURCE) return this.#snapshotEntry(name, version, this.registryUrl, 'added from the offline snapshot');
    const down = this.#isDown(registry);
    if (down) return this.#snapshotEntry(name, version, registry, down);
    try {
      const record = await this.#client(registry).version(name, version);
      this.#down = undefined;
      if (!record) return undefined;
      const { entries, skipped } = checkRecords([record], registry);
      return { source: 'registry', registryUrl: registry, entry: entries[0], problem: skipped[0]?.problem ?? (record.status === 'deleted' ? 'the registry marks it deleted' : undefined) };
    } catch (error) {
      if (!(error instanceof RegistryUnreachableError)) throw error;
      this.#markDown(registry, error.message);
      return this.#snapshotEntry(name, version, registry, error.message);
    }
  }

  /** The snapshot's entry; without `entry` when the snapshot does not have it. */
  #snapshotEntry(name: string, version: string, registryUrl: string, reason: string): Origin & { entry?: Entry } {
    const entry = offlineSnapshot().entries.find((e) => e.server.name === name && (version === 'latest' || e.server.version === version));
    return { ...this.#offlineOrigin(registryUrl, reason), ...(entry ? { entry } : {}) };
  }

  #offline(query: string | undefined, offset: number, reason: string): SearchPage {
    const needle = query?.trim().toLowerCase() ?? '';
    const matching = offlineSnapshot().entries.filter((e) => !needle || [e.server.name, e.server.title ?? '', e.server.description].some((text) => text.toLowerCase().includes(needle)));
    const entries = matching.slice(offset, offset + PAGE_LIMIT);
    const next = offset + PAGE_LIMIT < matching.length ? `${OFFLINE_CURSOR}${offset + PAGE_LIMIT}` : undefined;
    return { ...this.#offlineOrigin(this.registryUrl, reason), entries, skipped: offset === 0 ? offlineSnapshot().skipped : [], nextCursor: next };
  }

  #offlineOrigin(registryUrl: string, reason: string): Origin {
    return { source: 'offline', registryUrl, offlineReason: reason, snapshotTakenAt: snapshot.takenAt };
  }

  #isDown(url: string): string | undefined {
    const now = (this.#options.now ?? Date.now)();
    return this.#down && this.#down.url === url && this.#down.until > now ? this.#down.reason : undefined;
  }

  #markDown(url: string, reason: string): void {
    this.#down = { url, until: (this.#options.now ?? Date.now)() + RETRY_AFTER_MS, reason };
  }

  #client(url: string): RegistryClient {
    return new RegistryClient(url, { fetch: this.#options.fetch, timeoutMs: this.#options.timeoutMs });
  }
}
