// The git tools that can lose work: reset (hard discards uncommitted changes; any mode can move a
// branch away from commits) and deleting a branch. Marked destructiveHint so MCP Tray badges them.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { pathsField, repoField, revisionField } from './input-fields.ts';
import { RefusedError } from './repo-guard.ts';
import { checkBranchName, resolveCommit } from './revisions.ts';
import { answer, type GitToolContext } from './tool-context.ts';

const WRITE = { readOnly: false } as const;
const destructive = (idempotent: boolean, title: string): ToolAnnotations => ({
  title,
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: idempotent,
  openWorldHint: false,
});

export function registerDestructiveTools(server: McpServer, { git, guard }: GitToolContext): void {
  const repo = repoField(guard);

  server.registerTool(
    'git_reset',
    {
      title: 'Reset HEAD',
      description:
        'Moves the current branch to a commit (`git reset`). soft: keeps index and files. mixed (default): keeps files, unstages. hard: DISCARDS all uncommitted changes to tracked files. With paths (mixed only): just unstages those paths.',
      inputSchema: {
        repo,
        mode: z.enum(['soft', 'mixed', 'hard']).default('mixed').describe('soft, mixed (default) or hard.'),
        target: revisionField('The commit to reset to (default HEAD)').default('HEAD'),
        paths: pathsField.describe('Only unstage these paths (mode mixed); the branch does not move.'),
      },
      annotations: destructive(false, 'Reset HEAD'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const commit = await resolveCommit(git, root, args.target, 'target');
        if (args.paths !== undefined && args.paths.length > 0) {
          if (args.mode !== 'mixed') throw new RefusedError('paths can only be reset with mode "mixed" (unstaging them)');
          const paths = guard.pathsIn(root, args.paths);
          await git.run(root, ['reset', '--quiet', commit, '--', ...paths], WRITE);
          return `Unstaged ${paths.join(', ')} (reset to ${args.target}).\n${await git.run(root, ['status', '--short'], { readOnly: true })}`;
        }
        await git.run(root, ['reset', '--quiet', `--${args.mode}`, commit], WRITE);
        const head = await git.run(root, ['log', '--max-count=1', '--oneline', '--decorate=short'], { readOnly: true });
        return `Reset (${args.mode}) to ${args.target}. HEAD is now at ${head.trim()}`;
      }),
  );

  server.registerTool(
    'git_delete_branch',
    {
      title: 'Delete a branch',
      description:
        'Deletes a local branch (`git branch --delete`). git refuses a branch that is not merged unless force is true; force can lose its commits. The current branch cannot be deleted.',
      inputSchema: {
        repo,
        name: z.string().max(200).describe('The local branch to delete. Must not start with "-".'),
        force: z.boolean().default(false).describe('Delete even if the branch is not merged (its unmerged commits become unreachable).'),
      },
      annotations: destructive(true, 'Delete a branch'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const name = await checkBranchName(git, root, args.name);
        return git.run(root, ['branch', '--delete', ...(args.force ? ['--force'] : []), '--end-of-options', name], WRITE);
      }),
  );
}
