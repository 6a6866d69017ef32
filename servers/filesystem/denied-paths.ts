// Paths the filesystem server must never touch, whatever its roots: MCP Tray's own data folder
// (call log, server logs, backups of IDE configs holding tokens) and the credential stores the user
// lists. A path is denied when it, or what it really is (every symlink resolved), is a denied path
// or inside one. On macOS and Windows, whose file systems ignore case (and, on macOS, Unicode
// normalization), names are compared folded, so "~/.SSH" or a decomposed "é" cannot slip past.
import { readlinkSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Taken before the file system guard wraps the module's functions (fs-guard.ts), which call back here.
const nativeRealpath = realpathSync.native;
const nativeReadlink = readlinkSync;
/** As the kernel's own limit on symlinks in one lookup (ELOOP). */
const MAX_LINKS = 40;

export class DeniedPaths {
  /** Each denied path as written and as it really is, folded for comparison. */
  readonly #entries: string[];
  readonly #fold: (p: string) => string;

  constructor(paths: readonly string[], platform: NodeJS.Platform = process.platform) {
    const caseInsensitive = platform === 'darwin' || platform === 'win32';
    this.#fold = caseInsensitive ? (p) => p.normalize('NFC').toLowerCase() : (p) => p;
    const forms = new Set<string>();
    for (const raw of paths) {
      if (!raw) continue;
      const absolute = path.resolve(expandHome(raw));
      forms.add(this.#fold(absolute));
      forms.add(this.#fold(realPathOf(absolute)));
    }
    this.#entries = [...forms];
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Whether `target` (absolute, or relative to the working folder) is denied, as written or resolved. */
  denies(target: string): boolean {
    if (this.#entries.length === 0) return false;
    const absolute = path.resolve(target);
    return this.#inside(absolute) || this.#inside(realPathOf(absolute));
  }

  #inside(candidate: string): boolean {
    const folded = this.#fold(candidate);
    return this.#entries.some((entry) => folded === entry || folded.startsWith(entry.endsWith(path.sep) ? entry : entry + path.sep));
  }
}

/**
 * The real path of `target`: symlinks resolved as far as the path exists, the rest appended as
 * written (a file about to be created in a denied folder is inside it too). A symlink whose target
 * cannot be resolved (it does not exist yet, or the sandbox hides it from this process) is followed
 * by what it says, so a link into a denied folder is known as such either way.
 */
export function realPathOf(target: string, links = 0): string {
  const rest: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(nativeRealpath(current), ...rest.reverse());
    } catch {
      const link = readLink(current);
      if (link !== undefined && links < MAX_LINKS) return realPathOf(path.join(path.resolve(path.dirname(current), link), ...rest.reverse()), links + 1);
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(target);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function readLink(file: string): string | undefined {
  try {
    return nativeReadlink(file);
  } catch {
    return undefined;
  }
}

function expandHome(value: string): string {
  if (value === '~') return os.homedir();
  if (value.startsWith('~/') || value.startsWith('~\\')) return path.join(os.homedir(), value.slice(2));
  return value;
}

/** The denied paths the hub passed in MCP_TRAY_DENIED_PATHS (a JSON array), or none. */
export function deniedPathsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.MCP_TRAY_DENIED_PATHS;
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) throw new Error('MCP_TRAY_DENIED_PATHS must be a JSON array of paths');
  return parsed;
}
