// The git tools that only look: repositories, status, log, diff, show, branches, blame, stashes.
// Read commands run with GIT_OPTIONAL_LOCKS=0, so not even the index is refreshed.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { textResult } from '../common/tool-results.ts';
import { pathsField, repoField, revisionField } from './input-fields.ts';
import { refuseOptionLike } from './repo-guard.ts';
import { resolveCommit } from './revisions.ts';
import { answer, type GitToolContext } from './tool-context.ts';

export const READ_ANNOTATIONS: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
const READ = { readOnly: true } as const;

export function registerReadTools(server: McpServer, { git, guard }: GitToolContext): void {
  const repo = repoField(guard);

  server.registerTool(
    'git_list_repos',
    {
      title: 'List allowed repositories',
      description: 'Lists the git repositories this server may work in (the only ones any other git_* tool accepts), and listed paths that could not be used.',
      inputSchema: {},
      annotations: { ...READ_ANNOTATIONS, title: 'List allowed repositories' },
    },
    async () => {
      const lines = guard.repos.length === 0 ? ['No repositories are configured.'] : guard.repos.map((r) => `- ${r}`);
      if (guard.problems.length > 0) lines.push('', 'Listed but not usable:', ...guard.problems.map((p) => `- ${p.path}: ${p.reason}`));
      return textResult(lines.join('\n'));
    },
  );

  server.registerTool(
    'git_status',
    {
      title: 'Working tree status',
      description: 'Shows the current branch, its upstream state, staged and unstaged changes, untracked files, and any merge/rebase in progress (`git status`).',
      inputSchema: { repo },
      annotations: { ...READ_ANNOTATIONS, title: 'Working tree status' },
    },
    ({ repo: requested }) => answer(async () => git.run(guard.repoFor(requested), ['status', '--branch'], READ)),
  );

  server.registerTool(
    'git_log',
    {
      title: 'Commit history',
      description:
        'Lists commits, newest first (`git log`). Narrow with a revision range (e.g. "main..feature", "v1.0..HEAD"), paths, dates, author or a message pattern; add stat or patch to see what each commit changed.',
      inputSchema: {
        repo,
        revision_range: z.string().max(512).optional().describe('A revision or range such as "HEAD", "main..feature" or "A...B". Default: the current branch. Must not start with "-".'),
        paths: pathsField,
        max_count: z.number().int().min(1).max(1000).default(20).describe('At most this many commits (default 20).'),
        since: z.string().max(100).optional().describe('Only commits after this date, e.g. "2024-05-01" or "2 weeks ago".'),
        until: z.string().max(100).optional().describe('Only commits before this date.'),
        author: z.string().max(200).optional().describe('Only commits whose author matches this pattern (name or email).'),
        grep: z.string().max(200).optional().describe('Only commits whose message matches this regular expression.'),
        oneline: z.boolean().default(false).describe('One line per commit: short id and subject.'),
        stat: z.boolean().default(false).describe('Add the files each commit changed, with line counts.'),
        patch: z.boolean().default(false).describe('Add the full diff of each commit (large; keep max_count small).'),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'Commit history' },
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const paths = guard.pathsIn(root, args.paths ?? []);
        const range = args.revision_range === undefined ? [] : [refuseOptionLike(args.revision_range, 'revision_range')];
        const filters = [
          ...(args.since ? [`--since=${args.since}`] : []),
          ...(args.until ? [`--until=${args.until}`] : []),
          ...(args.author ? [`--author=${args.author}`] : []),
          ...(args.grep ? [`--grep=${args.grep}`] : []),
        ];
        const shape = [...(args.oneline ? ['--oneline'] : ['--date=iso-strict']), ...(args.stat ? ['--stat'] : []), ...(args.patch ? ['--patch', '--no-ext-diff'] : [])];
        return git.run(root, ['log', `--max-count=${args.max_count}`, '--decorate=short', ...shape, ...filters, '--end-of-options', ...range, '--', ...paths], READ);
      }),
  );

  server.registerTool(
    'git_diff',
    {
      title: 'Show changes',
      description:
        'Shows changes as a unified diff (`git diff`). Default: unstaged changes (working tree vs index). staged=true: staged changes (index vs HEAD, or vs base). base only: working tree vs base. base and target: between two commits.',
      inputSchema: {
        repo,
        staged: z.boolean().default(false).describe('Show staged changes (what the next commit would contain).'),
        base: revisionField('Compare against this commit').optional(),
        target: revisionField('Compare base with this commit instead of the working tree (needs base; not with staged)').optional(),
        paths: pathsField,
        context_lines: z.number().int().min(0).max(100).default(3).describe('Unchanged lines shown around each change (default 3).'),
        stat_only: z.boolean().default(false).describe('Only the list of changed files with line counts.'),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'Show changes' },
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        if (args.target !== undefined && args.base === undefined) throw new Error('target needs base: pass the commit to compare it with');
        if (args.target !== undefined && args.staged) throw new Error('staged compares the index; it cannot be combined with target');
        const paths = guard.pathsIn(root, args.paths ?? []);
        const revs = [];
        if (args.base !== undefined) revs.push(await resolveCommit(git, root, args.base, 'base'));
        if (args.target !== undefined) revs.push(await resolveCommit(git, root, args.target, 'target'));
        const options = ['--no-ext-diff', `--unified=${args.context_lines}`, ...(args.stat_only ? ['--stat'] : []), ...(args.staged ? ['--cached'] : [])];
        return git.run(root, ['diff', ...options, '--end-of-options', ...revs, '--', ...paths], READ);
      }),
  );

  server.registerTool(
    'git_show',
    {
      title: 'Show a commit or file version',
      description:
        'Shows a commit: author, date, message and its diff (`git show`). Also shows a file as it was at a commit with "REV:path" (e.g. "HEAD~1:src/app.ts"), or a tag.',
      inputSchema: {
        repo,
        revision: revisionField('What to show (a commit, tag, or REV:path)').default('HEAD'),
        paths: pathsField,
        stat_only: z.boolean().default(false).describe('For a commit: only the changed files with line counts, not the diff.'),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'Show a commit or file version' },
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const revision = refuseOptionLike(args.revision, 'revision');
        const paths = guard.pathsIn(root, args.paths ?? []);
        const options = ['--no-ext-diff', '--format=fuller', '--date=iso-strict', ...(args.stat_only ? ['--stat'] : [])];
        return git.run(root, ['show', ...options, '--end-of-options', revision, '--', ...paths], READ);
      }),
  );

  server.registerTool(
    'git_branches',
    {
      title: 'List branches',
      description: 'Lists branches with their last commit and upstream state; the current one is marked "*" (`git branch -vv`).',
      inputSchema: {
        repo,
        include_remote: z.boolean().default(false).describe('Also list remote-tracking branches.'),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'List branches' },
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        return git.run(root, ['branch', '--list', '-vv', ...(args.include_remote ? ['--all'] : [])], READ);
      }),
  );

  server.registerTool(
    'git_blame',
    {
      title: 'Who changed each line',
      description: 'Shows, for each line of a file, the commit, author and date that last changed it (`git blame`), optionally for a line range or at an older revision.',
      inputSchema: {
        repo,
        path: z.string().describe('The file, relative to the repository top (or absolute inside it).'),
        revision: revisionField('Blame the file as of this commit (default: the working tree)').optional(),
        start_line: z.number().int().min(1).optional().describe('First line to show (1-based).'),
        end_line: z.number().int().min(1).optional().describe('Last line to show (needs start_line).'),
      },
      annotations: { ...READ_ANNOTATIONS, title: 'Who changed each line' },
    },
    (args) =>
      answer(async () => {
        const root = guard.repoFor(args.repo);
        const [file] = guard.pathsIn(root, [args.path]);
        if (args.end_line !== undefined && args.start_line === undefined) throw new Error('end_line needs start_line');
        if (args.end_line !== undefined && args.start_line !== undefined && args.end_line < args.start_line) throw new Error('end_line is before start_line');
        const lines = args.start_line === undefined ? [] : [`-L${args.start_line},${args.end_line ?? ''}`];
        const commit = args.revision === undefined ? [] : [await resolveCommit(git, root, args.revision)];
        return git.run(root, ['blame', '--date=short', ...lines, ...commit, '--', file!], READ);
      }),
  );

  server.registerTool(
    'git_stash_list',
    {
      title: 'List stashes',
      description: 'Lists stashed changes, newest first, as stash@{N} with their messages (`git stash list`).',
      inputSchema: { repo },
      annotations: { ...READ_ANNOTATIONS, title: 'List stashes' },
    },
    (args) => answer(async () => git.run(guard.repoFor(args.repo), ['stash', 'list'], READ)),
  );
}
