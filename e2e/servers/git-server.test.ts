// The bundled git server, driven by the real SDK client over stdio, on a real temporary
// repository with history: every tool, the refusals (option-like values, paths and repositories
// outside the allowed list), the output cap, and exiting when stdin closes.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const MAIN = fileURLToPath(new URL('../../servers/git/main.ts', import.meta.url));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

function makeRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Ada Tester');
  git(dir, 'config', 'user.email', 'ada@example.test');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

async function connect(args: string[]): Promise<Client> {
  const client = new Client({ name: 'git-server-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [MAIN, ...args], stderr: 'pipe' }));
  return client;
}

interface Answer {
  readonly text: string;
  readonly isError: boolean;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Answer> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as Array<{ type: string; text?: string }>;
  return { text: content.map((c) => c.text ?? '').join('\n'), isError: result.isError === true };
}

async function ok(client: Client, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const answer = await call(client, name, args);
  expect(answer.isError, `${name} failed: ${answer.text}`).toBe(false);
  return answer.text;
}

describe('bundled git server over stdio', () => {
  let base: string;
  let repo: string;
  let outside: string;
  let other: string;
  let client: Client;

  beforeAll(async () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-git-'));
    repo = path.join(base, 'repo');
    outside = path.join(base, 'outside');
    other = path.join(base, 'other');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.txt'), 'not for the model\n');
    makeRepo(other);

    makeRepo(repo);
    writeFileSync(path.join(repo, 'README.md'), '# Demo\n\nhello\n');
    mkdirSync(path.join(repo, 'src'));
    writeFileSync(path.join(repo, 'src', 'app.ts'), 'export const a = 1;\nexport const b = 2;\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'first: readme and app');
    writeFileSync(path.join(repo, 'src', 'app.ts'), 'export const a = 1;\nexport const b = 3;\nexport const c = 4;\n');
    mkdirSync(path.join(repo, 'docs'));
    writeFileSync(path.join(repo, 'docs', 'guide.md'), 'A guide.\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'second: guide and c');
    git(repo, 'branch', 'feature');
    writeFileSync(path.join(repo, 'README.md'), '# Demo\n\nhello world\n');
    git(repo, 'commit', '-q', '-am', 'third: greet the world');
    git(repo, 'tag', 'v1');
    git(repo, 'switch', '-q', 'feature');
    writeFileSync(path.join(repo, 'feature.txt'), 'only on feature\n');
    git(repo, 'add', 'feature.txt');
    git(repo, 'commit', '-q', '-m', 'feature work');
    git(repo, 'switch', '-q', 'main');
    // Working tree: an unstaged change, a staged new file, and a symlink leading outside.
    writeFileSync(path.join(repo, 'README.md'), '# Demo\n\nhello world, again\n');
    writeFileSync(path.join(repo, 'staged.txt'), 'staged content\n');
    git(repo, 'add', 'staged.txt');
    symlinkSync(outside, path.join(repo, 'escape'));

    client = await connect(['--repo', repo]);
  });

  afterAll(async () => {
    await client?.close();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('lists every tool with accurate annotations and described inputs', async () => {
    const { tools } = await client.listTools();
    const hints = Object.fromEntries(
      tools.map((t) => [t.name, [t.annotations?.readOnlyHint, t.annotations?.destructiveHint, t.annotations?.idempotentHint, t.annotations?.openWorldHint]]),
    );
    const read = [true, false, true, false];
    expect(hints).toEqual({
      git_list_repos: read,
      git_status: read,
      git_log: read,
      git_diff: read,
      git_show: read,
      git_branches: read,
      git_blame: read,
      git_stash_list: read,
      git_add: [false, false, true, false],
      git_commit: [false, false, false, false],
      git_create_branch: [false, false, true, false],
      git_switch_branch: [false, false, true, false],
      git_stash: [false, false, false, false],
      git_reset: [false, true, false, false],
      git_delete_branch: [false, true, true, false],
      // Only MCP Tray calls it; the hub never lists it to a client (docs/approval-previews.md).
      mcp_tray_preview: read,
    });
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      for (const [name, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${name}`).toBeTruthy();
      }
    }
  });

  it('git_list_repos names the allowed repository', async () => {
    expect(await ok(client, 'git_list_repos')).toContain(repo);
  });

  it('git_status shows the branch, the staged file and the unstaged change', async () => {
    const text = await ok(client, 'git_status', { repo });
    expect(text).toContain('On branch main');
    expect(text).toMatch(/Changes to be committed:[\s\S]*staged\.txt/);
    expect(text).toMatch(/Changes not staged for commit:[\s\S]*README\.md/);
    // A read must not have touched the index (GIT_OPTIONAL_LOCKS=0) nor left a lock behind.
    expect(existsSync(path.join(repo, '.git', 'index.lock'))).toBe(false);
  });

  it('git_log honours max_count, paths, ranges and filters', async () => {
    const all = await ok(client, 'git_log', { oneline: true });
    expect(all.trim().split('\n')).toHaveLength(3);
    expect(all).toContain('tag: v1');
    expect((await ok(client, 'git_log', { max_count: 1, oneline: true })).trim().split('\n')).toEqual([expect.stringContaining('third: greet the world')]);
    const guide = await ok(client, 'git_log', { paths: ['docs/guide.md'] });
    expect(guide).toContain('second: guide and c');
    expect(guide).not.toContain('first: readme');
    const range = await ok(client, 'git_log', { revision_range: 'main..feature', oneline: true });
    expect(range.trim().split('\n')).toEqual([expect.stringContaining('feature work')]);
    expect(await ok(client, 'git_log', { grep: '^first', oneline: true })).toContain('first: readme and app');
    expect(await ok(client, 'git_log', { author: 'Nobody Else' })).toBe('(no output)');
    const stat = await ok(client, 'git_log', { max_count: 1, stat: true, revision_range: 'HEAD~1' });
    expect(stat).toContain('docs/guide.md');
    expect(await ok(client, 'git_log', { max_count: 1, patch: true })).toContain('+hello world');
  });

  it('git_diff shows unstaged, staged and between-commit changes', async () => {
    const unstaged = await ok(client, 'git_diff');
    expect(unstaged).toContain('+hello world, again');
    expect(unstaged).not.toContain('staged content');
    const staged = await ok(client, 'git_diff', { staged: true });
    expect(staged).toContain('+staged content');
    expect(staged).not.toContain('again');
    const between = await ok(client, 'git_diff', { base: 'HEAD~2', target: 'v1', paths: ['src'] });
    expect(between).toContain('+export const c = 4;');
    expect(between).not.toContain('README');
    expect(await ok(client, 'git_diff', { base: 'main', target: 'feature', stat_only: true })).toMatch(/feature\.txt\s*\|/);
    const wrong = await call(client, 'git_diff', { target: 'HEAD' });
    expect(wrong).toMatchObject({ isError: true, text: expect.stringContaining('target needs base') });
    const unknown = await call(client, 'git_diff', { base: 'no-such-branch' });
    expect(unknown).toMatchObject({ isError: true, text: expect.stringContaining('is not a commit') });
  });

  it('git_show shows a commit, a file at a revision and a stat', async () => {
    const commit = await ok(client, 'git_show', { revision: 'HEAD~1' });
    expect(commit).toContain('second: guide and c');
    expect(commit).toContain('Author:     Ada Tester <ada@example.test>');
    expect(commit).toContain('+A guide.');
    expect(await ok(client, 'git_show', { revision: 'HEAD~2:README.md' })).toBe('# Demo\n\nhello\n');
    expect(await ok(client, 'git_show', { stat_only: true })).toMatch(/README\.md\s*\|/);
  });

  it('git_branches lists branches and marks the current one', async () => {
    const text = await ok(client, 'git_branches');
    expect(text).toMatch(/^\* main /m);
    expect(text).toMatch(/^ {2}feature /m);
  });

  it('git_blame attributes lines, for a range and at an older revision', async () => {
    const now = await ok(client, 'git_blame', { path: 'src/app.ts', start_line: 2, end_line: 3 });
    const lines = now.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Ada Tester .*export const b = 3;/);
    const old = await ok(client, 'git_blame', { path: path.join(repo, 'src', 'app.ts'), revision: 'HEAD~2' });
    expect(old).toContain('export const b = 2;');
    expect(old).not.toContain('const c');
  });

  describe('refusals', () => {
    let marker: string;
    beforeAll(() => {
      marker = path.join(base, 'pwned');
    });

    it.each([
      ['git_log', { revision_range: `--upload-pack=touch MARKER` }, 'revision_range'],
      ['git_log', { revision_range: '--output=MARKER' }, 'revision_range'],
      ['git_show', { revision: '--output=MARKER' }, 'revision'],
      ['git_diff', { base: '--output=MARKER' }, 'base'],
      ['git_diff', { paths: ['--output=MARKER'] }, 'path'],
      ['git_blame', { path: 'src/app.ts', revision: '--contents=MARKER' }, 'revision'],
      ['git_create_branch', { name: '-D' }, 'branch name'],
      ['git_create_branch', { name: 'ok', start_point: '--orphan' }, 'start_point'],
      ['git_switch_branch', { branch: '--orphan=MARKER' }, 'branch'],
      ['git_delete_branch', { name: '--force' }, 'branch name'],
      ['git_reset', { target: '--hard' }, 'target'],
      ['git_add', { paths: ['-A'] }, 'path'],
      ['git_log', { repo: '--git-dir=MARKER' }, 'repo'],
    ])('%s refuses option-like %j', async (tool, args, what) => {
      const withMarker = JSON.parse(JSON.stringify(args).replaceAll('MARKER', marker)) as Record<string, unknown>;
      const answer = await call(client, tool, withMarker);
      expect(answer.isError).toBe(true);
      expect(answer.text).toContain(`refused: ${what}`);
      expect(answer.text).toContain('could be read by git as an option');
      expect(existsSync(marker)).toBe(false);
    });

    it('refuses paths outside the repository, through "..", absolute paths, symlinks and .git', async () => {
      for (const p of ['../outside/secret.txt', path.join(outside, 'secret.txt'), 'escape/secret.txt', 'src/../../outside']) {
        const answer = await call(client, 'git_log', { paths: [p] });
        expect(answer, p).toMatchObject({ isError: true, text: expect.stringContaining('is outside the repository') });
      }
      const blame = await call(client, 'git_blame', { path: 'escape/secret.txt' });
      expect(blame).toMatchObject({ isError: true, text: expect.stringContaining('outside the repository') });
      expect(blame.text).not.toContain('not for the model');
      const add = await call(client, 'git_add', { paths: ['.git/config'] });
      expect(add).toMatchObject({ isError: true, text: expect.stringContaining('.git folder') });
    });

    it('refuses repositories that are not listed, and relative repo paths', async () => {
      const answer = await call(client, 'git_status', { repo: other });
      expect(answer).toMatchObject({ isError: true, text: expect.stringContaining('is not one of the allowed repositories') });
      const relative = await call(client, 'git_status', { repo: 'repo' });
      expect(relative).toMatchObject({ isError: true, text: expect.stringContaining('must be an absolute path') });
      // A folder inside an allowed repository means that repository.
      expect(await ok(client, 'git_status', { repo: path.join(repo, 'src') })).toContain('On branch main');
    });
  });

  describe('write tools', () => {
    it('git_add stages and git_commit commits, with a message that starts with "-"', async () => {
      const added = await ok(client, 'git_add', { paths: ['README.md'] });
      expect(added).toMatch(/^M {2}README\.md$/m);
      const committed = await ok(client, 'git_commit', { message: '-v is not an option here\n\nbody line' });
      expect(committed).toContain('2 files changed');
      expect(git(repo, 'log', '-1', '--format=%B')).toBe('-v is not an option here\n\nbody line\n\n');
      expect(git(repo, 'status', '--porcelain', '--untracked-files=no')).toBe('');
      const nothing = await call(client, 'git_commit', { message: 'nothing staged' });
      expect(nothing.isError).toBe(true);
      expect(nothing.text).toContain('git commit failed');
    });

    it('git_create_branch creates (and optionally switches), git_switch_branch switches', async () => {
      expect(await ok(client, 'git_create_branch', { name: 'topic', start_point: 'v1' })).toBe('Created branch topic at v1.');
      expect(git(repo, 'rev-parse', 'topic')).toBe(git(repo, 'rev-parse', 'v1'));
      expect(git(repo, 'branch', '--show-current').trim()).toBe('main');
      expect(await ok(client, 'git_create_branch', { name: 'topic2', switch: true })).toContain('Switched to branch topic2.');
      expect(git(repo, 'branch', '--show-current').trim()).toBe('topic2');
      const again = await call(client, 'git_create_branch', { name: 'topic' });
      expect(again).toMatchObject({ isError: true, text: expect.stringContaining('already exists') });
      const bad = await call(client, 'git_create_branch', { name: 'bad..name' });
      expect(bad).toMatchObject({ isError: true, text: expect.stringContaining('is not a valid branch name') });
      await ok(client, 'git_switch_branch', { branch: 'main' });
      expect(git(repo, 'branch', '--show-current').trim()).toBe('main');
    });

    it('git_stash pushes, lists, applies and pops', async () => {
      writeFileSync(path.join(repo, 'README.md'), 'stashed edit\n');
      writeFileSync(path.join(repo, 'new-untracked.txt'), 'untracked\n');
      await ok(client, 'git_stash', { action: 'push', message: 'wip: readme', include_untracked: true, paths: ['README.md', 'new-untracked.txt'] });
      expect(existsSync(path.join(repo, 'escape'))).toBe(true);
      expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).not.toBe('stashed edit\n');
      expect(existsSync(path.join(repo, 'new-untracked.txt'))).toBe(false);
      expect(await ok(client, 'git_stash_list')).toMatch(/stash@\{0\}.*wip: readme/);
      await ok(client, 'git_stash', { action: 'apply', stash: '0' });
      expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toBe('stashed edit\n');
      expect(await ok(client, 'git_stash_list')).toContain('wip: readme');
      git(repo, 'checkout', '--', 'README.md');
      rmSync(path.join(repo, 'new-untracked.txt'));
      await ok(client, 'git_stash', { action: 'pop' });
      expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toBe('stashed edit\n');
      expect(await ok(client, 'git_stash_list')).toBe('(no output)');
      const wrong = await call(client, 'git_stash', { action: 'pop', stash: '--index' });
      expect(wrong.isError).toBe(true);
    });
  });

  describe('destructive tools', () => {
    it('git_reset unstages paths, and moves HEAD soft, mixed and hard', async () => {
      const head = git(repo, 'rev-parse', 'HEAD').trim();
      await ok(client, 'git_add', { paths: ['.'] });
      const unstaged = await ok(client, 'git_reset', { paths: ['README.md'] });
      expect(unstaged).toContain('Unstaged README.md');
      expect(git(repo, 'diff', '--cached', '--name-only')).not.toContain('README.md');
      expect(git(repo, 'rev-parse', 'HEAD').trim()).toBe(head);

      const soft = await ok(client, 'git_reset', { mode: 'soft', target: 'HEAD~1' });
      expect(soft).toContain('third: greet the world');
      expect(git(repo, 'diff', '--cached', '--name-only')).toContain('staged.txt');
      await ok(client, 'git_reset', { mode: 'mixed', target: 'HEAD' });
      expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
      const hard = await ok(client, 'git_reset', { mode: 'hard', target: 'v1' });
      expect(hard).toContain('Reset (hard) to v1');
      expect(git(repo, 'status', '--porcelain', '--untracked-files=no')).toBe('');
      expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toBe('# Demo\n\nhello world\n');
      const wrong = await call(client, 'git_reset', { mode: 'hard', paths: ['README.md'] });
      expect(wrong).toMatchObject({ isError: true, text: expect.stringContaining('only be reset with mode "mixed"') });
    });

    it('git_delete_branch deletes merged branches and needs force for unmerged ones', async () => {
      expect(await ok(client, 'git_delete_branch', { name: 'topic' })).toContain('Deleted branch topic');
      const unmerged = await call(client, 'git_delete_branch', { name: 'feature' });
      expect(unmerged).toMatchObject({ isError: true, text: expect.stringContaining('not fully merged') });
      expect(await ok(client, 'git_delete_branch', { name: 'feature', force: true })).toContain('Deleted branch feature');
      expect(git(repo, 'branch', '--list')).not.toContain('feature');
      const current = await call(client, 'git_delete_branch', { name: 'main' });
      expect(current.isError).toBe(true);
    });
  });

  it('caps output with a truncated marker', async () => {
    writeFileSync(path.join(repo, 'big.txt'), 'line with ünïcödé\n'.repeat(2000));
    git(repo, 'add', 'big.txt');
    const small = await connect(['--repo', repo, '--max-output-bytes', '1024']);
    try {
      const text = await ok(small, 'git_diff', { staged: true, paths: ['big.txt'] });
      const marker = /\n\[truncated: (\d+) more bytes\]$/.exec(text);
      expect(marker).not.toBeNull();
      const full = git(repo, 'diff', '--cached', '--', 'big.txt');
      const kept = Buffer.byteLength(text.slice(0, marker!.index + 1));
      expect(kept).toBeLessThanOrEqual(1024 + 1);
      expect(kept - 1 + Number(marker![1])).toBe(Buffer.byteLength(full));
      expect(text).not.toContain('\uFFFD');
    } finally {
      await small.close();
      git(repo, 'rm', '-q', '--cached', 'big.txt');
      rmSync(path.join(repo, 'big.txt'));
    }
  });

  it('with several repositories, needs "repo"; with none, says how to add one', async () => {
    const two = await connect(['--repo', repo, '--repo', other, '--repo', path.join(base, 'missing')]);
    try {
      const answer = await call(two, 'git_status');
      expect(answer).toMatchObject({ isError: true, text: expect.stringContaining('several repositories are allowed') });
      expect(await ok(two, 'git_status', { repo: other })).toContain('No commits yet');
      expect(await ok(two, 'git_list_repos')).toMatch(/missing: cannot be opened/);
    } finally {
      await two.close();
    }
    const none = await connect([]);
    try {
      const answer = await call(none, 'git_log');
      expect(answer).toMatchObject({ isError: true, text: expect.stringContaining('no repositories are configured') });
    } finally {
      await none.close();
    }
  });

  it('exits within 1 s when its stdin closes', async () => {
    const child = spawn(process.execPath, [MAIN, '--repo', repo], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (!stderr.includes('ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stderr).toContain('ready');
    const closedAt = Date.now();
    child.stdin.end();
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3000))]);
    if (code === 'timeout') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - closedAt).toBeLessThan(1000);
  });
});
