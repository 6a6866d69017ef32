// Targeted edits of one `[mcp_servers.<name>]` table in Codex's config.toml. smol-toml parses (to
// read servers and to check every result); the edit itself is a text edit of that table's lines
// (and its sub-tables such as `[mcp_servers.<name>.env]`), so comments and the rest of the file
// stay byte-identical. Re-serializing the parsed map would drop every comment.
import { parse, TomlError } from 'smol-toml';
import { ConfigSyntaxError } from './config-syntax-error.ts';
import { EntryEditError, sameValue, type EntryFormat } from './entry-format.ts';
import { detectEol, lineEndOf, nextLineStart } from './text-layout.ts';

export function tomlEntryFormat(tableKey: string): EntryFormat {
  return {
    read(text) {
      const table = parseToml(text)[tableKey];
      return table && typeof table === 'object' && !Array.isArray(table) ? (table as Record<string, unknown>) : {};
    },

    set(text, name, value) {
      const before = parseToml(text);
      const hadContainer = Object.hasOwn(before, tableKey);
      if (sameValue(entryOf(before, tableKey, name), value)) return { text, createdContainer: false };
      const eol = text ? detectEol(text) : '\n';
      const blocks = tableBlocks(text).filter((b) => isEntryPath(b.path, tableKey, name));
      let out: string;
      if (blocks.length === 0) {
        if (entryOf(before, tableKey, name) !== undefined) throw notATable(tableKey, name);
        const block = tableText(tableKey, name, value, eol);
        if (text === '') out = block + eol;
        else if (text.endsWith('\n')) out = text + eol + block + eol;
        else out = text + eol + eol + block;
      } else {
        // Replace the first block with the whole new table; drop any other (sub-)tables of ours.
        const [first, ...rest] = blocks;
        out = text;
        for (const block of [...rest].reverse()) out = removeBlock(out, block);
        const endsWithEol = out.slice(first!.start, first!.end).endsWith('\n');
        out = out.slice(0, first!.start) + tableText(tableKey, name, value, eol) + (endsWithEol ? eol : '') + out.slice(first!.end);
      }
      const after = parseToml(out);
      if (!sameValue(entryOf(after, tableKey, name), value) || !sameOthers(before, after, tableKey, name)) {
        throw new EntryEditError(`could not place the "${name}" table safely in this file; nothing was changed`);
      }
      return { text: out, createdContainer: !hadContainer };
    },

    remove(text, name, dropEmptyContainer) {
      const before = parseToml(text);
      if (entryOf(before, tableKey, name) === undefined) return text;
      const blocks = tableBlocks(text).filter((b) => isEntryPath(b.path, tableKey, name));
      if (blocks.length === 0) throw notATable(tableKey, name);
      let out = text;
      for (const block of [...blocks].reverse()) out = removeBlock(out, block);
      if (dropEmptyContainer) {
        const container = parseToml(out)[tableKey];
        const own = tableBlocks(out).filter((b) => b.path.length === 1 && b.path[0] === tableKey);
        if (container && Object.keys(container).length === 0 && own.length === 1 && isBareBlock(out, own[0]!)) out = removeBlock(out, own[0]!);
      }
      const after = parseToml(out);
      if (entryOf(after, tableKey, name) !== undefined || !sameOthers(before, after, tableKey, name)) {
        throw new EntryEditError(`could not remove the "${name}" table safely; nothing was changed`);
      }
      return out;
    },

    isEmpty(text) {
      return Object.keys(parseToml(text)).length === 0 && text.replace(/#.*$/gm, '').trim() === '';
    },
  };
}

function notATable(tableKey: string, name: string): EntryEditError {
  return new EntryEditError(`"${tableKey}.${name}" is written as an inline table or dotted keys, which MCP Tray does not edit; change it by hand`);
}

export function parseToml(text: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/i, '');
      throw new ConfigSyntaxError(error.line, error.column, reason);
    }
    throw error;
  }
}

function entryOf(doc: Record<string, unknown>, tableKey: string, name: string): unknown {
  const table = doc[tableKey] as Record<string, unknown> | undefined;
  return table && typeof table === 'object' ? table[name] : undefined;
}

function sameOthers(before: Record<string, unknown>, after: Record<string, unknown>, tableKey: string, name: string): boolean {
  const strip = (doc: Record<string, unknown>) => {
    const copy: Record<string, unknown> = { ...doc };
    const table = copy[tableKey];
    if (table && typeof table === 'object') {
      const rest = { ...(table as Record<string, unknown>) };
      delete rest[name];
      if (Object.keys(rest).length === 0) delete copy[tableKey];
      else copy[tableKey] = rest;
    }
    return copy;
  };
  return sameValue(strip(before), strip(after));
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function tomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}

function tomlValue(value: unknown): string {
  // JSON strings are valid TOML basic strings (same escapes).
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  if (value && typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
    return pairs.length ? `{ ${pairs.join(', ')} }` : '{}';
  }
  throw new EntryEditError(`cannot write ${typeof value} to TOML`);
}

/** `[table.name]` and its key lines, without a final end-of-line. */
function tableText(tableKey: string, name: string, value: Readonly<Record<string, unknown>>, eol: string): string {
  const lines = [`[${tomlKey(tableKey)}.${tomlKey(name)}]`];
  for (const [key, v] of Object.entries(value)) if (v !== undefined) lines.push(`${tomlKey(key)} = ${tomlValue(v)}`);
  return lines.join(eol);
}

