// Reading a client's config and changing it safely: one writer per file inside the hub (and
// Cline's lock directory where it applies), re-read right before the change, a backup of what was
// there, then an atomic write. A file that does not parse is never written; the error names the
// file, line and column.
import path from 'node:path';
import type { Backups } from './backups.ts';
import type { ClientSpec } from './client-table.ts';
import { ConfigSyntaxError } from './config-formats/config-syntax-error.ts';
import { EntryEditError } from './config-formats/entry-format.ts';
import { formatFor } from './config-formats/format-for-client.ts';
import { KeyedMutex, LockBusyError, withLockDirectory } from './file-locks.ts';
import { readConfigText, removeFile, writeFileAtomic } from './safe-write.ts';

export interface ConfigState {
  readonly path: string;
  /** null: the file does not exist. */
  readonly text: string | null;
  /** The servers configured, when the file parsed. */
  readonly entries?: Record<string, unknown>;
  /** Why the file cannot be used: "<path>:<line>:<col>: <reason>" or a read error. */
  readonly problem?: string;
}

/** A user-facing one-line message for a failure to read, parse or edit a config. */
export function describeConfigError(file: string, error: unknown): string {
  if (error instanceof ConfigSyntaxError) return `${file}:${error.line}:${error.column}: ${error.reason}`;
  if (error instanceof EntryEditError || error instanceof LockBusyError) return `${file}: ${error.message}`;
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `${file}: permission denied`;
  if (err.code === 'EISDIR') return `${file}: is a folder, not a file`;
  return `${file}: ${err.message ?? String(error)}`;
}

export async function readConfig(client: ClientSpec, file: string): Promise<ConfigState> {
  let text: string | null;
  try {
    text = await readConfigText(file);
  } catch (error) {
    return { path: file, text: null, problem: describeConfigError(file, error) };
  }
  try {
    return { path: file, text, entries: formatFor(client).read(text ?? '') };
  } catch (error) {
    return { path: file, text, problem: describeConfigError(file, error) };
  }
}

export interface EditOutcome {
  readonly before: string | null;
  /** null: the file was (or would be) deleted. */
  readonly after: string | null;
  readonly changed: boolean;
  /** The backup taken before the change (an existing file only). */
  readonly backup?: string;
}

/** The new text for a file's current text ('' when missing); null deletes the file. */
export type Transform = (text: string, existed: boolean) => string | null;

export interface EditOptions {
  readonly dryRun?: boolean;
  readonly newFileMode?: number;
  /** The backups folder to use instead of the client's own (a project's file: backups.projectBackupKey). */
  readonly backupAs?: string;
}

export class ConfigEditor {
  readonly #backups: Backups;
  readonly #mutex = new KeyedMutex();

  constructor(backups: Backups) {
    this.#backups = backups;
  }

  /** Holds the file's writer slot (and its lock directory) while `work` runs. */
  async exclusive<T>(client: ClientSpec, file: string, work: () => Promise<T>): Promise<T> {
    // Keyed by the path as the table gives it: stable whether or not the file exists yet.
    return this.#mutex.run(path.resolve(file), () => (client.lockDirectory ? withLockDirectory(file, work) : work()));
  }

  /** Applies `transform` to the file's current text; with dryRun only computes the result. */
  async edit(client: ClientSpec, file: string, transform: Transform, options: EditOptions = {}): Promise<EditOutcome> {
    return options.dryRun ? this.editHeld(client, file, transform, options) : this.exclusive(client, file, () => this.editHeld(client, file, transform, options));
  }

  /** `edit` for a caller that already holds the file (inside `exclusive`). */
  async editHeld(client: ClientSpec, file: string, transform: Transform, options: EditOptions = {}): Promise<EditOutcome> {
    const before = await readConfigText(file);
    const after = transform(before ?? '', before !== null);
    const changed = after === null ? before !== null : after !== before;
    if (!changed || options.dryRun) return { before, after, changed };
    const backup = before !== null ? await this.#backups.save(options.backupAs ?? client.id, file, before) : undefined;
    if (after === null) await removeFile(file);
    else await writeFileAtomic(file, after, { newFileMode: options.newFileMode });
    return { before, after, changed, backup };
  }

  /** Backs up the file as it is now (before a client's own CLI changes it). */
  async backupNow(client: ClientSpec, file: string, backupAs?: string): Promise<string | undefined> {
    const text = await readConfigText(file).catch(() => null);
    return text === null ? undefined : this.#backups.save(backupAs ?? client.id, file, text);
  }
}
