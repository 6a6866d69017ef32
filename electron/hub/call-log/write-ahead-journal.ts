// The call log's write-ahead journal: each entry is appended to a plain file (one JSON line, one
// write, ~10 µs) before the client gets its answer, so an answered call survives a crash of the
// hub even before the database has it. Segments are deleted once the database has committed
// everything in them; at start, segments left by a crash are replayed.
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { CallRecord } from '../contract/call-log-shapes.ts';

const ENTRIES_PER_SEGMENT = 5000;

interface Segment {
  readonly file: string;
  /** Number of the last entry written to this segment. */
  last: number;
}

export class WriteAheadJournal {
  readonly #dir: string;
  readonly #segments: Segment[] = [];
  #fd: number | undefined;
  #written = 0;
  #inCurrent = 0;

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Entries of segments a previous hub left behind, oldest first, and those segments' files. */
  leftovers(): { entries: CallRecord[]; files: string[] } {
    const files = readdirSync(this.#dir)
      .filter((name) => /^journal-\d+-\d+\.jsonl$/.test(name))
      .sort()
      .map((name) => path.join(this.#dir, name));
    const entries: CallRecord[] = [];
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          entries.push(JSON.parse(line) as CallRecord);
        } catch {
          // A line cut short by the crash: the call it described had not been answered yet.
        }
      }
    }
    return { entries, files };
  }

  /** Appends an entry and returns its number (1, 2, …) for `committed()`. */
  append(entry: CallRecord): number {
    if (this.#fd === undefined || this.#inCurrent >= ENTRIES_PER_SEGMENT) this.#rotate();
    writeSync(this.#fd!, JSON.stringify(entry) + '\n');
    this.#written++;
    this.#inCurrent++;
    this.#segments[this.#segments.length - 1]!.last = this.#written;
    return this.#written;
  }

  /** The database has committed entries up to `upTo`: delete segments that hold nothing newer. */
  committed(upTo: number): void {
    while (this.#segments.length > 0 && this.#segments[0]!.last <= upTo) {
      const segment = this.#segments[0]!;
      const current = this.#segments.length === 1;
      if (current) {
        // The open segment is fully committed: start a fresh one at the next append.
        closeSync(this.#fd!);
        this.#fd = undefined;
      }
      rmSync(segment.file, { force: true });
      this.#segments.shift();
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #rotate(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    const file = path.join(this.#dir, `journal-${Date.now()}-${String(this.#written).padStart(12, '0')}.jsonl`);
    this.#fd = openSync(file, 'a', 0o600);
    this.#inCurrent = 0;
    this.#segments.push({ file, last: this.#written });
  }
}
