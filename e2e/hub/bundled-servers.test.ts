// All four bundled servers (filesystem, memory, git, postgres) behind the real hub, reached
// by the SDK client through `mcp-tray bridge`. With write mode off only read tools are listed, a
// write call is refused before it reaches the server, and read calls return real data. The
// PostgreSQL URL lives in the real OS keychain (run under e2e/setup/with-keyring.sh).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { alive, bundledSettings, cli, cliJson, connectBridge, type HubProcess, startHub, storePostgresUrl, tempDir, waitFor, waitForRunning, writeSettings } from '../helpers/hub-process.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

const GIT_READ = ['git_list_repos', 'git_status', 'git_log', 'git_diff', 'git_show', 'git_branches', 'git_blame', 'git_stash_list'];
const GIT_WRITE = ['git_add', 'git_commit', 'git_create_branch', 'git_switch_branch', 'git_stash', 'git_reset', 'git_delete_branch'];
const PG_READ = ['pg_list_schemas', 'pg_list_tables', 'pg_describe_table', 'pg_query'];
const KEYCHAIN_SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? `mcp-tray-test-bundled-${process.pid}`;

function makeRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Hub Tester');
  git('config', 'user.email', 'hub@example.test');
  writeFileSync(path.join(dir, 'README.md'), 'bundled servers behind the hub\n');
  git('add', 'README.md');
  git('commit', '-q', '-m', 'initial commit through the hub test');
}

const text = (result: unknown) => ((result as { content: Array<{ text?: string }> }).content ?? []).map((c) => c.text ?? '').join('\n');

describe('bundled servers through the hub, write mode off', () => {
  let dataDir: string;
  let repo: string;
  let db: TestPostgres;
  let hub: HubProcess;
  let client: Client;
  /** Why the postgres part cannot run here (no Secret Service), or undefined when it can. */
  let keychainProblem: string | undefined;

  beforeAll(async () => {
    db = await startPostgres();
    await db.admin(`SET ROLE ${db.user}; CREATE TABLE items (id int PRIMARY KEY, label text); INSERT INTO items VALUES (1, 'first'), (2, 'second');`);
    dataDir = tempDir();
    // Outside the data dir: the filesystem server never reaches MCP Tray's own folder.
    const root = path.join(tempDir(), 'notes');
    mkdirSync(root);
    writeFileSync(path.join(root, 'todo.md'), '- check the bundled servers\n');
    repo = path.join(dataDir, 'repo');
    makeRepo(repo);
    writeSettings(
      dataDir,
      bundledSettings(dataDir, root, [
        { id: 'git', name: 'Git', kind: 'bundled', bundled: 'git', options: { repos: [repo] } },
        {
          id: 'postgres',
          name: 'PostgreSQL',
          kind: 'bundled',
          bundled: 'postgres',
          secretEnv: ['POSTGRES_URL'],
          options: { rowLimit: '50', statementTimeoutMs: '5000' },
        },
      ]),
    );
    hub = await startHub(dataDir, { env: { MCP_TRAY_KEYCHAIN_SERVICE: KEYCHAIN_SERVICE } });

    // Skip the postgres part only where the hub itself finds no keychain.
    keychainProblem = await storePostgresUrl(dataDir, db.url);
    if (keychainProblem) {
      console.warn(
        `\n!!! POSTGRES TESTS SKIPPED: the OS keychain is not usable here (${keychainProblem}).\n` +
          '!!! Run under a private D-Bus session: dbus-run-session -- bash e2e/setup/with-keyring.sh npx vitest run e2e/hub/bundled-servers.test.ts\n',
      );
    }
    await waitForRunning(dataDir, keychainProblem ? ['filesystem', 'memory', 'git'] : ['filesystem', 'memory', 'git', 'postgres'], 20_000);
    client = await connectBridge(dataDir, 'bundled-test');
  });

  // The keychain entry goes while the hub still runs (it is the one that writes the keychain).
  const deleteSecret = async () => {
    if (hub && !keychainProblem && hub.process.exitCode === null) await cli(dataDir, ['secrets', 'delete', 'postgres', 'POSTGRES_URL']);
  };

  afterAll(async () => {
    await client?.close();
    await deleteSecret();
    await hub?.stop();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The postgres tests need the keychain; without it they are reported as skipped, with the reason. */
  const needsKeychain = (skip: (note?: string) => void) => {
    if (keychainProblem) skip(`no OS keychain here (${keychainProblem}); run under e2e/setup/with-keyring.sh`);
  };

  it('lists only read tools: filesystem, memory and git', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['list_directory', 'read_text_file', 'read_graph', 'search_nodes', ...GIT_READ]));
    for (const write of ['write_file', 'create_entities', ...GIT_WRITE, 'pg_execute']) expect(names).not.toContain(write);
  });

  it('lists only read tools: postgres', async ({ skip }) => {
    needsKeychain(skip);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(PG_READ));
    expect(names).not.toContain('pg_execute');
  });

  it('classifies the git tools from their annotations', async () => {
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    const git = status.servers.find((s) => s.id === 'git')!;
    expect(git.launch).toContain('--repo');
    for (const name of GIT_READ) expect(git.tools.find((t) => t.name === name), name).toMatchObject({ class: 'read', listed: true });
    for (const name of GIT_WRITE) expect(git.tools.find((t) => t.name === name), name).toMatchObject({ class: 'write', listed: false });
    expect(git.tools.find((t) => t.name === 'git_reset')?.annotations?.destructiveHint).toBe(true);
  });

  it('classifies the postgres tools; the URL is a keychain secret, not in the command line', async ({ skip }) => {
    needsKeychain(skip);
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    const pg = status.servers.find((s) => s.id === 'postgres')!;
    expect(pg.launch).toContain('--statement-timeout-ms 5000');
    expect(pg.launch).not.toContain(db.password);
    expect(pg.secrets).toEqual([{ kind: 'env', name: 'POSTGRES_URL', set: true }]);
    for (const name of PG_READ) expect(pg.tools.find((t) => t.name === name), name).toMatchObject({ class: 'read', listed: true });
    expect(pg.tools.find((t) => t.name === 'pg_execute')).toMatchObject({ class: 'write', listed: false, annotations: { destructiveHint: true } });
  });

  it('a git read call returns real data', async () => {
    const log = await client.callTool({ name: 'git_log', arguments: { oneline: true } });
    expect(log.isError).toBeFalsy();
    expect(text(log)).toContain('initial commit through the hub test');
  });

  it('a postgres read call returns real rows', async ({ skip }) => {
    needsKeychain(skip);
    const rows = await client.callTool({ name: 'pg_query', arguments: { sql: 'SELECT id, label FROM items ORDER BY id' } });
    expect(rows.isError).toBeFalsy();
    expect(rows.structuredContent).toMatchObject({ rows: [[1, 'first'], [2, 'second']], row_count: 2, truncated: false });
    expect(JSON.stringify(rows)).not.toContain(db.password);
  });

  it('refuses git_commit before it reaches git', async () => {
    const commit = await client.callTool({ name: 'git_commit', arguments: { message: 'must not land' } });
    expect(commit.isError).toBe(true);
    expect(text(commit)).toContain('write mode for server "git" is off');
    expect(execFileSync('git', ['log', '--oneline'], { cwd: repo, encoding: 'utf8' }).trim().split('\n')).toHaveLength(1);
  });

  it('refuses pg_execute before it reaches postgres', async ({ skip }) => {
    needsKeychain(skip);
    const execute = await client.callTool({ name: 'pg_execute', arguments: { sql: 'DELETE FROM items' } });
    expect(execute.isError).toBe(true);
    expect(text(execute)).toContain('write mode for server "postgres" is off');
    expect((await db.admin('SELECT count(*)::int AS n FROM items')).rows[0].n).toBe(2);
  });

  it('keeps the database password out of the hub output, and leaves no server running after stop', async () => {
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(JSON.stringify(status)).not.toContain(db.password);
    const pids = status.servers.map((s) => s.pid).filter((pid): pid is number => typeof pid === 'number');
    expect(pids.length).toBe(keychainProblem ? 3 : 4);
    await client.close();
    await deleteSecret();
    expect(await hub.stop()).toBe(0);
    expect(hub.output()).not.toContain(db.password);
    await waitFor('bundled server processes to be gone', () => pids.every((pid) => !alive(pid)), 5000);
  });
});

