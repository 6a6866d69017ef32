// Targeted edits of one item of Continue's `mcpServers` list in config.yaml (items are maps that
// carry their `name`). The yaml Document API parses and gives each node's source range; the item is
// inserted and removed as whole lines at those ranges, so comments and the rest of the file stay
// byte-identical (re-stringifying the document would restyle it). Values are written as JSON,
// which YAML reads as flow scalars and collections.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { ConfigSyntaxError } from './config-syntax-error.ts';
import { EntryEditError, sameValue, type EntryFormat } from './entry-format.ts';
import { applyTextEdits, detectEol, eolBefore, indentOfLine, lineStartOf, nextLineStart, type TextEdit } from './text-layout.ts';

/** What a new config.yaml holds besides our entry (Continue requires name, version, schema). */
const SKELETON: Readonly<Record<string, string>> = { name: 'Local Assistant', version: '1.0.0', schema: 'v1' };

export function yamlListEntryFormat(listKey: string): EntryFormat {
  return {
    read(text) {
      const list = readList(parseYaml(text), listKey);
      return Object.fromEntries(list.map((item) => [item.name, item.value]));
    },

    set(text, name, value) {
      const doc = parseYaml(text);
      const eol = text ? detectEol(text) : '\n';
      const full = { name, ...value };
      if (text.trim() !== '' && readList(doc, listKey).some((i) => i.name === name && sameValue(i.value, full))) return { text, createdContainer: false };
      let out: string;
      let createdContainer = false;
      if (text.trim() === '') {
        out = [...Object.entries(SKELETON).map(([k, v]) => `${k}: ${v}`), `${listKey}:`, ...itemLines(full, '  ', '- ')].join(eol) + eol;
        createdContainer = true;
      } else {
        const root = rootMap(doc, text);
        const pair = findPair(root, listKey);
        if (!pair) {
          const indent = root.items[0] ? indentOfLine(text, (root.items[0].key as Node).range![0]) : '';
          out = appendLines(text, [`${indent}${listKey}:`, ...itemLines(full, `${indent}  `, '- ')], eol);
          createdContainer = true;
        } else out = applyTextEdits(text, setInList(text, pair, listKey, name, full, eol));
      }
      const after = readList(parseYaml(out), listKey);
      const before = text.trim() === '' ? [] : readList(doc, listKey);
      const mine = after.filter((i) => i.name === name);
      const others = (list: ListItem[]) => list.filter((i) => i.name !== name).map((i) => i.value);
      if (mine.length !== 1 || !sameValue(mine[0]!.value, full) || !sameValue(others(before), others(after))) {
        throw new EntryEditError(`could not place the "${name}" item safely in this file; nothing was changed`);
      }
      return { text: out, createdContainer };
    },

    remove(text, name, dropEmptyContainer) {
      if (text.trim() === '') return text;
      const doc = parseYaml(text);
      const root = rootMap(doc, text);
      const pair = findPair(root, listKey);
      const seq = pair?.value;
      if (!pair || !isSeq(seq)) return text;
      const index = seq.items.findIndex((item) => itemName(item) === name);
      if (index === -1) return text;
      let out = applyTextEdits(text, removeItem(text, seq, index));
      if (dropEmptyContainer && seq.items.length === 1) {
        const again = findPair(rootMap(parseYaml(out), out), listKey);
        const value = again?.value;
        if (again && (value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0))) {
          out = removeLines(out, (again.key as Node).range![0], lastContentEnd(out, (value as Node | null)?.range?.[1] ?? (again.key as Node).range![1]));
        }
      }
      const after = readList(parseYaml(out), listKey);
      if (after.some((i) => i.name === name)) throw new EntryEditError(`could not remove the "${name}" item safely; nothing was changed`);
      return out;
    },

    isEmpty(text) {
      if (text.trim() === '') return true;
      const value = parseYaml(text).toJS() as unknown;
      return value === null || sameValue(value, {}) || sameValue(value, SKELETON);
    },
  };
}

interface ListItem {
  readonly name: string;
  readonly value: Record<string, unknown>;
}

function parseYaml(text: string): Document {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new ConfigSyntaxError(pos?.line ?? 1, pos?.col ?? 1, error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  }
  return doc;
}

function rootMap(doc: Document, text: string): YAMLMap {
  const root = doc.contents;
  if (!isMap(root)) throw ConfigSyntaxError.at(text, (root as Node | null)?.range?.[0] ?? 0, 'the top level is not a mapping');
  if (root.flow) throw new EntryEditError('the top level is a flow mapping ({ … }), which MCP Tray does not edit; change it by hand');
  return root;
}

function findPair(root: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return root.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node | null> | undefined;
}

function itemName(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const name = item.get('name');
  return typeof name === 'string' ? name : undefined;
}

