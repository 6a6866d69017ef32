// Approving with edited arguments in the approval dialog: text that is not a JSON object and
// arguments that do not fit the tool's input schema are refused in the dialog (the call keeps
// waiting, nothing reaches the server); valid edits run, and the client is told. Axe finds no
// serious violation; screenshots of the editor in light and dark for docs/screenshots/.
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { callsReceived, TEST_SERVER } from '../helpers/hub-process.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(serious, `${what}:\n${report}`).toEqual([]);
}

test.describe('approve with edited arguments', () => {
  let hub: UiHub;
  let callsFile: string;

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [] });
    callsFile = path.join(hub.dataDir, 'calls.jsonl');
    // Unsandboxed: the counting server writes its calls file in the data dir, which a sandbox hides.
    const add = await hub.cli(['servers', 'add', 'counter', '--sandbox', 'off', '--', process.execPath, TEST_SERVER, '--calls-file', callsFile]);
    expect(add.code, add.stderr).toBe(0);
    expect((await hub.cli(['servers', 'write', 'counter', 'ask', '--yes'])).code).toBe(0);
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('invalid edits are refused in the dialog; valid ones reach the server', async ({ page }) => {
    const ide = await hub.connect('cursor');
    await openUi(page, hub, 'servers');
    const call = ide.callTool({ name: 'bump', arguments: { by: 5 } }) as Promise<CallToolResult>;
    const modal = page.getByTestId('approval-modal');
    await expect(modal).toBeVisible();
    await modal.getByRole('button', { name: 'Edit arguments' }).click();
    const editor = modal.getByRole('textbox', { name: /Arguments to run with/ });
    const approve = modal.getByRole('button', { name: 'Approve once with these arguments' });
    const problem = modal.getByTestId('edit-arguments-problem');

    await editor.fill('{"by": 2');
    await approve.click();
    await expect(problem).toContainText('Not valid JSON');
    await editor.fill('{"by": "two"}');
    await approve.click();
    await expect(problem).toContainText('"by" must be number');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(callsReceived(callsFile)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `edited arguments refused (${scheme})`);
      await screenshot(page, 'approval-edited-arguments', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await editor.fill('{"by": 2, "note": "edited"}');
    await approve.click();
    await expect(modal).toBeHidden();
    const result = await call;
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(result.structuredContent).toEqual({ counter: 2 });
    expect(JSON.stringify(result.content)).toContain('the user edited the arguments');
    expect(callsReceived(callsFile).map((c) => c.args)).toEqual([{ by: 2, note: 'edited' }]);
  });
});
