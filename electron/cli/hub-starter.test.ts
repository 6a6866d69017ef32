// The start lock that lets one of several bridges start the hub (hub-starter.ts), on a temp dir.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCommand, startLockFile, takeStartLock } from './hub-starter.ts';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-lock-'));
/** A pid no process has (beyond the kernel's pid_max on Linux, far beyond anywhere else). */
const NO_SUCH_PID = 2 ** 30;

describe('the start lock', () => {
  it('has one owner; the next bridge learns who holds it', () => {
    const d = dir();
    const first = takeStartLock(d);
    expect(first.owner).toBe(true);
    const second = takeStartLock(d);
    expect(second).toEqual({ owner: false, holder: process.pid });
    if (first.owner) first.release();
    expect(existsSync(startLockFile(d))).toBe(false);
    expect(takeStartLock(d).owner).toBe(true);
  });

  it('takes over a lock whose owner is gone', () => {
    const d = dir();
    writeFileSync(startLockFile(d), JSON.stringify({ pid: NO_SUCH_PID, at: new Date().toISOString() }));
    expect(takeStartLock(d).owner).toBe(true);
    expect(JSON.parse(readFileSync(startLockFile(d), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock older than a start may take, even if its pid now belongs to someone', () => {
    const d = dir();
    writeFileSync(startLockFile(d), JSON.stringify({ pid: process.ppid, at: '2020-01-01T00:00:00Z' }));
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(startLockFile(d), old, old);
    expect(takeStartLock(d).owner).toBe(true);
  });

  it('release leaves a lock someone else took over alone', () => {
    const d = dir();
    const mine = takeStartLock(d);
    writeFileSync(startLockFile(d), JSON.stringify({ pid: 1234, at: 'later' }));
    if (mine.owner) mine.release();
    expect(existsSync(startLockFile(d))).toBe(true);
  });
});

describe('what a bridge starts', () => {
  it('the desktop app named by the entry, in the tray, without "run as Node"', () => {
    const start = startCommand('/data', { MCP_TRAY_APP: '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray', ELECTRON_RUN_AS_NODE: '1', HOME: '/h' });
    expect(start).toMatchObject({ command: '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray', args: ['--background', '--data-dir', '/data'], env: { HOME: '/h' } });
    expect(start.logFile).toBeUndefined();
  });

  it('else a headless serve --no-open with its output in the data dir', () => {
    const start = startCommand('/data', { HOME: '/h' }, { command: '/node', args: ['/repo/bin/mcp-tray.js'], env: {} });
    expect(start).toMatchObject({ command: '/node', args: ['/repo/bin/mcp-tray.js', 'serve', '--no-open', '--data-dir', '/data'], logFile: path.join('/data', 'logs', 'hub.log') });
  });
});