// ── Finding tables in the text ───────────────────────────────────────────────────────────────

interface Block {
  readonly path: string[];
  /** Start of the header line. */
  readonly start: number;
  /** Just after the end-of-line of its last line that is not blank or a comment (or the end of the text). */
  readonly end: number;
}

function isEntryPath(path: readonly string[], tableKey: string, name: string): boolean {
  return path.length >= 2 && path[0] === tableKey && path[1] === name;
}

/** Whether a block is only its header (no keys, no comments). */
function isBareBlock(text: string, block: Block): boolean {
  return text.slice(block.start, block.end).trim().split('\n').length === 1;
}

/** Every `[table]` header outside strings and arrays, with the lines that belong to it. */
function tableBlocks(text: string): Block[] {
  const headers: Array<{ path: string[]; start: number }> = [];
  let depth = 0;
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (lineStart && depth === 0) {
      const lineEnd = lineEndOf(text, i);
      const header = /^[ \t]*\[(\[)?\s*([^\][]*?)\s*\](\])?[ \t]*(#.*)?$/.exec(text.slice(i, lineEnd));
      const path = header ? dottedKey(header[2]!) : undefined;
      if (header && path && !header[1] === !header[3]) {
        headers.push({ path: header[1] ? ['[[array]]', ...path] : path, start: i });
        i = nextLineStart(text, lineEnd);
        continue;
      }
    }
    lineStart = false;
    if (ch === '\n') {
      lineStart = true;
      i++;
    } else if (ch === '#') i = lineEndOf(text, i);
    else if (text.startsWith('"""', i)) i = closeOf(text, i + 3, '"""', true);
    else if (text.startsWith("'''", i)) i = closeOf(text, i + 3, "'''", false);
    else if (ch === '"') i = closeOf(text, i + 1, '"', true);
    else if (ch === "'") i = closeOf(text, i + 1, "'", false);
    else {
      if (ch === '[' || ch === '{') depth++;
      else if ((ch === ']' || ch === '}') && depth > 0) depth--;
      i++;
    }
  }
  return headers.map((h, n) => {
    const limit = headers[n + 1]?.start ?? text.length;
    return { path: h.path, start: h.start, end: contentEnd(text, h.start, limit) };
  });
}

function closeOf(text: string, from: number, quote: string, escapes: boolean): number {
  let i = from;
  while (i < text.length) {
    if (escapes && text[i] === '\\') i += 2;
    else if (text.startsWith(quote, i)) {
      i += quote.length;
      // `""""` ends a multi-line string with a quote inside it.
      while (quote.length === 3 && text[i] === quote[0]) i++;
      return i;
    } else if (quote.length === 1 && text[i] === '\n') return i;
    else i++;
  }
  return i;
}

/** After the last line of a block that is neither blank nor a comment: those belong to what follows. */
function contentEnd(text: string, start: number, limit: number): number {
  let end = nextLineStart(text, start);
  let at = end;
  while (at < limit) {
    const next = Math.min(nextLineStart(text, at), limit);
    const line = text.slice(at, next).trim();
    if (line !== '' && !line.startsWith('#')) end = next;
    at = next;
  }
  return Math.min(end, limit);
}

function dottedKey(raw: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  const skip = () => {
    while (raw[i] === ' ' || raw[i] === '\t') i++;
  };
  for (;;) {
    skip();
    if (raw[i] === '"') {
      const close = closeOf(raw, i + 1, '"', true);
      try {
        parts.push(JSON.parse(raw.slice(i, close)) as string);
      } catch {
        return undefined;
      }
      i = close;
    } else if (raw[i] === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close === -1) return undefined;
      parts.push(raw.slice(i + 1, close));
      i = close + 1;
    } else {
      const match = /^[A-Za-z0-9_-]+/.exec(raw.slice(i));
      if (!match) return undefined;
      parts.push(match[0]);
      i += match[0].length;
    }
    skip();
    if (i >= raw.length) return parts;
    if (raw[i] !== '.') return undefined;
    i++;
  }
}

/** Removes a block and the blank line that was put before it when it was appended. */
function removeBlock(text: string, block: Block): string {
  let start = block.start;
  const end = block.end;
  const before = text.slice(0, start);
  if (end >= text.length) {
    // At the end of the file we appended "<eol><block><eol>", or "<eol><eol><block>" when the file
    // had no final newline: take those separators back too.
    const two = /(\r?\n)(\r?\n)$/.exec(before);
    const one = /\r?\n$/.exec(before);
    if (text.slice(start, end).endsWith('\n')) {
      if (two) start -= two[2]!.length;
    } else if (two) start -= two[0].length;
    else if (one) start -= one[0].length;
    return text.slice(0, start) + text.slice(end);
  }
  // In the middle: the block's lines, and one blank line when there is one on both sides.
  const after = text.slice(end);
  const blankAfter = /^[ \t]*\r?\n/.exec(after);
  if (blankAfter && /(^|\n)[ \t]*\r?\n$/.test(before)) return before + after.slice(blankAfter[0].length);
  return before + after;
}
