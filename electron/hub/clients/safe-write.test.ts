import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backups, KEEP_BACKUPS } from './backups.ts';
import { KeyedMutex, withLockDirectory, LockBusyError } from './file-locks.ts';
import { writeFileAtomic } from './safe-write.ts';

const temp = () => mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-safe-write-'));

describe('atomic writes', () => {
  it('keeps the mode of the file it replaces and leaves no temp file', async () => {
    const dir = temp();
    const file = path.join(dir, 'c.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['c.json']);
  });

  it('creates missing folders, and writes through a symlink to its target', async () => {
    const dir = temp();
    await writeFileAtomic(path.join(dir, 'a', 'b', 'c.json'), '{}', { newFileMode: 0o600 });
    expect(statSync(path.join(dir, 'a', 'b', 'c.json')).mode & 0o777).toBe(0o600);
    const target = path.join(dir, 'dotfiles.json');
    writeFileSync(target, 'old');
    symlinkSync(target, path.join(dir, 'link.json'));
    await writeFileAtomic(path.join(dir, 'link.json'), 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(path.join(dir, 'link.json')).isFile()).toBe(true);
  });
});

describe('backups', () => {
  it(`are 0600, skip a copy identical to the newest, and keep the last ${KEEP_BACKUPS}`, async () => {
    const backups = new Backups(temp());
    const first = await backups.save('cursor', '/x/mcp.json', 'v0');
    expect(statSync(first).mode & 0o777).toBe(0o600);
    expect(await backups.save('cursor', '/x/mcp.json', 'v0')).toBe(first);
    for (let i = 1; i <= 7; i++) await backups.save('cursor', '/x/mcp.json', `v${i}`);
    const kept = await backups.list('cursor', '/x/mcp.json');
    expect(kept.map((f) => readFileSync(f, 'utf8'))).toEqual(['v3', 'v4', 'v5', 'v6', 'v7']);
    expect(await backups.holding('cursor', '/x/mcp.json', ['v5'])).toEqual([kept[2]]);
  });
});

describe('locks', () => {
  it('runs work for one key one at a time', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    const job = (name: string, ms: number) =>
      mutex.run('k', async () => {
        order.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name}-`);
      });
    await Promise.all([job('a', 30), job('b', 1), job('c', 1)]);
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('waits for a fresh Cline lock directory and takes over a stale one', async () => {
    const dir = temp();
    const file = path.join(dir, 'cline_mcp_settings.json');
    const { mkdirSync, utimesSync, existsSync, rmSync } = await import('node:fs');
    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'owner'), 'cline');
    let ran = false;
    const waiting = withLockDirectory(file, async () => {
      ran = true;
      expect(existsSync(path.join(`${file}.lock`, 'owner.json'))).toBe(true);
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(ran).toBe(false);
    rmSync(`${file}.lock`, { recursive: true });
    await waiting;
    expect(ran).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);

    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'owner'), 'crashed');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await withLockDirectory(file, async () => undefined);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('gives up on a lock another program keeps holding, with LockBusyError, and leaves its lock alone', async () => {
    const dir = temp();
    const file = path.join(dir, 'cline_mcp_settings.json');
    const { mkdirSync, readdirSync, readFileSync } = await import('node:fs');
    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'owner'), 'cline');
    let ran = false;
    const started = Date.now();
    const error = await withLockDirectory(file, async () => {
      ran = true;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as Error).message).toBe(`${file}.lock is held by another program (Cline is writing its settings); try again in a moment`);
    // It waited (about 5 s) before giving up, and never ran the work.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(ran).toBe(false);
    // Cline's lock is untouched and our staging directory is gone.
    expect(readFileSync(path.join(`${file}.lock`, 'owner'), 'utf8')).toBe('cline');
    expect(readdirSync(dir).sort()).toEqual(['cline_mcp_settings.json.lock']);
  }, 15_000);
});
