// The pinned tool definitions on disk: one file in the data dir (0600), written whole and renamed
// into place so a crash leaves the old or the new file, never half of one.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PinnedDefinition } from './tool-definition.ts';

export interface ServerPins {
  /** The definitions the user trusts, by tool name. */
  tools: Record<string, PinnedDefinition>;
  /** Definitions the user rejected, by tool name: the digest of what was rejected. */
  rejected: Record<string, string>;
}

export interface PinFile {
  version: 1;
  servers: Record<string, ServerPins>;
}

export const PIN_FILE = 'tool-pins.json';

export class PinStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, PIN_FILE);
  }

  /** The file's pins; none when there is no file yet. A file that cannot be read is an error: pins are not silently dropped. */
  read(): PinFile {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, servers: {} };
      throw error;
    }
    const value = JSON.parse(text) as PinFile;
    if (value?.version !== 1 || typeof value.servers !== 'object' || value.servers === null) throw new Error(`${this.file} is not a pin file MCP Tray can read`);
    return value;
  }

  write(pins: PinFile): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(pins, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
