// Rows as a model reads them: a plain-text table (the text content) and JSON-safe values (the
// structuredContent). Cells and totals are capped, and every cut is said out loud.
import { capOutput } from '../common/output-cap.ts';

const TEXT_CELL_CHARS = 500;
const JSON_CELL_CHARS = 10_000;

/** A value pg parsed, as something JSON keeps exactly: dates as ISO text, bytea as \x hex, NaN as text. */
export function jsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return cutString(value, JSON_CELL_CHARS);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object') return JSON.parse(JSON.stringify(value)) as unknown;
  return value;
}

function cutString(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}…[truncated: ${value.length - max} more characters]`;
}

function cell(value: unknown): string {
  if (value === null) return 'NULL';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return cutString(text, TEXT_CELL_CHARS).replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/\|/g, '\\|');
}

export interface Table {
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type?: string }>;
  readonly rows: readonly unknown[][];
}

/** A Markdown-style table, capped at `maxBytes`. */
export function formatTable(table: Table, maxBytes: number): string {
  if (table.columns.length === 0) return '(no columns)';
  const header = `| ${table.columns.map((c) => (c.type ? `${cell(c.name)} (${c.type})` : cell(c.name))).join(' | ')} |`;
  const rule = `|${table.columns.map(() => '---').join('|')}|`;
  const lines = [header, rule, ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
  return capOutput(lines.join('\n'), maxBytes);
}

/**
 * Keeps rows while their JSON fits in `maxBytes`, so structuredContent stays as bounded as the
 * text. Returns how many were kept.
 */
export function rowsWithinBytes(rows: readonly unknown[][], maxBytes: number): unknown[][] {
  const kept: unknown[][] = [];
  let size = 0;
  for (const row of rows) {
    size += Buffer.byteLength(JSON.stringify(row)) + 1;
    if (size > maxBytes && kept.length > 0) break;
    kept.push(row);
  }
  return kept;
}

/** Catalog rows (objects with the same keys) as a table without types. */
export function objectsTable(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): Table {
  return { columns: columns.map((name) => ({ name })), rows: rows.map((row) => columns.map((c) => jsonSafe(row[c]))) };
}
