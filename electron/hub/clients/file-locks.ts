// Serializing writers of one config file. Inside the hub: an async mutex per path, so parallel
// install/uninstall requests (separate CLI processes → separate control requests) run one after
// the other. Across programs: Cline's own convention, a `<file>.lock` directory that its owner
// creates by renaming a staging directory holding a marker into place, stale after 10 s.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

const STALE_MS = 10_000;
const WAIT_MS = 5_000;

export class LockBusyError extends Error {
  override readonly name = 'LockBusyError';
}

/** Holds `<file>.lock` (Cline's convention) while `work` runs. */
export async function withLockDirectory<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await mkdir(path.dirname(file), { recursive: true });
  const staging = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(staging);
  await writeFile(path.join(staging, 'owner.json'), JSON.stringify({ pid: process.pid, owner: 'mcp-tray', since: new Date().toISOString() }));
  const deadline = Date.now() + WAIT_MS;
  try {
    for (;;) {
      try {
        await rename(staging, lock);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM' && code !== 'EACCES') throw error;
        const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
        if (age > STALE_MS) await rm(lock, { recursive: true, force: true });
        else if (Date.now() > deadline) throw new LockBusyError(`${lock} is held by another program (Cline is writing its settings); try again in a moment`);
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
