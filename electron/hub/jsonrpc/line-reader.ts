// Splits a byte stream into newline-delimited frames without re-copying the pending bytes on every
// chunk (a naive concat-per-chunk is quadratic in the frame size, and 8 MB results are normal here).
// A frame longer than the limit is skipped up to its newline and reported once, so one oversized
// message never takes the stream down or the frames after it with it.

export interface LineReaderEvents {
  line(text: string): void;
  oversized(bytesSeen: number): void;
}

export class LineReader {
  readonly #maxBytes: number;
  readonly #events: LineReaderEvents;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #discarding = false;

  constructor(maxBytes: number, events: LineReaderEvents) {
    this.#maxBytes = maxBytes;
    this.#events = events;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline === -1) break;
      const piece = chunk.subarray(start, newline);
      start = newline + 1;
      if (this.#discarding) {
        this.#discarding = false;
        continue;
      }
      if (this.#pendingBytes + piece.length > this.#maxBytes) {
        this.#events.oversized(this.#pendingBytes + piece.length);
        this.#reset();
        continue;
      }
      const bytes = this.#pending.length === 0 ? piece : Buffer.concat([...this.#pending, piece]);
      this.#reset();
      let text = bytes.toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim().length > 0) this.#events.line(text);
    }
    if (start >= chunk.length || this.#discarding) return;
    const rest = chunk.subarray(start);
    if (this.#pendingBytes + rest.length > this.#maxBytes) {
      this.#events.oversized(this.#pendingBytes + rest.length);
      this.#reset();
      this.#discarding = true;
      return;
    }
    // Stream chunks are fresh buffers (never reused by Node), so holding a view costs no copy.
    this.#pending.push(rest);
    this.#pendingBytes += rest.length;
  }

  #reset(): void {
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}
