// Targeted edits of one server entry in a JSON or JSONC config (Claude, Cursor, VS Code, Zed,
// Gemini, Windsurf, Cline, LM Studio). jsonc-parser gives the exact offsets; the entry is inserted
// as whole lines in the file's own indentation and end-of-line, removed the same way, so comments,
// key order and every other byte stay as they were. jsonc-parser's own `modify` is not used: it
// re-formats the neighbouring lines it touches.
import { createScanner, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { ConfigSyntaxError } from './config-syntax-error.ts';
import { EntryEditError, sameValue, type EntryFormat, type SetResult } from './entry-format.ts';
import {
  applyTextEdits,
  detectEol,
  detectIndentUnit,
  eolBefore,
  indentOfLine,
  lineEndOf,
  lineStartOf,
  nextLineStart,
  skipSpaces,
  skipSpacesBack,
  startsOwnLine,
  type TextEdit,
} from './text-layout.ts';

/** What the client itself accepts when it reads the file. */
export interface JsonRules {
  readonly comments: boolean;
  readonly trailingCommas: boolean;
  /** Named in messages: "(Cline reads strict JSON)". */
  readonly clientLabel: string;
}

// jsonc-parser's ParseErrorCode values (a const enum in its typings).
const ERROR_TEXT: Record<number, string> = {
  1: 'invalid symbol',
  2: 'invalid number',
  3: 'a property name is expected',
  4: 'a value is expected',
  5: 'a colon is expected',
  6: 'a comma is expected',
  7: 'a closing brace is expected',
  8: 'a closing bracket is expected',
  9: 'the end of the file is expected',
  10: 'comments are not allowed',
  11: 'a comment is not closed',
  12: 'a string is not closed',
  13: 'a number is not finished',
  14: 'invalid unicode escape',
  15: 'invalid escape character',
  16: 'invalid character',
};
const SCAN_LINE_COMMENT = 12;
const SCAN_BLOCK_COMMENT = 13;
const SCAN_COMMA = 5;
const SCAN_EOF = 17;
const SCAN_TRIVIA = 15;
const SCAN_LINE_BREAK = 14;

export function jsoncEntryFormat(keyPath: readonly string[], rules: JsonRules): EntryFormat {
  return {
    read(text) {
      const root = parseChecked(text, rules);
      if (!root) return {};
      const container = findObject(text, root, keyPath);
      return container ? (getNodeValue(container) as Record<string, unknown>) : {};
    },

    set(text, name, value) {
      const result = setEntry(text, keyPath, name, value, rules);
      // Never hand back a text that does not say what we meant: re-read and compare.
      const after = parseChecked(result.text, rules);
      const written = after ? findObject(result.text, after, keyPath) : undefined;
      const entry = written ? (getNodeValue(written) as Record<string, unknown>)[name] : undefined;
      if (!sameValue(entry, value)) throw new EntryEditError(`could not place the "${name}" entry safely in this file; nothing was changed`);
      return result;
    },

    remove(text, name, dropEmptyContainer) {
      const root = parseChecked(text, rules);
      if (!root) return text;
      const container = findObject(text, root, keyPath);
      const prop = container && findProperty(container, name);
      if (!container || !prop) return text;
      let out = removeProperty(text, container, prop);
      if (dropEmptyContainer) {
        const again = parseChecked(out, rules)!;
        const emptied = findObject(out, again, keyPath);
        if (emptied && (emptied.children ?? []).length === 0 && interiorIsBlank(out, emptied)) {
          const holder = emptied.parent!;
          out = removeProperty(out, holder.parent!, holder);
        }
      }
      const check = parseChecked(out, rules);
      const left = check ? findObject(out, check, keyPath) : undefined;
      if (left && findProperty(left, name)) throw new EntryEditError(`could not remove the "${name}" entry safely; nothing was changed`);
      return out;
    },

    isEmpty(text) {
      if (text.trim() === '') return true;
      const root = parseChecked(text, rules);
      return !!root && (root.children ?? []).length === 0 && text.replace(/\s/g, '') === '{}';
    },
  };
}

/** Parses by the client's rules; throws ConfigSyntaxError at the first problem. */
export function parseChecked(text: string, rules: JsonRules): Node | undefined {
  if (text.trim() === '') return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: rules.trailingCommas, disallowComments: !rules.comments, allowEmptyContent: true });
  const first = errors[0];
  if (first) {
    let reason = ERROR_TEXT[first.error] ?? 'invalid JSON';
    if (first.error === 10) reason = `comments are not allowed (${rules.clientLabel} reads strict JSON)`;
    else if (!rules.trailingCommas && isTrailingComma(text, first.offset)) reason = `a trailing comma is not allowed (${rules.clientLabel} does not accept them)`;
    throw ConfigSyntaxError.at(text, first.offset, reason);
  }
  if (!root) return undefined;
  if (root.type !== 'object') throw ConfigSyntaxError.at(text, root.offset, 'the top level is not an object');
  return root;
}

