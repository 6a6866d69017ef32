// Tool search (docs/profiles.md): ranks a profile's tools for a plain-language query, BM25 over the
// tool's name (split on "_", "-", "." and camelCase), its server's id and its description, through
// minisearch. Terms are lowercased and lightly stemmed so "logs" finds "log" and "changes" "changed".
import MiniSearch from 'minisearch';

export interface SearchableTool {
  /** The name a client calls it by (the exposed name). */
  readonly name: string;
  readonly serverId: string;
  readonly description?: string;
  readonly inputSchema?: unknown;
}

export interface ToolHit<T extends SearchableTool> {
  readonly tool: T;
  readonly score: number;
}

/** Splits identifiers into words: `git_diff_staged` → git diff staged, `getFileInfo` → get file info. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const STOP = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'for', 'my', 'me', 'i', 'and', 'or', 'with', 'by', 'at', 'is', 'it', 'what', 'how', 'from', 'into', 'us', 'we', 'our', 'this', 'that', 'show', 'please', 'can', 'you']);

/** A light stemmer: enough to match plurals and common verb endings, never below 3 letters. */
export function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

function terms(text: string): string[] {
  return splitWords(text)
    .filter((word) => !STOP.has(word))
    .map(stem);
}

export class ToolIndex<T extends SearchableTool> {
  readonly #tools: readonly T[];
  readonly #index: MiniSearch<{ id: number; name: string; server: string; description: string }>;

  constructor(tools: readonly T[]) {
    this.#tools = tools;
    this.#index = new MiniSearch({
      fields: ['name', 'server', 'description'],
      tokenize: (text) => splitWords(text),
      processTerm: (term) => (STOP.has(term) ? null : stem(term)),
      searchOptions: { boost: { name: 3, server: 1.5, description: 1 }, prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 6 ? 0.15 : false) },
    });
    this.#index.addAll(tools.map((tool, id) => ({ id, name: tool.name, server: tool.serverId, description: tool.description ?? '' })));
  }

  /** The best `limit` tools for the query, best first; an empty query lists the first `limit` tools. */
  search(query: string, limit = 10): Array<ToolHit<T>> {
    if (terms(query).length === 0) return this.#tools.slice(0, limit).map((tool) => ({ tool, score: 0 }));
    return this.#index
      .search(query, { combineWith: 'OR' })
      .slice(0, limit)
      .map((hit) => ({ tool: this.#tools[hit.id as number]!, score: hit.score }));
  }
}