describe('bundled git with write mode "ask"', () => {
  it('holds a commit until it is approved, and it lands only then', async () => {
    const dataDir = tempDir();
    const repo = path.join(dataDir, 'repo');
    makeRepo(repo);
    writeSettings(dataDir, { servers: [{ id: 'git', name: 'Git', kind: 'bundled', bundled: 'git', options: { repos: [repo] } }] });
    const hub = await startHub(dataDir);
    const client = await connectBridge(dataDir, 'ide', { name: 'git-ide', version: '1' });
    const commits = () => execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: repo }).toString().trim();
    const approveNext = async (tool: string) => {
      const pending = await waitFor(`${tool} waiting for approval`, async () =>
        (await cliJson<Array<{ id: string; tool: string; arguments: Record<string, unknown> }>>(dataDir, ['approvals', 'list'])).find((a) => a.tool === tool),
      );
      return pending;
    };
    try {
      expect((await cli(dataDir, ['servers', 'write', 'git', 'ask', '--yes'])).code).toBe(0);
      writeFileSync(path.join(repo, 'change.txt'), 'a change to commit\n');

      const add = client.callTool({ name: 'git_add', arguments: { repo, paths: ['change.txt'] } });
      await cli(dataDir, ['approvals', 'approve', (await approveNext('git_add')).id]);
      expect((await add).isError).toBeFalsy();

      const commit = client.callTool({ name: 'git_commit', arguments: { repo, message: 'commit approved in MCP Tray' } });
      const pending = await approveNext('git_commit');
      expect(pending.arguments).toEqual({ repo, message: 'commit approved in MCP Tray' });
      expect(commits()).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(commits()).toBe('1'); // still waiting: nothing reached git
      await cli(dataDir, ['approvals', 'approve', pending.id]);
      const result = await commit;
      expect(result.isError, text(result)).toBeFalsy();
      expect(commits()).toBe('2');
      expect(execFileSync('git', ['log', '-1', '--format=%s'], { cwd: repo }).toString().trim()).toBe('commit approved in MCP Tray');
    } finally {
      await client.close();
      await hub.stop();
    }
  });
});
