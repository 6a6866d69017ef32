// Which repositories and paths a call may touch: only the repositories the user listed (each the
// top of a git work tree), only paths that resolve (symlinks followed) inside that repository, and
// no value that git could read as an option.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { GitError, type GitRunner } from './git-runner.ts';

/** A call was refused before git ran; the message says why and what is allowed. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}

export interface RepoProblem {
  readonly path: string;
  readonly reason: string;
}

/** Refuses values git could take for an option (`--upload-pack=…`, `-D`); returns the value otherwise. */
export function refuseOptionLike(value: string, what: string): string {
  if (value.startsWith('-')) throw new RefusedError(`refused: ${what} "${value}" starts with "-" and could be read by git as an option`);
  if (value.includes('\0')) throw new RefusedError(`refused: ${what} contains a NUL byte`);
  if (value.trim() === '') throw new RefusedError(`refused: ${what} is empty`);
  return value;
}

export class RepoGuard {
  /** Real paths of the usable repositories, in the order the user listed them. */
  readonly repos: readonly string[];
  /** Listed paths that are not usable, with the reason (shown by git_list_repos, logged at start). */
  readonly problems: readonly RepoProblem[];

  constructor(repos: readonly string[], problems: readonly RepoProblem[]) {
    this.repos = repos;
    this.problems = problems;
  }

  /** Checks each listed path: it must exist and be the top folder of a (non-bare) git work tree. */
  static async load(listed: readonly string[], git: GitRunner): Promise<RepoGuard> {
    const repos: string[] = [];
    const problems: RepoProblem[] = [];
    for (const given of listed) {
      let real: string;
      try {
        real = realpathSync(path.resolve(given));
      } catch (error) {
        problems.push({ path: given, reason: `cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
        continue;
      }
      try {
        const top = (await git.run(real, ['rev-parse', '--show-toplevel'], { readOnly: true })).trim();
        const realTop = realpathSync(top);
        if (realTop !== real) {
          problems.push({ path: given, reason: `is inside the repository ${realTop}, not its top folder; list ${realTop} instead` });
          continue;
        }
      } catch (error) {
        problems.push({ path: given, reason: error instanceof GitError ? 'is not a git work tree' : (error as Error).message });
        continue;
      }
      if (!repos.includes(real)) repos.push(real);
    }
    return new RepoGuard(repos, problems);
  }

  /** The allowed repository a call names (the only one when there is one and the call names none). */
  repoFor(requested: string | undefined): string {
    if (this.repos.length === 0) {
      throw new RefusedError('no repositories are configured for this git server; add one in MCP Tray (Git → repositories) or start it with --repo PATH');
    }
    if (requested === undefined || requested === '') {
      if (this.repos.length === 1) return this.repos[0]!;
      throw new RefusedError(`several repositories are allowed; pass "repo" as one of: ${this.repos.join(', ')}`);
    }
    refuseOptionLike(requested, 'repo');
    if (!path.isAbsolute(requested)) throw new RefusedError(`refused: repo must be an absolute path; allowed: ${this.repos.join(', ')}`);
    const resolved = realOrResolved(requested);
    const repo = this.repos.find((root) => resolved === root || resolved.startsWith(root + path.sep));
    if (!repo) throw new RefusedError(`refused: ${requested} is not one of the allowed repositories: ${this.repos.join(', ')}`);
    return repo;
  }

  /**
   * Paths (relative to the repository or absolute) as paths relative to its top, for after `--`.
   * Symlinks are followed: a link that leads outside the repository is refused like `../`.
   */
  pathsIn(repo: string, paths: readonly string[]): string[] {
    return paths.map((given) => {
      refuseOptionLike(given, 'path');
      const resolved = realOrResolved(path.resolve(repo, given));
      if (resolved !== repo && !resolved.startsWith(repo + path.sep)) {
        throw new RefusedError(`refused: path "${given}" is outside the repository ${repo}`);
      }
      const relative = path.relative(repo, resolved);
      if (relative.split(path.sep)[0] === '.git') throw new RefusedError(`refused: path "${given}" is inside the repository's .git folder`);
      return relative === '' ? '.' : relative;
    });
  }
}

/**
 * The real path of `target`, or for a path that does not exist (a deleted file, a new branch's
 * file) the real path of its nearest existing ancestor joined with the rest.
 */
export function realOrResolved(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
