// Aggregation (docs/gateway.md): one list of tools, prompts and resources out of every enabled server.
// Unique names pass unchanged; colliding names become `<serverId>__<name>`; every exposed name fits
// 64 characters. Names are computed over all known tools of enabled servers, not over what policy
// shows right now, so toggling write mode never renames another server's tool.
import { createHash } from 'node:crypto';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import type { UpstreamPrompt, UpstreamResource, UpstreamTemplate, UpstreamTool } from '../upstream/passthrough-schemas.ts';

export const MAX_EXPOSED_NAME = 64;

export interface CatalogSource {
  readonly serverId: string;
  readonly tools: readonly UpstreamTool[];
  readonly prompts: readonly UpstreamPrompt[];
  readonly resources: readonly UpstreamResource[];
  readonly resourceTemplates: readonly UpstreamTemplate[];
}

export interface CatalogEntry<T> {
  readonly serverId: string;
  readonly exposedName: string;
  readonly item: T;
}

export class Catalog {
  readonly tools: ReadonlyMap<string, CatalogEntry<UpstreamTool>>;
  readonly prompts: ReadonlyMap<string, CatalogEntry<UpstreamPrompt>>;
  readonly #sources: readonly CatalogSource[];
  readonly #exposedByServerTool: ReadonlyMap<string, string>;

  constructor(sources: readonly CatalogSource[]) {
    this.#sources = sources;
    this.tools = exposeNames(sources, (source) => source.tools);
    this.prompts = exposeNames(sources, (source) => source.prompts);
    this.#exposedByServerTool = new Map([...this.tools.values()].map((entry) => [`${entry.serverId}\u0000${entry.item.name}`, entry.exposedName]));
  }

  exposedToolName(serverId: string, tool: string): string {
    return this.#exposedByServerTool.get(`${serverId}\u0000${tool}`) ?? tool;
  }

  resources(): Array<CatalogEntry<UpstreamResource>> {
    return this.#sources.flatMap((source) => source.resources.map((item) => ({ serverId: source.serverId, exposedName: item.uri, item })));
  }

  resourceTemplates(): Array<CatalogEntry<UpstreamTemplate>> {
    return this.#sources.flatMap((source) =>
      source.resourceTemplates.map((item) => ({ serverId: source.serverId, exposedName: item.uriTemplate, item })),
    );
  }

  /** The server that owns a resource URI: a listed resource first, then a matching template. */
  serverForResource(uri: string): string | undefined {
    for (const source of this.#sources) if (source.resources.some((resource) => resource.uri === uri)) return source.serverId;
    for (const source of this.#sources) {
      for (const template of source.resourceTemplates) {
        try {
          if (new UriTemplate(template.uriTemplate).match(uri)) return source.serverId;
        } catch {
          // a template the SDK cannot parse matches nothing
        }
      }
    }
    return undefined;
  }

  /** The server that owns a template or prompt named in a completion reference. */
  serverForTemplate(uriTemplate: string): string | undefined {
    return this.#sources.find((source) => source.resourceTemplates.some((t) => t.uriTemplate === uriTemplate))?.serverId;
  }
}

function exposeNames<T extends { name: string }>(
  sources: readonly CatalogSource[],
  itemsOf: (source: CatalogSource) => readonly T[],
): Map<string, CatalogEntry<T>> {
  const owners = new Map<string, number>();
  for (const source of sources) for (const item of itemsOf(source)) owners.set(item.name, (owners.get(item.name) ?? 0) + 1);
  const entries = new Map<string, CatalogEntry<T>>();
  for (const source of sources) {
    for (const item of itemsOf(source)) {
      const unique = owners.get(item.name) === 1;
      let exposed = fit(unique ? item.name : `${source.serverId}__${item.name}`);
      // A prefixed name could itself equal another server's unique name; the hash keeps both.
      if (entries.has(exposed)) exposed = fit(`${exposed}_${shortHash(`${source.serverId}/${item.name}`)}`);
      entries.set(exposed, { serverId: source.serverId, exposedName: exposed, item });
    }
  }
  return entries;
}

/** Shortens a name to 64 characters, keeping it unique with a hash of the full name. */
export function fit(name: string): string {
  if (name.length <= MAX_EXPOSED_NAME) return name;
  const hash = shortHash(name);
  return `${name.slice(0, MAX_EXPOSED_NAME - hash.length - 1)}_${hash}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