function isTrailingComma(text: string, offset: number): boolean {
  // The error sits on the closing bracket; the previous token is a comma.
  const scanner = createScanner(text, true);
  let previous = -1;
  let token = scanner.scan();
  while (token !== SCAN_EOF && scanner.getTokenOffset() < offset) {
    previous = token;
    token = scanner.scan();
  }
  return previous === SCAN_COMMA;
}

function findProperty(object: Node, name: string): Node | undefined {
  return (object.children ?? []).find((p) => p.type === 'property' && p.children?.[0]?.value === name);
}

/** The object at keyPath, undefined when some key is missing; throws when one is not an object. */
function findObject(text: string, root: Node, keyPath: readonly string[]): Node | undefined {
  let node = root;
  for (let i = 0; i < keyPath.length; i++) {
    const prop = findProperty(node, keyPath[i]!);
    if (!prop) return undefined;
    const value = prop.children?.[1];
    if (!value || value.type !== 'object') {
      throw ConfigSyntaxError.at(text, value?.offset ?? prop.offset, `"${keyPath.slice(0, i + 1).join('.')}" is not an object`);
    }
    node = value;
  }
  return node;
}

interface Layout {
  readonly eol: string;
  readonly unit: string;
}

function layoutOf(text: string): Layout {
  return { eol: detectEol(text), unit: detectIndentUnit(text, /^([ \t]+)["}\]]/) };
}

function propertyText(name: string, value: unknown, indent: string, layout: Layout): string {
  const body = JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + indent);
  return `${JSON.stringify(name)}: ${body}`;
}

function setEntry(text: string, keyPath: readonly string[], name: string, value: unknown, rules: JsonRules): SetResult {
  const nested = (from: number): Record<string, unknown> => keyPath.slice(from).reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { [name]: value });
  const root = parseChecked(text, rules);
  if (!root) {
    // A missing or empty file: the whole document is ours, in the common two-space style.
    return { text: `${JSON.stringify(nested(0), null, 2)}\n`, createdContainer: true };
  }
  const layout = layoutOf(text);
  let node = root;
  for (let i = 0; i < keyPath.length; i++) {
    const prop = findProperty(node, keyPath[i]!);
    if (!prop) {
      const edits = insertProperty(text, node, keyPath[i]!, nested(i + 1), layout);
      return { text: applyTextEdits(text, edits), createdContainer: true };
    }
    const child = prop.children?.[1];
    if (!child || child.type !== 'object') throw ConfigSyntaxError.at(text, child?.offset ?? prop.offset, `"${keyPath.slice(0, i + 1).join('.')}" is not an object`);
    node = child;
  }
  const existing = findProperty(node, name);
  if (existing) {
    const valueNode = existing.children![1]!;
    // Already what we would write: leave its text (and its spelling) alone.
    if (sameValue(getNodeValue(valueNode), value)) return { text, createdContainer: false };
    const indent = indentOfLine(text, existing.offset);
    const oneLine = !/[\r\n]/.test(text.slice(valueNode.offset, valueNode.offset + valueNode.length));
    const body = oneLine ? JSON.stringify(value) : JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + indent);
    return { text: applyTextEdits(text, [{ start: valueNode.offset, end: valueNode.offset + valueNode.length, insert: body }]), createdContainer: false };
  }
  return { text: applyTextEdits(text, insertProperty(text, node, name, value, layout)), createdContainer: false };
}

/** Scans what follows a value on its line: an optional comma, then comments up to the end of the line. */
function trailOf(text: string, end: number): { comma: number; lineEnd: number | undefined } {
  let i = skipSpaces(text, end);
  let comma = -1;
  if (text[i] === ',') {
    comma = i;
    i = skipSpaces(text, i + 1);
  }
  for (;;) {
    if (text.startsWith('//', i)) return { comma, lineEnd: lineEndOf(text, i) };
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1 || /[\r\n]/.test(text.slice(i, close))) return { comma, lineEnd: undefined };
      i = skipSpaces(text, close + 2);
      continue;
    }
    if (i >= text.length || text[i] === '\n' || text[i] === '\r') return { comma, lineEnd: i };
    return { comma, lineEnd: undefined };
  }
}

