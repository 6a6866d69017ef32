// Small helpers for editing text in place: where lines start and end, which end-of-line the file
// uses, how it indents. Every format editor inserts and removes whole lines with these, so the
// rest of a file keeps its exact bytes.

export function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i + 1;
}

/** Offset of the end-of-line that ends the line containing `offset` (or text.length). */
export function lineEndOf(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    if (text[i] === '\n') return i > 0 && text[i - 1] === '\r' ? i - 1 : i;
  }
  return text.length;
}

/** Offset just after the end-of-line that ends the line containing `offset` (or text.length). */
export function nextLineStart(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i + 1;
}

/** Where the end-of-line before a line start begins (so removing from here joins the lines). */
export function eolBefore(text: string, lineStart: number): number {
  if (lineStart === 0) return 0;
  const nl = lineStart - 1;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

export function indentOfLine(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Whether only spaces or tabs precede `offset` on its line. */
export function startsOwnLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

export function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

export function skipSpacesBack(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

/** Applies non-overlapping-or-merged [start, end) removals and insertions, last first. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  // Merge overlapping removals so a comma inside a removed line range is not removed twice.
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged.at(-1);
    if (last && edit.start < last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, edit.end), insert: last.insert + edit.insert };
    } else merged.push(edit);
  }
  let out = text;
  for (const edit of merged.reverse()) out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  return out;
}

/** The indentation unit a file uses: a tab, or the smallest run of spaces that indents a line. */
export function detectIndentUnit(text: string, lineStarts: RegExp = /^([ \t]+)["'}\]\w[-]/): string {
  let tabs = 0;
  let min = Infinity;
  let spaced = 0;
  for (const line of text.split('\n')) {
    const match = lineStarts.exec(line);
    if (!match) continue;
    const lead = match[1]!;
    if (lead.startsWith('\t')) tabs++;
    else {
      spaced++;
      min = Math.min(min, lead.length);
    }
  }
  if (tabs > spaced) return '\t';
  return spaced > 0 && min <= 8 ? ' '.repeat(min) : '  ';
}
