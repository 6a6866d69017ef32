// The data dir holds the call log (other clients' arguments), server logs, backups of IDE configs
// with tokens in them: only its user may read it. New files are made 0600 and folders 0700; this
// tightens what an older version, a copy or a restore left looser, at every start of the hub.
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * What MCP Tray keeps in the data dir. Only these are touched: a data dir chosen by hand may hold
 * other things (Chromium's own profile of the desktop app is in `chromium`, managed by Chromium).
 */
const OURS = [
  'settings.json', 'calls.sqlite', 'calls.sqlite-wal', 'calls.sqlite-shm', 'journal', 'logs', 'backups', 'cache', 'children.pid.json',
  'client-installs.json', 'memory.jsonl', 'memory', 'app-bridge', 'sandbox',
];
const MAX_DEPTH = 6;

/** Makes every file 0600 and every folder 0700 that others could read; returns what it changed. */
export function tightenDataDir(dataDir: string): string[] {
  if (process.platform === 'win32') return [];
  const changed: string[] = [];
  const visit = (target: string, depth: number) => {
    let stat;
    try {
      stat = lstatSync(target);
    } catch {
      return;
    }
    // Never follow a link: it may point anywhere, and its own mode means nothing.
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0 && (stat.isFile() || stat.isDirectory())) {
      try {
        chmodSync(target, stat.isDirectory() ? 0o700 : 0o600);
        changed.push(target);
      } catch {
        // not ours to change (another user's file in our folder is reported by its mode staying)
      }
    }
    if (stat.isDirectory() && depth < MAX_DEPTH) {
      let names: string[];
      try {
        names = readdirSync(target);
      } catch {
        return;
      }
      for (const name of names) if (depth > 0 || OURS.includes(name) || name.startsWith('settings.json')) visit(path.join(target, name), depth + 1);
    }
  };
  visit(dataDir, 0);
  return changed;
}
