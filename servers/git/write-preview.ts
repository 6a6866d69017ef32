// What a git write call would do, asked by MCP Tray before the user approves it
// (docs/approval-previews.md). Only read commands run here: the staged changes a commit would record,
// and for reset and branch deletion what would be lost (commits no branch, tag or remote branch
// would reach any more; uncommitted changes a hard reset discards).
import type { PreviewSection, ServerPreview } from '../common/preview-tool.ts';
import type { GitRunner } from './git-runner.ts';
import { RefusedError } from './repo-guard.ts';
import { checkBranchName, resolveCommit } from './revisions.ts';
import type { GitToolContext } from './tool-context.ts';

const READ = { readOnly: true } as const;
const MAX_LINES = 50;

const lines = (text: string) => text.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');

function capped(items: readonly string[]): string[] {
  return items.length <= MAX_LINES ? [...items] : [...items.slice(0, MAX_LINES), `… and ${items.length - MAX_LINES} more`];
}

async function currentBranch(git: GitRunner, root: string): Promise<string | undefined> {
  const name = (await git.run(root, ['branch', '--show-current'], READ)).trim();
  return name === '' ? undefined : name;
}

/** Commits reachable from `tip` that no other ref (but `except`, a branch) reaches, and `keep` does not either. */
async function commitsOnlyOn(git: GitRunner, root: string, tip: string, except: string | undefined, keep?: string): Promise<string[]> {
  const exclude = except === undefined ? [] : [`--exclude=${except}`];
  const args = ['log', '--oneline', '--no-decorate', tip, ...(keep ? [`^${keep}`] : []), '--not', ...exclude, '--branches', '--tags', '--remotes'];
  return lines(await git.run(root, args, READ));
}

async function previewCommit(git: GitRunner, root: string, message: string): Promise<ServerPreview> {
  const stat = lines(await git.run(root, ['diff', '--cached', '--stat=120'], READ));
  const branch = (await currentBranch(git, root)) ?? 'a detached HEAD';
  if (stat.length === 0) return { kind: 'lists', summary: `Nothing is staged: git will refuse the commit on ${branch}.`, sections: [{ title: 'Message', items: lines(message) }] };
  return {
    kind: 'lists',
    summary: `A new commit on ${branch}: ${stat.at(-1)!.trim()}.`,
    sections: [
      { title: 'Message', items: lines(message) },
      { title: 'Staged changes', items: capped(stat.slice(0, -1).map((line) => line.trim())) },
    ],
  };
}

async function previewReset(git: GitRunner, root: string, args: Record<string, unknown>): Promise<ServerPreview> {
  const mode = typeof args.mode === 'string' ? args.mode : 'mixed';
  const target = typeof args.target === 'string' ? args.target : 'HEAD';
  const commit = await resolveCommit(git, root, target, 'target');
  if (Array.isArray(args.paths) && args.paths.length > 0) {
    return { kind: 'lists', summary: `Unstages ${args.paths.length} path(s); the branch does not move and no file changes.`, sections: [{ title: 'Unstaged', items: capped(args.paths.map(String)) }] };
  }
  const branch = await currentBranch(git, root);
  const lost = await commitsOnlyOn(git, root, 'HEAD', branch, commit);
  const sections: PreviewSection[] = [{ title: 'Commits no branch, tag or remote branch will reach any more', items: lost.length ? capped(lost) : ['(none)'] }];
  if (mode === 'hard') {
    const discarded = lines(await git.run(root, ['diff', 'HEAD', '--stat=120'], READ));
    sections.push({ title: 'Uncommitted changes to tracked files that will be discarded', items: discarded.length ? capped(discarded.map((line) => line.trim())) : ['(none)'] });
  } else if (mode === 'mixed') {
    const unstaged = lines(await git.run(root, ['diff', '--cached', '--name-only'], READ));
    if (unstaged.length) sections.push({ title: 'Staged changes that become unstaged (kept in the files)', items: capped(unstaged) });
  }
  const where = branch ? `${branch} moves` : 'HEAD moves';
  const loses = lost.length + (mode === 'hard' ? sections[1]!.items.filter((i) => i !== '(none)').length : 0);
  return { kind: 'lists', summary: `${where} to ${target} (${commit.slice(0, 12)}), reset ${mode}; ${loses === 0 ? 'nothing is lost' : 'work can be lost'}.`, sections };
}

async function previewDeleteBranch(git: GitRunner, root: string, args: Record<string, unknown>): Promise<ServerPreview> {
  const name = await checkBranchName(git, root, String(args.name ?? ''));
  const lost = await commitsOnlyOn(git, root, `refs/heads/${name}`, name);
  if (lost.length && args.force !== true) return { kind: 'lists', summary: `git will refuse: ${name} has commits no other branch reaches, and force is not set.`, sections: [{ title: 'Unmerged commits', items: capped(lost) }] };
  return {
    kind: 'lists',
    summary: lost.length ? `Deletes ${name}; ${lost.length} commit(s) will no longer be reachable.` : `Deletes ${name}; every commit on it stays reachable.`,
    sections: [{ title: 'Commits no branch, tag or remote branch will reach any more', items: lost.length ? capped(lost) : ['(none)'] }],
  };
}

export function gitPreviewer({ git, guard }: GitToolContext) {
  return async (tool: string, args: Record<string, unknown>): Promise<ServerPreview> => {
    try {
      const root = guard.repoFor(typeof args.repo === 'string' ? args.repo : undefined);
      switch (tool) {
        case 'git_commit':
          return await previewCommit(git, root, String(args.message ?? ''));
        case 'git_reset':
          return await previewReset(git, root, args);
        case 'git_delete_branch':
          return await previewDeleteBranch(git, root, args);
        default:
          return { kind: 'none', reason: `the git server has no preview for ${tool}` };
      }
    } catch (error) {
      if (error instanceof RefusedError) return { kind: 'none', reason: `the call would be refused: ${error.message}` };
      throw error;
    }
  };
}
