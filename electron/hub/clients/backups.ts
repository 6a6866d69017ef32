// Copies of a client's config taken before MCP Tray changes it: in the data dir, per client, mode
// 0600 (an imported config still holds plaintext tokens), the last 5 kept per file.
import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const KEEP_BACKUPS = 5;

/**
 * Where backups of a client's file in a project folder go: a folder of their own per project
 * (`<client>/projects/<hash of the folder>`), so two projects' `.mcp.json` (or a project's
 * `.gemini/settings.json` and the user's) never count against each other's last five.
 */
export function projectBackupKey(clientId: string, project: string): string {
  return path.join(clientId, 'projects', createHash('sha256').update(project).digest('hex').slice(0, 16));
}

export class Backups {
  readonly #root: string;

  constructor(backupsDir: string) {
    this.#root = backupsDir;
  }

  folderOf(clientId: string): string {
    return path.join(this.#root, clientId);
  }

  /** Saves `text` as the newest backup of `file` (unless the newest already holds it); returns its path. */
  async save(clientId: string, file: string, text: string): Promise<string> {
    const existing = await this.list(clientId, file);
    const newest = existing.at(-1);
    if (newest && (await readFile(newest, 'utf8').catch(() => null)) === text) return newest;
    const dir = this.folderOf(clientId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    // Millisecond stamps sort by name; writes to one file are serialized, so a clash is a retry away.
    let target = backupName(dir, file);
    while (await exists(target)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      target = backupName(dir, file);
    }
    await writeFile(target, text, { mode: 0o600, flag: 'wx' });
    await chmod(target, 0o600);
    const all = await this.list(clientId, file);
    for (const old of all.slice(0, Math.max(0, all.length - KEEP_BACKUPS))) await rm(old, { force: true });
    return target;
  }

  /** Backups of `file`, oldest first. */
  async list(clientId: string, file: string): Promise<string[]> {
    const dir = this.folderOf(clientId);
    const prefix = `${path.basename(file)}.`;
    const names = await readdir(dir).catch(() => [] as string[]);
    return names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.bak'))
      .sort()
      .map((n) => path.join(dir, n));
  }

  /** Backups of `file` that contain any of `values` (plaintext secrets an import moved to the keychain). */
  async holding(clientId: string, file: string, values: readonly string[]): Promise<string[]> {
    if (values.length === 0) return [];
    const found: string[] = [];
    for (const backup of await this.list(clientId, file)) {
      const text = await readFile(backup, 'utf8').catch(() => '');
      if (values.some((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)))) found.push(backup);
    }
    return found;
  }
}

function backupName(dir: string, file: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  return path.join(dir, `${path.basename(file)}.${stamp}.bak`);
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}