function readList(doc: Document, listKey: string): ListItem[] {
  const value = doc.toJS() as Record<string, unknown> | null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const list = value[listKey];
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object' && typeof (item as Record<string, unknown>).name === 'string')
    .map((item) => ({ name: item.name as string, value: item }));
}

/** Block lines of one list item: "<indent>- key: value" then "<indent>  key: value". */
function itemLines(value: Record<string, unknown>, indent: string, dash: string): string[] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v], i) => `${indent}${i === 0 ? dash : ' '.repeat(dash.length)}${k}: ${flow(v)}`);
}

/** JSON with YAML's usual flow spacing: `["a", "b"]`, `{ "K": "v" }`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value && typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${flow(v)}`);
    return pairs.length ? `{ ${pairs.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** After the last non-blank character before `end`: the start of the next line (or the end). */
function lastContentEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return nextLineStart(text, e);
}

function appendLines(text: string, lines: string[], eol: string): string {
  const block = lines.join(eol);
  return text.endsWith('\n') ? text + block + eol : text + eol + block;
}

/** Inserts `lines` as new lines at a line start (or at the end of a text without a final newline). */
function insertLinesAt(text: string, at: number, lines: string[], eol: string): TextEdit {
  if (at >= text.length && !text.endsWith('\n')) return { start: at, end: at, insert: eol + lines.join(eol) };
  return { start: at, end: at, insert: lines.join(eol) + eol };
}

/** Removes whole lines from the line of `start` to `end` (a line start), joining cleanly at the end of the text. */
function removeLines(text: string, start: number, end: number): string {
  const from = lineStartOf(text, start);
  if (end >= text.length && !text.endsWith('\n')) return text.slice(0, eolBefore(text, from)) + text.slice(end);
  return text.slice(0, from) + text.slice(end);
}

function setInList(text: string, pair: Pair<Node, Node | null>, listKey: string, name: string, value: Record<string, unknown>, eol: string): TextEdit[] {
  const seq = pair.value;
  const keyIndent = indentOfLine(text, pair.key.range![0]);
  if (seq === null || (isScalar(seq) && seq.value === null)) {
    // `mcpServers:` with nothing after it: the list starts on the next line.
    return [insertLinesAt(text, lastContentEnd(text, pair.key.range![1] + 1), itemLines(value, `${keyIndent}  `, '- '), eol)];
  }
  if (!isSeq(seq)) throw ConfigSyntaxError.at(text, seq.range?.[0] ?? 0, `"${listKey}" is not a list`);
  const index = seq.items.findIndex((item) => itemName(item) === name);
  if (seq.flow) {
    const json = flow(value);
    if (index !== -1) {
      const range = (seq.items[index] as Node).range!;
      return [{ start: range[0], end: range[1], insert: json }];
    }
    const last = seq.items.at(-1) as Node | undefined;
    if (!last) {
      const open = text.indexOf('[', seq.range![0]);
      return [{ start: open + 1, end: seq.range![1] - 1, insert: json }];
    }
    return [{ start: last.range![1], end: last.range![1], insert: `, ${json}` }];
  }
  const reference = (seq.items[index === -1 ? seq.items.length - 1 : index] as Node).range!;
  const dash = text.lastIndexOf('-', reference[0]);
  const dashIndent = text.slice(lineStartOf(text, dash), dash);
  const gap = ' '.repeat(Math.max(1, reference[0] - dash - 1));
  const lines = itemLines(value, dashIndent, `-${gap}`);
  if (index !== -1) {
    const start = lineStartOf(text, dash);
    const end = lastContentEnd(text, reference[1]);
    const tail = end >= text.length && !text.endsWith('\n') ? '' : eol;
    return [{ start, end, insert: lines.join(eol) + tail }];
  }
  return [insertLinesAt(text, lastContentEnd(text, reference[1]), lines, eol)];
}

function removeItem(text: string, seq: YAMLSeq, index: number): TextEdit[] {
  const item = seq.items[index] as Node;
  const range = item.range!;
  if (seq.flow) {
    const previous = seq.items[index - 1] as Node | undefined;
    const next = seq.items[index + 1] as Node | undefined;
    if (previous) return [{ start: previous.range![1], end: range[1], insert: '' }];
    if (next) return [{ start: range[0], end: next.range![0], insert: '' }];
    return [{ start: range[0], end: range[1], insert: '' }];
  }
  const dash = text.lastIndexOf('-', range[0]);
  const from = lineStartOf(text, dash);
  const end = lastContentEnd(text, range[1]);
  if (end >= text.length && !text.endsWith('\n')) return [{ start: eolBefore(text, from), end, insert: '' }];
  return [{ start: from, end, insert: '' }];
}
