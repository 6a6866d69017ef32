// What every config format editor offers: read the servers a client has configured, and set or
// remove one named entry by editing only that entry's text. An empty text stands for a missing
// file. Each editor re-parses its result and throws rather than return a text it did not mean.
export interface SetResult {
  readonly text: string;
  /** The servers container (`mcpServers`, `[mcp_servers]`, …) did not exist and was added. */
  readonly createdContainer: boolean;
}

export interface EntryFormat {
  /** The configured servers by name; throws ConfigSyntaxError when the text does not parse. */
  read(text: string): Record<string, unknown>;
  /** Adds or replaces the entry `name`. */
  set(text: string, name: string, value: Readonly<Record<string, unknown>>): SetResult;
  /** Removes the entry `name` (no change when absent); drops the container when it is left empty and `dropEmptyContainer`. */
  remove(text: string, name: string, dropEmptyContainer: boolean): string;
  /** Whether the text holds nothing but what `set` writes into an empty file, minus the entry. */
  isEmpty(text: string): boolean;
}

export class EntryEditError extends Error {
  override readonly name = 'EntryEditError';
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
