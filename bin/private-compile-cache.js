// Where Node keeps compiled (and type-stripped) modules between runs. Its default folder is in the
// shared /tmp, where another local user could create it first and plant the compiled form of our
// modules for the hub to run. So the cache lives in the user's own cache folder, made 0700, and is
// used only when that folder and its parent are the user's own and nobody else may write them.
// Plain JavaScript: it runs before the cache is on, and a TypeScript file here would load Node's
// type stripper (about 10 MB that then stays in every idle hub).
import { lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `$XDG_CACHE_HOME/mcp-tray/node-compile-cache`, or under `~/.cache`. */
export function compileCacheFolder(env = process.env) {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'mcp-tray', 'node-compile-cache');
}

/** The folder, made if missing; undefined when it is not safe to use (then no cache is used). */
export function privateCompileCacheFolder(env = process.env) {
  const folder = compileCacheFolder(env);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return [folder, path.dirname(folder)].every(ownedAndPrivate) ? folder : undefined;
  } catch {
    return undefined;
  }
}

function ownedAndPrivate(folder) {
  const stat = lstatSync(folder);
  const uid = process.getuid?.();
  return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
}
