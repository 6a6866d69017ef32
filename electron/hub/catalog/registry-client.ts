// A client of an MCP Registry's read API (v0.1): the list of servers with search and cursor
// pagination, and one version of a server ("latest" included). Its answers are untrusted input: the
// envelope is checked here, each entry against the server.json schema by the caller. A registry
// that does not answer within the timeout is unreachable, so the catalog can fall back at once.
import { z } from 'zod';

/** How long one request may take before the registry counts as unreachable. */
export const REGISTRY_TIMEOUT_MS = 4000;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** The most entries asked for per page (the official registry allows 100). */
export const PAGE_LIMIT = 30;

export class RegistryUnreachableError extends Error {
  override readonly name = 'RegistryUnreachableError';
}

/** The registry answered, but not with what its API promises. */
export class RegistryAnswerError extends Error {
  override readonly name = 'RegistryAnswerError';
}

const OfficialMetaSchema = z
  .object({
    status: z.string().optional(),
    publishedAt: z.string().optional(),
    updatedAt: z.string().optional(),
    isLatest: z.boolean().optional(),
  })
  .loose();

const RecordSchema = z.object({
  server: z.unknown(),
  _meta: z.object({ 'io.modelcontextprotocol.registry/official': OfficialMetaSchema.optional() }).loose().optional(),
});

const ListSchema = z.object({
  servers: z.array(RecordSchema),
  metadata: z.object({ nextCursor: z.string().nullish(), count: z.number().optional() }).loose().optional(),
});

export interface RegistryRecord {
  /** The entry as the registry sent it (a server.json, not yet checked). */
  readonly server: unknown;
  readonly status?: string;
  readonly isLatest?: boolean;
  readonly publishedAt?: string;
}

export interface RegistryPage {
  readonly records: readonly RegistryRecord[];
  readonly nextCursor?: string;
}

export class RegistryClient {
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(baseUrl: string, options: { timeoutMs?: number; fetch?: typeof fetch } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? REGISTRY_TIMEOUT_MS;
    this.#fetch = options.fetch ?? fetch;
  }

  /** One page of the latest version of each server, whose name contains `search` (when given). */
  async list(options: { search?: string; cursor?: string; limit?: number } = {}): Promise<RegistryPage> {
    const params = new URLSearchParams({ limit: String(options.limit ?? PAGE_LIMIT), version: 'latest' });
    if (options.search) params.set('search', options.search);
    if (options.cursor) params.set('cursor', options.cursor);
    const body = await this.#get(`/v0.1/servers?${params}`);
    const parsed = ListSchema.safeParse(body);
    if (!parsed.success) throw new RegistryAnswerError(`${this.baseUrl} did not answer with a list of servers`);
    return { records: parsed.data.servers.map(toRecord), nextCursor: parsed.data.metadata?.nextCursor || undefined };
  }

  /** One version of a server ("latest" for the newest), or undefined when the registry has none. */
  async version(name: string, version: string): Promise<RegistryRecord | undefined> {
    const body = await this.#get(`/v0.1/servers/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`, true);
    if (body === undefined) return undefined;
    const parsed = RecordSchema.safeParse(body);
    if (!parsed.success) throw new RegistryAnswerError(`${this.baseUrl} did not answer with a server`);
    return toRecord(parsed.data);
  }

  async #get(pathAndQuery: string, notFoundIsEmpty = false): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.baseUrl}${pathAndQuery}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.#timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new RegistryUnreachableError(`${this.baseUrl} cannot be reached (${reason})`);
    }
    if (notFoundIsEmpty && response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      // A registry that is down or overloaded is as good as unreachable for the catalog.
      if (response.status >= 500) throw new RegistryUnreachableError(`${this.baseUrl} answered ${response.status}`);
      throw new RegistryAnswerError(`${this.baseUrl} answered ${response.status} to ${pathAndQuery.split('?')[0]}`);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) {
      await response.body?.cancel();
      throw new RegistryAnswerError(`${this.baseUrl} sent more than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new RegistryUnreachableError(`${this.baseUrl} stopped answering (${(error as Error).message})`);
    }
    if (text.length > MAX_BODY_BYTES) throw new RegistryAnswerError(`${this.baseUrl} sent more than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new RegistryAnswerError(`${this.baseUrl} did not answer with JSON`);
    }
  }
}

function toRecord(record: z.infer<typeof RecordSchema>): RegistryRecord {
  const official = record._meta?.['io.modelcontextprotocol.registry/official'];
  return { server: record.server, status: official?.status, isLatest: official?.isLatest, publishedAt: official?.publishedAt };
}
