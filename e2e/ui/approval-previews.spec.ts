// The approval dialog shows what a write call would change before the user decides
// (docs/approval-previews.md): each preview kind from a real server behind a real hub — a file diff
// (filesystem edit_file), the rows of an UPDATE tried in a rolled-back transaction (a real
// PostgreSQL), lists (git commit), a move (filesystem move_file), and "no preview" for a third-party
// tool. Axe finds no violation in light or dark; screenshots of each kind for docs/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { TEST_SERVER, tempDir, waitFor, type CliResult } from '../helpers/hub-process.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(results.violations, `${what}:\n${report}`).toEqual([]);
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
}

test.describe('previews in the approval dialog', () => {
  let hub: UiHub;
  let db: TestPostgres;
  let work: string;
  let root: string;
  let repo: string;
  let ide: Client;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    db = await startPostgres();
    await db.admin(`SET ROLE ${db.user}; CREATE TABLE orders (id int PRIMARY KEY, customer text, status text); INSERT INTO orders VALUES (1, 'Ada', 'open'), (2, 'Grace', 'open'), (3, 'Linus', 'shipped');`);
    work = tempDir('mcp-tray-ui-previews-');
    root = path.join(work, 'notes');
    mkdirSync(root);
    repo = path.join(work, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Preview Tester');
    git(repo, 'config', 'user.email', 'preview@example.test');
    writeFileSync(path.join(repo, 'README.md'), 'a project\n');
    git(repo, 'add', 'README.md');
    git(repo, 'commit', '-q', '-m', 'initial commit');
    const ask = { writeMode: 'ask' };
    hub = await startUiHub({
      servers: [
        { id: 'filesystem', name: 'Filesystem', kind: 'bundled', bundled: 'filesystem', options: { roots: [root] }, ...ask },
        { id: 'git', name: 'Git', kind: 'bundled', bundled: 'git', options: { repos: [repo] }, ...ask },
        { id: 'postgres', name: 'PostgreSQL', kind: 'bundled', bundled: 'postgres', secretEnv: ['POSTGRES_URL'], options: {}, ...ask },
        { id: 'counter', name: 'counter', kind: 'stdio', command: process.execPath, args: [TEST_SERVER], sandbox: 'off', ...ask },
      ],
    });
    const set: CliResult = await hub.cli(['secrets', 'set', 'postgres', 'POSTGRES_URL'], db.url);
    expect(set.code, set.stderr).toBe(0);
    await waitFor(
      'every server running',
      async () => {
        const status = JSON.parse((await hub.cli(['status', '--json'])).stdout) as { servers: Array<{ id: string; state: string }> };
        return ['filesystem', 'git', 'postgres', 'counter'].every((id) => status.servers.find((s) => s.id === id)?.state === 'running');
      },
      30_000,
      200,
    );
    ide = await hub.connect('cursor');
  });

  test.afterAll(async () => {
    if (hub) await hub.cli(['secrets', 'delete', 'postgres', 'POSTGRES_URL']);
    await hub?.stop();
    await db?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Starts the call, waits for the dialog, checks it, scans and photographs it light and dark, then denies. */
  async function showPreview(page: Page, name: string, args: Record<string, unknown>, kind: string, check: (preview: Locator) => Promise<void>) {
    await openUi(page, hub, 'servers');
    const call = ide.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
    const modal = page.getByTestId('approval-modal');
    await expect(modal).toBeVisible();
    const preview = modal.getByTestId('approval-preview');
    await expect(preview).toHaveAttribute('data-kind', kind);
    await check(preview);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoViolations(page, `${kind} preview (${scheme})`);
      await screenshot(page, `approval-preview-${kind}`, scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await modal.getByRole('button', { name: 'Deny' }).click();
    await expect(modal).toBeHidden();
    const result = await call;
    expect(result.isError).toBe(true);
  }

  test('a file diff with its +/- lines (filesystem edit_file)', async ({ page }) => {
    const file = path.join(root, 'plan.md');
    writeFileSync(file, '# Plan\n\n- write the parser\n- test it\n- ship\n');
    await showPreview(page, 'edit_file', { path: file, edits: [{ oldText: '- test it', newText: '- test it on real files' }] }, 'diff', async (preview) => {
      await expect(preview.locator('.diff-del')).toHaveText(['-- test it']);
      await expect(preview.locator('.diff-add')).toHaveText(['+- test it on real files']);
    });
  });

  test('the rows an UPDATE would change, as a table (postgres, rolled back)', async ({ page }) => {
    await showPreview(page, 'pg_execute', { sql: "UPDATE orders SET status = 'cancelled' WHERE status = 'open'" }, 'rows', async (preview) => {
      await expect(preview.getByTestId('preview-rows-affected')).toContainText('UPDATE: 2 rows affected');
      const table = preview.getByRole('table', { name: 'Changed rows' });
      await expect(table.getByRole('columnheader')).toHaveText(['id', 'customer', 'status']);
      await expect(table.getByRole('row')).toHaveCount(3);
      await expect(table.getByRole('cell', { name: 'cancelled' })).toHaveCount(2);
    });
    const still = await db.admin("SELECT count(*)::int AS n FROM orders WHERE status = 'cancelled'");
    expect(still.rows[0].n).toBe(0);
  });

  test('lists: the staged changes and message of a commit (git)', async ({ page }) => {
    writeFileSync(path.join(repo, 'parser.ts'), 'export const parse = (s: string) => s.split(",");\n');
    git(repo, 'add', 'parser.ts');
    await showPreview(page, 'git_commit', { message: 'Add the parser' }, 'lists', async (preview) => {
      await expect(preview).toContainText('A new commit on main: 1 file changed, 1 insertion(+)');
      await expect(preview.getByRole('heading', { name: 'Message' })).toBeVisible();
      await expect(preview.getByRole('listitem').filter({ hasText: 'parser.ts' })).toHaveCount(1);
    });
  });

  test('a move: from, to, and whether the target exists (filesystem move_file)', async ({ page }) => {
    writeFileSync(path.join(root, 'draft.md'), 'draft\n');
    await showPreview(page, 'move_file', { source: path.join(root, 'draft.md'), destination: path.join(root, 'final.md') }, 'move', async (preview) => {
      await expect(preview).toContainText(path.join(root, 'final.md'));
      await expect(preview).toContainText('does not exist yet');
    });
  });

  test('no preview for a third-party tool: the reason, and the arguments below', async ({ page }) => {
    await showPreview(page, 'bump', { by: 4 }, 'none', async (preview) => {
      await expect(preview.getByTestId('preview-none')).toContainText('"counter" is not a bundled server');
      await expect(page.getByTestId('approval-arguments')).toContainText('"by": 4');
    });
  });
});
