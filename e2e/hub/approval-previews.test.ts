// The effect shown before approval (docs/approval-previews.md), end to end: the real hub with the
// bundled filesystem, memory, git and postgres servers in ask mode, a real PostgreSQL, the SDK
// client as the IDE over `mcp-tray bridge`, and the real CLI as the person who approves. Each
// preview is read from `approvals show` / `approvals list --json` while the call waits; after
// approval the test checks that what ran matches what was shown (the file against the diff's
// after-side, rows affected against the approved run), and that nothing changed before.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch } from 'diff';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ApprovalInfo, HubStatus } from '../../electron/hub/contract/contract.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { bundledSettings, cli, cliJson, connectBridge, type HubProcess, startHub, storePostgresUrl, tempDir, testServerDefinition, waitFor, waitForRunning, writeSettings } from '../helpers/hub-process.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

const KEYCHAIN_SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? `mcp-tray-test-previews-${process.pid}`;
const ASK = { writeMode: 'ask' } as const;
const text = (result: unknown) => ((result as { content: Array<{ text?: string }> }).content ?? []).map((c) => c.text ?? '').join('\n');

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
}

function makeRepo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Preview Tester');
  git(dir, 'config', 'user.email', 'preview@example.test');
  writeFileSync(path.join(dir, 'README.md'), 'previews before approval\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '-q', '-m', 'initial commit');
}

