// The git tools that change a repository without losing anything: stage files, commit, create and
// switch branches, stash. Listed by MCP Tray only with write mode on for this server.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { pathsField, repoField, revisionField } from './input-fields.ts';
import { refuseOptionLike, RefusedError } from './repo-guard.ts';
import { checkBranchName } from './revisions.ts';
import { answer, type GitToolContext } from './tool-context.ts';

const WRITE = { readOnly: false } as const;
const additive = (idempotent: boolean, title: string): ToolAnnotations => ({
  title,
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: idempotent,
  openWorldHint: false,
});

export function registerWriteTools(server: McpServer, { git, guard }: GitToolContext): void {
  const repo = repoField(guard);

  server.registerTool(
    'git_add',
    {
      title: 'Stage files',
      description: 'Stages changes of the given files or folders for the next commit, including new and deleted files (`git add`). Use "." for everything.',
      inputSchema: { repo, paths: pathsField.unwrap().min(1).describe('Files or folders to stage, relative to the repository top; "." stages everything.') },
      annotations: additive(true, 'Stage files'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const paths = guard.pathsIn(root, args.paths);
        await git.run(root, ['add', '--', ...paths], WRITE);
        return git.run(root, ['status', '--short'], { readOnly: true });
      }),
  );

  server.registerTool(
    'git_commit',
    {
      title: 'Commit staged changes',
      description: 'Records the staged changes as a new commit on the current branch with the given message (`git commit`). Stage files first with git_add.',
      inputSchema: {
        repo,
        message: z.string().min(1).max(10_000).describe('The commit message: a short subject line, optionally a blank line and a body.'),
      },
      annotations: additive(false, 'Commit staged changes'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        // Attached to the option, the message can never be read as one, whatever it starts with.
        return git.run(root, ['commit', `--message=${args.message}`], WRITE);
      }),
  );

  server.registerTool(
    'git_create_branch',
    {
      title: 'Create a branch',
      description: 'Creates a new branch at a start point (default: the current commit), and switches to it if asked (`git branch` / `git switch --create`). Never moves an existing branch.',
      inputSchema: {
        repo,
        name: z.string().max(200).describe('The new branch name, e.g. "feature/login". Must not start with "-".'),
        start_point: revisionField('Where the branch starts (default: HEAD)').optional(),
        switch: z.boolean().default(false).describe('Switch to the new branch after creating it.'),
      },
      annotations: additive(true, 'Create a branch'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const name = await checkBranchName(git, root, args.name);
        const start = args.start_point === undefined ? [] : [refuseOptionLike(args.start_point, 'start_point')];
        if (args.switch) return git.run(root, ['switch', `--create=${name}`, '--end-of-options', ...start], WRITE).then(switchedTo(name));
        await git.run(root, ['branch', '--end-of-options', name, ...start], WRITE);
        return `Created branch ${name}${start.length ? ` at ${start[0]}` : ''}.`;
      }),
  );

  server.registerTool(
    'git_switch_branch',
    {
      title: 'Switch branch',
      description: 'Switches the working tree to an existing branch (`git switch`). Refused by git when local changes would be overwritten; commit or stash them first.',
      inputSchema: { repo, branch: z.string().max(200).describe('The branch to switch to. Must not start with "-".') },
      annotations: additive(true, 'Switch branch'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const branch = refuseOptionLike(args.branch, 'branch');
        return git.run(root, ['switch', '--end-of-options', branch], WRITE).then(switchedTo(branch));
      }),
  );

  server.registerTool(
    'git_stash',
    {
      title: 'Stash changes',
      description:
        'push: saves uncommitted changes on the stash and cleans the working tree (`git stash push`). apply: re-applies a stash and keeps it. pop: re-applies a stash and removes it from the stash list when that succeeds. See git_stash_list.',
      inputSchema: {
        repo,
        action: z.enum(['push', 'apply', 'pop']).describe('push, apply or pop.'),
        message: z.string().max(1000).optional().describe('push: a description for the stash.'),
        include_untracked: z.boolean().default(false).describe('push: also stash untracked files.'),
        paths: pathsField.describe('push: stash only these paths.'),
        stash: z
          .string()
          .regex(/^(stash@\{\d+\}|\d+)$/, 'a stash is "stash@{N}" or N')
          .optional()
          .describe('apply/pop: which stash, "stash@{N}" or N (default: the newest, stash@{0}).'),
      },
      annotations: additive(false, 'Stash changes'),
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        if (args.action === 'push') {
          if (args.stash !== undefined) throw new RefusedError('stash names a stash to apply or pop; push creates a new one');
          const paths = guard.pathsIn(root, args.paths ?? []);
          const options = [...(args.include_untracked ? ['--include-untracked'] : []), ...(args.message ? [`--message=${args.message}`] : [])];
          const literal = paths.map((p) => `:(literal)${p}`);
          return git.run(root, ['stash', 'push', ...options, '--', ...literal], { ...WRITE, literalPathspecs: false });
        }
        if (args.paths !== undefined || args.message !== undefined || args.include_untracked) {
          throw new RefusedError(`message, include_untracked and paths apply to push, not ${args.action}`);
        }
        const ref = args.stash === undefined ? [] : [/^\d+$/.test(args.stash) ? `stash@{${args.stash}}` : args.stash];
        return git.run(root, ['stash', args.action, ...ref], WRITE);
      }),
  );
}

/** git switch reports on stderr; say where HEAD is now. */
function switchedTo(branch: string): (stdout: string) => string {
  return (stdout) => `${stdout.trim() ? `${stdout.trim()}\n` : ''}Switched to branch ${branch}.`;
}