function insertProperty(text: string, object: Node, name: string, value: unknown, layout: Layout): TextEdit[] {
  const props = object.children ?? [];
  const objectIndent = indentOfLine(text, object.offset);
  const open = object.offset + 1;
  const close = object.offset + object.length - 1;
  if (props.length === 0) {
    const childIndent = objectIndent + layout.unit;
    const prop = propertyText(name, value, childIndent, layout);
    if (!/[\r\n]/.test(text.slice(open, close))) {
      return [{ start: open, end: close, insert: `${layout.eol}${childIndent}${prop}${layout.eol}${objectIndent}` }];
    }
    // `{` ends its line (maybe after a comment): the entry goes on the next line.
    const at = trailOf(text, open).lineEnd ?? lineEndOf(text, open);
    return [{ start: at, end: at, insert: `${layout.eol}${childIndent}${prop}` }];
  }
  const last = props.at(-1)!;
  const end = last.offset + last.length;
  const childIndent = startsOwnLine(text, last.offset) ? indentOfLine(text, last.offset) : objectIndent + layout.unit;
  const trail = trailOf(text, end);
  const hasComma = trail.comma !== -1;
  if (trail.lineEnd !== undefined) {
    // The last property ends its line: a comma right after it (unless it has one, in a file that
    // uses trailing commas, where ours gets one too), and our entry as new lines below.
    const edits: TextEdit[] = [];
    if (!hasComma) edits.push({ start: end, end, insert: ',' });
    const prop = propertyText(name, value, childIndent, layout);
    edits.push({ start: trail.lineEnd, end: trail.lineEnd, insert: `${layout.eol}${childIndent}${prop}${hasComma ? ',' : ''}` });
    return edits;
  }
  // Everything on one line: stay on it.
  const compact = `${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  if (!hasComma) return [{ start: end, end, insert: `, ${compact}` }];
  return [{ start: trail.comma + 1, end: trail.comma + 1, insert: ` ${compact},` }];
}

/** The comma between two offsets, skipping comments. */
function commaBetween(text: string, from: number, to: number): number {
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  for (let token = scanner.scan(); token !== SCAN_EOF && scanner.getTokenOffset() < to; token = scanner.scan()) {
    if (token === SCAN_COMMA) return scanner.getTokenOffset();
    if (token !== SCAN_TRIVIA && token !== SCAN_LINE_BREAK && token !== SCAN_LINE_COMMENT && token !== SCAN_BLOCK_COMMENT) return -1;
  }
  return -1;
}

function interiorIsBlank(text: string, object: Node): boolean {
  return text.slice(object.offset + 1, object.offset + object.length - 1).trim() === '';
}

/** Removes a property with the separator and line it brought, the inverse of insertProperty. */
function removeProperty(text: string, object: Node, prop: Node): string {
  const props = object.children ?? [];
  const index = props.indexOf(prop);
  const start = prop.offset;
  const end = prop.offset + prop.length;
  const ownLine = startsOwnLine(text, start);
  const trail = trailOf(text, end);
  const edits: TextEdit[] = [];
  const next = props[index + 1];
  const previous = props[index - 1];
  if (next) {
    const tail = trail.comma !== -1 ? trail.comma + 1 : end;
    if (ownLine && trail.lineEnd !== undefined && !/\S/.test(text.slice(tail, trail.lineEnd)) && nextLineStart(text, tail) <= next.offset) {
      edits.push({ start: lineStartOf(text, start), end: nextLineStart(text, tail), insert: '' });
    } else edits.push({ start, end: next.offset, insert: '' });
  } else {
    const removeEnd = trail.comma !== -1 ? trail.comma + 1 : end;
    if (ownLine) {
      if (previous && trail.comma === -1) {
        const comma = commaBetween(text, previous.offset + previous.length, start);
        if (comma !== -1) edits.push({ start: comma, end: comma + 1, insert: '' });
      }
      edits.push({ start: eolBefore(text, lineStartOf(text, start)), end: removeEnd, insert: '' });
    } else if (previous && trail.comma === -1) {
      edits.push({ start: previous.offset + previous.length, end: removeEnd, insert: '' });
    } else {
      edits.push({ start: skipSpacesBack(text, start), end: removeEnd, insert: '' });
    }
  }
  let out = applyTextEdits(text, edits);
  // `{}` grew lines when the entry went in; give it back its one-line form when nothing is left.
  const removed = text.length - out.length;
  const open = object.offset + 1;
  const close = object.offset + object.length - 1 - removed;
  if (props.length === 1 && /[\r\n]/.test(out.slice(open, close)) && out.slice(open, close).trim() === '') {
    out = out.slice(0, open) + out.slice(close);
  }
  return out;
}
