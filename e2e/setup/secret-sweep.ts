// The last suite of `npm test`: no secret a test stored may be left anywhere the run wrote. Every
// value in the ledger (MCP_TRAY_SECRET_LEDGER, filled by e2e/helpers/test-secrets.ts) is searched for,
// byte for byte, in every file under the temp folders the run made (os.tmpdir()/mcp-tray-*, created
// since MCP_TRAY_RUN_STARTED) and in the runner's HOME when that is such a temp folder. Left out: the
// test keyring (gnome-keyring's own files, where secrets belong), the PostgreSQL cluster of the
// tests (the server keeps its role's password hash), and the ledger itself. Exits 1 naming each file.
//
//   node e2e/setup/secret-sweep.ts [DIR...]     (DIRs instead of the temp folders, for checking the sweep)
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SKIPPED_PREFIXES = ['mcp-tray-keyring-', 'mcp-tray-pg-', 'mcp-tray-ledger-', 'mcp-tray-reports-'];
const CHUNK = 8 * 1024 * 1024;

export function readLedger(file: string): string[] {
  if (!existsSync(file)) return [];
  const values = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string);
  return [...new Set(values)].filter((v) => v.length >= 8);
}

/** The temp folders this run made: os.tmpdir()/mcp-tray-*, not older than the run. */
export function runFolders(tmp: string, startedMs: number): string[] {
  return readdirSync(tmp)
    .filter((name) => name.startsWith('mcp-tray-') && !SKIPPED_PREFIXES.some((p) => name.startsWith(p)))
    .map((name) => path.join(tmp, name))
    .filter((dir) => {
      const stat = lstatSync(dir, { throwIfNoEntry: false });
      return stat?.isDirectory() && Math.max(stat.birthtimeMs || 0, stat.ctimeMs) >= startedMs - 1000;
    });
}

function* filesUnder(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = lstatSync(file, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) {
      if (!SKIPPED_PREFIXES.some((p) => name.startsWith(p))) yield* filesUnder(file);
    } else if (stat.isFile()) yield file;
  }
}

/** Which secrets a file holds, read in chunks that overlap by the longest secret. */
function secretsIn(file: string, needles: readonly Buffer[], longest: number): number[] {
  const found = new Set<number>();
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const buffer = Buffer.alloc(CHUNK + longest);
    let carry = 0;
    for (;;) {
      const read = readSync(fd, buffer, carry, CHUNK, null);
      if (read <= 0) break;
      const view = buffer.subarray(0, carry + read);
      needles.forEach((needle, index) => {
        if (view.includes(needle)) found.add(index);
      });
      carry = Math.min(longest, view.length);
      view.copy(buffer, 0, view.length - carry);
    }
  } finally {
    closeSync(fd);
  }
  return [...found];
}

export function sweep(folders: readonly string[], secrets: readonly string[]): Array<{ file: string; secrets: string[] }> {
  const needles = secrets.map((s) => Buffer.from(s));
  const longest = Math.max(0, ...needles.map((n) => n.length));
  const leaks: Array<{ file: string; secrets: string[] }> = [];
  for (const folder of folders) {
    for (const file of filesUnder(folder)) {
      const hits = secretsIn(file, needles, longest);
      if (hits.length) leaks.push({ file, secrets: hits.map((i) => secrets[i]!) });
    }
  }
  return leaks;
}

if (import.meta.main) {
  const ledger = process.env.MCP_TRAY_SECRET_LEDGER;
  if (!ledger) {
    process.stderr.write('secret sweep: MCP_TRAY_SECRET_LEDGER is not set (run it through e2e/setup/run-suites.ts)\n');
    process.exit(2);
  }
  const secrets = readLedger(ledger);
  const started = Number(process.env.MCP_TRAY_RUN_STARTED ?? 0);
  const explicit = process.argv.slice(2);
  const folders = explicit.length ? explicit : runFolders(os.tmpdir(), started);
  const home = process.env.HOME;
  if (!explicit.length && home && home.startsWith(path.join(os.tmpdir(), 'mcp-tray-')) && !folders.includes(home)) folders.push(home);
  const leaks = sweep(folders, secrets);
  process.stdout.write(`secret sweep: ${secrets.length} secret(s) from the ledger, searched in ${folders.length} folder(s)\n`);
  for (const leak of leaks) process.stdout.write(`  LEAK ${leak.file}: ${leak.secrets.map((s) => `${s.slice(0, 10)}…`).join(', ')}\n`);
  if (leaks.length) {
    process.stdout.write(`secret sweep: ${leaks.length} file(s) hold a secret a test stored\n`);
    process.exit(1);
  }
  process.stdout.write('secret sweep: no secret found\n');
}
