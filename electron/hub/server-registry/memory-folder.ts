// The memory server's file lives in a folder of its own inside the data dir (`memory/memory.jsonl`):
// it saves by writing a temporary file beside the memory file and renaming it over, so a sandbox must
// let it write that folder, and the data dir itself (the call log, the logs, settings) stays hidden.
// Earlier versions kept the file directly in the data dir; at start it moves into its folder.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../settings/schema.ts';

export const MEMORY_FOLDER = 'memory';

export function defaultMemoryFile(dataDir: string): string {
  return path.join(dataDir, MEMORY_FOLDER, 'memory.jsonl');
}

/**
 * Moves a memory file kept directly in the data dir into its folder (the file, when it exists,
 * and the setting), so the sandbox can give the server that folder alone.
 */
export function memoryFileIntoItsFolder(settings: Settings, dataDir: string): Settings {
  const root = path.resolve(dataDir);
  let changed = false;
  const servers = settings.servers.map((def) => {
    if (def.kind !== 'bundled' || def.bundled !== 'memory') return def;
    const file = def.options.memoryFile;
    if (typeof file !== 'string' || path.dirname(path.resolve(file)) !== root) return def;
    const moved = path.join(root, MEMORY_FOLDER, path.basename(file));
    try {
      mkdirSync(path.dirname(moved), { recursive: true, mode: 0o700 });
      if (existsSync(file) && !existsSync(moved)) renameSync(file, moved);
    } catch {
      return def; // left where it is: the sandbox then refuses it, and says why
    }
    changed = true;
    return { ...def, options: { ...def.options, memoryFile: moved } };
  });
  return changed ? { ...settings, servers } : settings;
}
