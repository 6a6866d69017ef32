// A change to the user's system outside the data dir (the `mcp-tray` command on PATH, the hub at
// login) as data: files to write, links to make, commands to run, files to delete. The plans are
// pure (one per OS, unit-tested on every OS from any OS); applyPlan carries one out here. Commands
// run without a shell; a command marked `bestEffort` may fail without undoing the rest (say,
// `systemctl --user` where no user manager runs), and its failure is reported.
import { execFile } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PlannedFile {
  readonly path: string;
  readonly content: string;
  readonly mode: number;
}

export interface PlannedCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** What it does, as "<verb> …" for the report: "link /usr/local/bin/mcp-tray (an administrator confirms)". */
  readonly purpose: string;
  readonly bestEffort?: boolean;
}

export interface SystemPlan {
  readonly writes: readonly PlannedFile[];
  readonly links: ReadonlyArray<{ readonly path: string; readonly target: string }>;
  readonly commands: readonly PlannedCommand[];
  readonly removes: readonly string[];
  /** What the user should know afterwards (a folder missing from PATH, a login needed). */
  readonly notes: readonly string[];
}

export const emptyPlan: SystemPlan = { writes: [], links: [], commands: [], removes: [], notes: [] };

export interface AppliedPlan {
  readonly done: readonly string[];
  /** Best-effort steps that failed, one line each. */
  readonly skipped: readonly string[];
  readonly notes: readonly string[];
}

export class PlanError extends Error {
  override readonly name = 'PlanError';
}

function run(command: PlannedCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command.command, [...command.args], { env: { ...process.env, ...command.env }, timeout: 120_000, windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const detail = (stderr || error.message).trim().split('\n')[0];
      reject(new PlanError(`could not ${command.purpose}: ${detail}`));
    });
  });
}

/** Carries a plan out: files, links, then commands; removals last. */
export async function applyPlan(plan: SystemPlan): Promise<AppliedPlan> {
  const done: string[] = [];
  const skipped: string[] = [];
  for (const file of plan.writes) {
    mkdirSync(path.dirname(file.path), { recursive: true, mode: 0o755 });
    writeFileSync(file.path, file.content, { mode: file.mode });
    chmodSync(file.path, file.mode);
    done.push(`wrote ${file.path}`);
  }
  for (const link of plan.links) {
    mkdirSync(path.dirname(link.path), { recursive: true, mode: 0o755 });
    rmSync(link.path, { force: true });
    symlinkSync(link.target, link.path);
    done.push(`linked ${link.path} → ${link.target}`);
  }
  for (const command of plan.commands) {
    try {
      await run(command);
      done.push(`${command.purpose}: done`);
    } catch (error) {
      if (!command.bestEffort) throw error;
      skipped.push((error as Error).message);
    }
  }
  for (const file of plan.removes) {
    if (exists(file)) {
      rmSync(file, { force: true });
      done.push(`removed ${file}`);
    }
  }
  return { done, skipped, notes: plan.notes };
}

export function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A word for a POSIX shell script, in single quotes. */
export function shQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
