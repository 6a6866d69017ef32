// What a server printed on stderr (and stray stdout): the last 2,000 lines in memory for the UIs,
// and a rotating file per server in the data dir for after the fact. Every line is scrubbed of the
// secrets the hub knows (this server's and every other's) before it is kept anywhere or sent.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const MEMORY_LINES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
const KEPT_FILES = 3;

export interface LogLine {
  readonly at: string;
  readonly stream: 'stderr' | 'stdout' | 'hub';
  readonly text: string;
}

export class ServerLog {
  readonly #lines: LogLine[] = [];
  readonly file: string;
  #partial = '';
  #fileBytes = -1;
  #listener: ((line: LogLine) => void) | undefined;
  readonly #scrub: (text: string) => string;
  /** For one client's view (forClient): the server's log it writes into, and the mark of its lines. */
  readonly #parent: { readonly log: ServerLog; readonly mark: string } | undefined;

  /** `scrub` replaces secret values in a line (KnownSecrets.scrub in the hub). */
  constructor(logsDir: string, serverId: string, scrub: (text: string) => string = (text) => text, parent?: { log: ServerLog; mark: string }) {
    this.file = path.join(logsDir, `${serverId}.log`);
    this.#scrub = scrub;
    this.#parent = parent;
    if (!parent) mkdirSync(logsDir, { recursive: true, mode: 0o700 });
  }

  /**
   * The same log for one client's own process of a per-client server: its lines are kept in this
   * server's log, marked with the client, so one log shows every process of the server.
   */
  forClient(label: string): ServerLog {
    return new ServerLog(path.dirname(this.file), path.basename(this.file, '.log'), (text) => text, { log: this, mark: `[${label}] ` });
  }

  onLine(listener: (line: LogLine) => void): void {
    this.#listener = listener;
  }

  /** Raw stderr bytes, split into lines. */
  write(chunk: Buffer | string): void {
    const text = this.#partial + chunk.toString();
    const lines = text.split('\n');
    this.#partial = lines.pop() ?? '';
    if (this.#partial.length > 16_384) {
      lines.push(this.#partial);
      this.#partial = '';
    }
    for (const line of lines) this.add('stderr', line.replace(/\r$/, ''));
  }

  add(stream: LogLine['stream'], text: string): void {
    if (this.#parent) return this.#parent.log.add(stream, this.#parent.mark + text);
    const line: LogLine = { at: new Date().toISOString(), stream, text: this.#scrub(text) };
    this.#lines.push(line);
    if (this.#lines.length > MEMORY_LINES) this.#lines.splice(0, this.#lines.length - MEMORY_LINES);
    this.#append(`${line.at} ${stream === 'stderr' ? '' : `[${stream}] `}${line.text}\n`);
    this.#listener?.(line);
  }

  tail(count = MEMORY_LINES): LogLine[] {
    if (this.#parent) {
      const { log, mark } = this.#parent;
      return log
        .tail()
        .filter((line) => line.text.startsWith(mark))
        .slice(-count)
        .map((line) => ({ ...line, text: line.text.slice(mark.length) }));
    }
    return this.#lines.slice(-count);
  }

  #append(text: string): void {
    try {
      if (this.#fileBytes < 0) this.#fileBytes = fileSize(this.file);
      if (this.#fileBytes + text.length > MAX_FILE_BYTES) this.#rotate();
      appendFileSync(this.file, text, { mode: 0o600 });
      this.#fileBytes += Buffer.byteLength(text);
    } catch {
      // A full disk must not take the server down with it; the memory copy still has the line.
    }
  }

  #rotate(): void {
    rmSync(`${this.file}.${KEPT_FILES}`, { force: true });
    for (let n = KEPT_FILES - 1; n >= 1; n--) {
      try {
        renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
      } catch {
        // not there yet
      }
    }
    try {
      renameSync(this.file, `${this.file}.1`);
    } catch {
      // nothing to rotate
    }
    this.#fileBytes = 0;
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
