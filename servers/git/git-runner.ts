// Runs the git CLI: execFile (never a shell), in the repository's folder, with an environment that
// cannot redirect git elsewhere (no inherited GIT_DIR & co.), never prompts, never pages, and with
// stdout capped with an explicit "[truncated …]" marker.
import { execFile, type ExecFileException } from 'node:child_process';
import { capOutput } from '../common/output-cap.ts';

export interface GitRunOptions {
  /** Read commands must not take optional locks (e.g. `git status` refreshing the index). */
  readonly readOnly: boolean;
  readonly timeoutMs?: number;
  /**
   * Default true: every pathspec is literal (`--literal-pathspecs`). `git stash push -u` breaks
   * under that flag (git 2.39 leaves untracked files behind), so stash passes `:(literal)` per path.
   */
  readonly literalPathspecs?: boolean;
}

export class GitError extends Error {
  override readonly name = 'GitError';
}

const READ_TIMEOUT_MS = 30_000;
const WRITE_TIMEOUT_MS = 60_000;
// Global options every call gets: no pager, no colour, paths printed as they are.
const GLOBAL_ARGS = ['--no-pager', '-c', 'color.ui=never', '-c', 'core.quotePath=false', '-c', 'advice.statusHints=false'];
// A path is a path, not `:(glob)` or `:(top)` magic.
const LITERAL = '--literal-pathspecs';

export class GitRunner {
  readonly maxOutputBytes: number;

  constructor(maxOutputBytes: number) {
    this.maxOutputBytes = maxOutputBytes;
  }

  /** git's stdout (capped) on success; throws GitError with git's own message otherwise. */
  run(repo: string, args: readonly string[], options: GitRunOptions): Promise<string> {
    const timeout = options.timeoutMs ?? (options.readOnly ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS);
    // Enough to count what the cap leaves out in ordinary cases; beyond it git is stopped.
    const maxBuffer = Math.max(this.maxOutputBytes * 16, 8 * 1024 * 1024);
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        [...GLOBAL_ARGS, ...(options.literalPathspecs === false ? [] : [LITERAL]), ...args],
        { cwd: repo, env: gitEnvironment(options.readOnly), encoding: 'buffer', maxBuffer, timeout, windowsHide: true },
        (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => {
          if (error?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve(capOutput(stdout, this.maxOutputBytes, true));
          if (error) {
            const command = `git ${args[0] ?? ''}`;
            if (error.killed && !error.code) return reject(new GitError(`${command} did not finish within ${timeout / 1000} s and was stopped`));
            if (typeof error.code === 'string') return reject(new GitError(`${command} could not run: ${error.message}`));
            const said = (stderr.length > 0 ? stderr : stdout).toString('utf8').trim();
            return reject(new GitError(`${command} failed (exit ${error.code ?? 'unknown'}): ${capOutput(said, 8 * 1024)}`));
          }
          resolve(capOutput(stdout, this.maxOutputBytes));
        },
      );
      // Nothing is ever typed into git: a hook or credential helper waiting for input gets EOF.
      child.stdin?.end();
    });
  }
}

/** The inherited environment minus every GIT_* variable, plus settings that keep git non-interactive. */
export function gitEnvironment(readOnly: boolean, source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(source)) if (!name.startsWith('GIT_') && value !== undefined) env[name] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_PAGER = 'cat';
  env.GIT_EDITOR = 'true';
  if (readOnly) env.GIT_OPTIONAL_LOCKS = '0';
  return env;
}