describe('previews of the effect before approval', () => {
  let dataDir: string;
  let root: string;
  let repo: string;
  let db: TestPostgres;
  let hub: HubProcess;
  let client: Client;
  let keychainProblem: string | undefined;

  beforeAll(async () => {
    db = await startPostgres();
    await db.admin(
      `SET ROLE ${db.user}; CREATE TABLE items (id int PRIMARY KEY, label text); INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 6) AS g;`,
    );
    dataDir = tempDir();
    root = path.join(tempDir(), 'notes');
    mkdirSync(root);
    repo = path.join(dataDir, 'repo');
    makeRepo(repo);
    const settings = bundledSettings(dataDir, root, [
      { id: 'git', name: 'Git', kind: 'bundled', bundled: 'git', options: { repos: [repo] }, ...ASK },
      { id: 'postgres', name: 'PostgreSQL', kind: 'bundled', bundled: 'postgres', secretEnv: ['POSTGRES_URL'], options: { rowLimit: '50', statementTimeoutMs: '5000' }, ...ASK },
      testServerDefinition('counter', [], { ...ASK, sandbox: 'off' }),
    ]);
    for (const server of settings.servers as Array<Record<string, unknown>>) server.writeMode = 'ask';
    writeSettings(dataDir, settings);
    hub = await startHub(dataDir, { env: { MCP_TRAY_KEYCHAIN_SERVICE: KEYCHAIN_SERVICE } });
    keychainProblem = await storePostgresUrl(dataDir, db.url);
    if (keychainProblem) console.warn(`\n!!! POSTGRES PREVIEW TEST SKIPPED: no OS keychain here (${keychainProblem}); run under e2e/setup/with-keyring.sh\n`);
    await waitForRunning(dataDir, ['filesystem', 'memory', 'git', 'counter', ...(keychainProblem ? [] : ['postgres'])]);
    client = await connectBridge(dataDir, 'preview-test');
  }, 90_000);

  afterAll(async () => {
    await client?.close();
    if (hub && !keychainProblem && hub.process.exitCode === null) await cli(dataDir, ['secrets', 'delete', 'postgres', 'POSTGRES_URL']);
    await hub?.stop();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (root) rmSync(path.dirname(root), { recursive: true, force: true });
  });

  /** Starts a call that waits for approval; resolves with the approval as the CLI lists it. */
  async function ask(name: string, args: Record<string, unknown>) {
    const result = client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
    result.catch(() => undefined);
    const approval = await waitFor(
      `an approval for ${name}`,
      async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.tool === name),
      20_000,
      100,
    );
    return { approval, result };
  }

  it('edit_file: the prompt shows the exact diff, and the file after approval is its after-side', async () => {
    const file = path.join(root, 'plan.md');
    const before = 'alpha\nbeta\ngamma\ndelta\n';
    writeFileSync(file, before);
    const { approval, result } = await ask('edit_file', { path: file, edits: [{ oldText: 'beta', newText: 'BETA (edited)' }] });
    const preview = approval.preview;
    expect(preview?.kind).toBe('diff');
    if (preview?.kind !== 'diff') return;
    expect(preview.diff).toContain('-beta');
    expect(preview.diff).toContain('+BETA (edited)');
    // The CLI shows the same diff, with the raw arguments.
    const shown = await cli(dataDir, ['approvals', 'show', approval.id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(preview.diff.trimEnd());
    expect(shown.stdout).toContain('Arguments:');
    // Nothing changed yet: the dry run wrote nothing.
    expect(readFileSync(file, 'utf8')).toBe(before);
    const afterSide = applyPatch(before, preview.diff);
    expect(afterSide).not.toBe(false);

    expect((await cli(dataDir, ['approvals', 'approve', approval.id])).code).toBe(0);
    const answer = await result;
    expect(answer.isError, text(answer)).toBeFalsy();
    expect(readFileSync(file, 'utf8')).toBe(afterSide);

    // The call log keeps what the prompt showed, in one line.
    const entry = await waitFor('the edit_file call in the log', async () => {
      const log = await cli(dataDir, ['log', '--server', 'filesystem', '--limit', '20', '--json']);
      return log.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogEntry)
        .find((e) => e.target === 'edit_file');
    });
    expect(entry.effectPreview).toMatch(/^diff of .*plan\.md: \+1 -1$/);
  });

  it('write_file and move_file: a diff against the file as it is (or a new file), from → to and whether the target exists', async () => {
    const file = path.join(root, 'new.md');
    const write = await ask('write_file', { path: file, content: 'fresh line\n' });
    expect(write.approval.preview).toMatchObject({ kind: 'diff', created: true });
    expect(write.approval.preview?.kind === 'diff' && write.approval.preview.diff).toContain('+fresh line');
    expect(existsSync(file)).toBe(false);
    await cli(dataDir, ['approvals', 'deny', write.approval.id]);
    await write.result;

    writeFileSync(path.join(root, 'a.md'), 'a\n');
    writeFileSync(path.join(root, 'b.md'), 'b\n');
    const move = await ask('move_file', { source: path.join(root, 'a.md'), destination: path.join(root, 'b.md') });
    expect(move.approval.preview).toMatchObject({ kind: 'move', from: path.join(root, 'a.md'), to: path.join(root, 'b.md'), targetExists: true });
    await cli(dataDir, ['approvals', 'deny', move.approval.id]);
    await move.result;
  });

  it('postgres UPDATE: rows affected in the preview equal the approved run, and nothing changed before approval', async ({ skip }) => {
    if (keychainProblem) skip(`no OS keychain here (${keychainProblem})`);
    const sql = "UPDATE items SET label = label || ' (changed)' WHERE id <= 4";
    const { approval, result } = await ask('pg_execute', { sql });
    const preview = approval.preview;
    expect(preview, JSON.stringify(preview)).toMatchObject({ kind: 'rows', command: 'UPDATE', rowsAffected: 4 });
    if (preview?.kind !== 'rows') return;
    expect(preview.columns).toEqual(['id', 'label']);
    expect(preview.rows).toHaveLength(4);
    expect(preview.rows.map((row) => row[1])).toContain('item 1 (changed)');
    // While the approval waits, the database is untouched (the trial run was rolled back).
    const pending = await db.admin("SELECT count(*)::int AS n FROM items WHERE label LIKE '%(changed)'");
    expect(pending.rows[0].n).toBe(0);
    const shown = await cli(dataDir, ['approvals', 'show', approval.id]);
    expect(shown.stdout).toContain('4 row(s) affected');
    expect(shown.stdout).toContain('item 1 (changed)');

    expect((await cli(dataDir, ['approvals', 'approve', approval.id])).code).toBe(0);
    const answer = await result;
    expect(answer.isError, text(answer)).toBeFalsy();
    const ran = (answer.structuredContent as { rows_affected: number }).rows_affected;
    expect(ran).toBe(preview.rowsAffected);
    const after = await db.admin("SELECT count(*)::int AS n FROM items WHERE label LIKE '%(changed)'");
    expect(after.rows[0].n).toBe(ran);
  });

  it('git commit: the staged diff stat and the message; reset --hard: the commits and changes it would lose', async () => {
    writeFileSync(path.join(repo, 'feature.txt'), 'one\ntwo\n');
    git(repo, 'add', 'feature.txt');
    const commit = await ask('git_commit', { message: 'Add the feature file' });
    const preview = commit.approval.preview;
    expect(preview?.kind).toBe('lists');
    if (preview?.kind !== 'lists') return;
    expect(preview.summary).toContain('1 file changed, 2 insertions(+)');
    expect(preview.sections).toContainEqual({ title: 'Message', items: ['Add the feature file'] });
    expect(preview.sections.find((s) => s.title === 'Staged changes')?.items.join('\n')).toContain('feature.txt');
    expect((await cli(dataDir, ['approvals', 'approve', commit.approval.id])).code).toBe(0);
    expect((await commit.result).isError).toBeFalsy();

    // A hard reset back one commit loses that commit (no other branch has it) and the edit to README.
    writeFileSync(path.join(repo, 'README.md'), 'an uncommitted edit\n');
    const reset = await ask('git_reset', { mode: 'hard', target: 'HEAD~1' });
    const lost = reset.approval.preview;
    expect(lost?.kind).toBe('lists');
    if (lost?.kind !== 'lists') return;
    expect(lost.sections[0]?.items.join('\n')).toContain('Add the feature file');
    expect(lost.sections[1]?.title).toMatch(/discarded/);
    expect(lost.sections[1]?.items.join('\n')).toContain('README.md');
    await cli(dataDir, ['approvals', 'deny', reset.approval.id]);
    await reset.result;
    expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toBe('an uncommitted edit\n');
  });

  it('memory: the entities and relations a call would create, and what deleting an entity takes with it', async () => {
    const create = await ask('create_entities', {
      entities: [
        { name: 'Ada', entityType: 'person', observations: ['writes programs'] },
        { name: 'Engine', entityType: 'machine', observations: [] },
      ],
    });
    expect(create.approval.preview).toMatchObject({ kind: 'lists', summary: 'Creates 2 entities.' });
    expect(create.approval.preview?.kind === 'lists' && create.approval.preview.sections[0]?.items).toEqual(['Ada (person): 1 observation(s)', 'Engine (machine)']);
    await cli(dataDir, ['approvals', 'approve', create.approval.id]);
    await create.result;
    const relate = await ask('create_relations', { relations: [{ from: 'Ada', to: 'Engine', relationType: 'programs' }] });
    await cli(dataDir, ['approvals', 'approve', relate.approval.id]);
    await relate.result;

    const remove = await ask('delete_entities', { entityNames: ['Engine'] });
    expect(remove.approval.preview).toMatchObject({
      kind: 'lists',
      summary: 'Deletes 1 entity and 1 relation(s).',
      sections: [
        { title: 'Entities deleted', items: ['Engine (machine)'] },
        { title: 'Relations deleted with them', items: ['Ada —programs→ Engine'] },
      ],
    });
    await cli(dataDir, ['approvals', 'deny', remove.approval.id]);
    await remove.result;
  });

  it('a third-party tool: "no preview" with the reason, and the raw arguments', async () => {
    const { approval, result } = await ask('bump', { by: 3 });
    expect(approval.preview).toMatchObject({ kind: 'none' });
    expect(approval.preview?.kind === 'none' && approval.preview.reason).toContain('not a bundled server');
    const shown = await cli(dataDir, ['approvals', 'show', approval.id]);
    expect(shown.stdout).toContain('No preview: "counter" is not a bundled server');
    expect(shown.stdout).toContain('"by": 3');
    await cli(dataDir, ['approvals', 'deny', approval.id]);
    await result;
  });

  it('clients never see the preview tool, and calling it is refused', async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    expect(tools.map((t) => t.name).filter((name) => name.includes('preview'))).toEqual([]);
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(status.servers.find((s) => s.id === 'git')).toBeDefined();
    for (const name of ['mcp_tray_preview', 'git__mcp_tray_preview', 'postgres__mcp_tray_preview']) {
      await expect(client.callTool({ name, arguments: { tool: 'git_commit', arguments: { message: 'x' } } })).rejects.toThrow(/Unknown tool/);
    }
  });
});
