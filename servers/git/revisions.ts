// Turns a revision a model wrote (`HEAD~2`, `v1.0`, `main`) into a commit id before it reaches a
// git command that has no `--end-of-options` (reset, blame in git < 2.40): an object id can never
// be read as an option.
import { GitError, type GitRunner } from './git-runner.ts';
import { refuseOptionLike, RefusedError } from './repo-guard.ts';

export async function resolveCommit(git: GitRunner, repo: string, revision: string, what = 'revision'): Promise<string> {
  refuseOptionLike(revision, what);
  try {
    const id = (await git.run(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { readOnly: true })).trim();
    if (/^[0-9a-f]{40,64}$/.test(id)) return id;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
  }
  throw new RefusedError(`${what} "${revision}" is not a commit in ${repo}`);
}

/** A branch name git accepts (`git check-ref-format --branch`), refused otherwise. */
export async function checkBranchName(git: GitRunner, repo: string, name: string): Promise<string> {
  refuseOptionLike(name, 'branch name');
  try {
    await git.run(repo, ['check-ref-format', '--branch', name], { readOnly: true });
  } catch (error) {
    if (error instanceof GitError) throw new RefusedError(`"${name}" is not a valid branch name`);
    throw error;
  }
  return name;
}
