// Keeps the official filesystem server away from denied paths by guarding the file system calls of
// this process, below the server's own code: every path a call is given is checked (as written and
// with symlinks resolved) before the call runs, and directory listings leave denied entries out.
// Guarding here rather than in each tool covers every tool of the package alike (read, write, move,
// info, list, tree, search, the ones added later) and every path it resolves on its own: relative
// paths against its roots, "..", symlinks, Unicode-equivalent names.
//
// Installed before the official server is imported: its modules read `fs/promises` functions off
// the shared module object at call time, and `syncBuiltinESMExports` carries the patches to named
// imports (`import { createReadStream } from "fs"`).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeniedPaths } from './denied-paths.ts';

export class DeniedPathError extends Error {
  readonly code = 'EACCES';
  constructor(target: string) {
    super(`Access denied - ${target} is protected by MCP Tray (its own data, or a credential store listed in its settings)`);
  }
}

type AnyFn = (...args: unknown[]) => unknown;

/** fs/promises functions whose first argument (and, for these, second) is a path. */
const ONE_PATH = ['access', 'appendFile', 'chmod', 'chown', 'lchown', 'lutimes', 'lstat', 'mkdir', 'open', 'readFile', 'readlink', 'realpath', 'rm', 'rmdir', 'stat', 'statfs', 'truncate', 'unlink', 'utimes', 'writeFile', 'mkdtemp'] as const;
const TWO_PATHS = ['copyFile', 'cp', 'link', 'rename', 'symlink'] as const;
const SYNC_AND_STREAMS = ['createReadStream', 'createWriteStream', 'readFileSync', 'writeFileSync', 'statSync', 'lstatSync', 'openSync', 'accessSync', 'readdirSync', 'opendirSync'] as const;

export function installFsGuard(denied: DeniedPaths): void {
  if (denied.size === 0) return;
  const check = (target: unknown) => {
    const p = pathOf(target);
    if (p !== undefined && denied.denies(p)) throw new DeniedPathError(p);
  };
  const promises = fsp as unknown as Record<string, AnyFn>;
  for (const name of ONE_PATH) wrapAsync(promises, name, (args) => check(args[0]));
  for (const name of TWO_PATHS) wrapAsync(promises, name, (args) => (check(args[0]), check(args[1])));
  // realpath is how the server resolves every path it is given: deny what it resolves to as well.
  const realpath = promises.realpath!;
  promises.realpath = async function (...args: unknown[]) {
    const resolved = (await realpath.apply(this, args)) as string;
    check(resolved);
    return resolved;
  };
  const readdir = promises.readdir!;
  promises.readdir = async function (...args: unknown[]) {
    check(args[0]);
    const entries = (await readdir.apply(this, args)) as Array<string | Buffer | fs.Dirent>;
    const dir = pathOf(args[0])!;
    return entries.filter((entry) => {
      const name = typeof entry === 'string' ? entry : Buffer.isBuffer(entry) ? entry.toString() : entry.name;
      return !denied.denies(path.join(dir, name));
    });
  };
  const opendir = promises.opendir!;
  promises.opendir = async function (...args: unknown[]) {
    check(args[0]);
    const dir = (await opendir.apply(this, args)) as fs.Dir;
    const base = pathOf(args[0])!;
    const read = dir.read.bind(dir);
    (dir as unknown as { read: () => Promise<fs.Dirent | null> }).read = async () => {
      for (;;) {
        const entry = await read();
        if (!entry || !denied.denies(path.join(base, entry.name))) return entry;
      }
    };
    return dir;
  };

  const sync = fs as unknown as Record<string, AnyFn>;
  for (const name of SYNC_AND_STREAMS) wrapSync(sync, name, (args) => check(args[0]));
  const existsSync = sync.existsSync!;
  sync.existsSync = (...args: unknown[]) => {
    const p = pathOf(args[0]);
    return p !== undefined && denied.denies(p) ? false : existsSync(...args);
  };
  const fsPromises = (fs as unknown as { promises: Record<string, AnyFn> }).promises;
  if (fsPromises !== promises) for (const name of Object.keys(promises)) fsPromises[name] = promises[name]!;
  module.syncBuiltinESMExports();
}

function wrapAsync(target: Record<string, AnyFn>, name: string, before: (args: unknown[]) => void): void {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = async function (this: unknown, ...args: unknown[]) {
    before(args);
    return original.apply(this, args);
  };
}

function wrapSync(target: Record<string, AnyFn>, name: string, before: (args: unknown[]) => void): void {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (this: unknown, ...args: unknown[]) {
    before(args);
    return original.apply(this, args);
  };
}

/** The path a call was given: a string, a Buffer, or a file: URL; undefined for a file handle. */
function pathOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString();
  if (value instanceof URL) return value.protocol === 'file:' ? fileURLToPath(value) : undefined;
  return undefined;
}
