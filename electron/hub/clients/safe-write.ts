// Writing a client's config without ever leaving it half-written: a temp file in the same folder,
// flushed to disk, given the original's mode, then renamed over the original. A config that is a
// symlink (dotfile managers) is written through to its target so the link survives. Missing
// folders are created.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The file's text, or null when it does not exist. Other read errors (EACCES, EISDIR) throw. */
export async function readConfigText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The path a write must replace: the symlink's target, or the path itself. */
export async function writeTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
}

export interface WriteOptions {
  /** Mode for a file that does not exist yet (an existing file keeps its own). */
  readonly newFileMode?: number;
}

export async function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): Promise<void> {
  const target = await writeTarget(file);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const mode = await stat(target).then(
    (s) => s.mode & 0o7777,
    () => options.newFileMode ?? 0o644,
  );
  const temp = path.join(dir, `.${path.basename(target)}.mcp-tray-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    // The umask may have narrowed the mode given to open().
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

export async function removeFile(file: string): Promise<void> {
  await rm(await writeTarget(file), { force: true });
  await syncDir(path.dirname(file));
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
