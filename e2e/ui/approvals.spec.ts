// A write call in "ask" mode raises the approval modal with the client, server,
// tool and exact arguments; Approve completes the client's call with the server's result, Deny
// returns the reason; Activity shows the decision and duration. The IDE is the real SDK client over
// the bridge; the server is the counting test server.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalInfo } from '../../electron/hub/contract/contract.ts';
import { callsReceived, TEST_SERVER, waitFor } from '../helpers/hub-process.ts';
import { focusedText } from './helpers/in-page.ts';
import { goTo, openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

const text = (result: unknown) => JSON.stringify((result as CallToolResult).content);

test.describe('approvals', () => {
  let hub: UiHub;
  let callsFile: string;
  const pending = async () => JSON.parse((await hub.cli(['approvals', 'list', '--json'])).stdout) as ApprovalInfo[];

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [] });
    callsFile = path.join(hub.dataDir, 'calls.jsonl');
    // Added through the CLI after start so the calls file lives in this hub's data dir.
    const add = await hub.cli(['servers', 'add', 'counter', '--sandbox', 'off', '--', process.execPath, TEST_SERVER, '--calls-file', callsFile]);
    expect(add.code, add.stderr).toBe(0);
    expect((await hub.cli(['servers', 'write', 'counter', 'ask', '--yes'])).code).toBe(0);
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('approve once: the client gets the server result; Activity shows it approved, with its duration', async ({ page }) => {
    const ide = await hub.connect('cursor', { name: 'cursor-test', version: '1.7.0' });
    await openUi(page, hub, 'servers');
    const args = { by: 3, note: 'ship it — "quoted" & ünïcode' };
    const call = ide.callTool({ name: 'bump', arguments: args });

    const modal = page.getByTestId('approval-modal');
    await expect(modal).toBeVisible();
    await expect(modal.getByTestId('approval-client')).toContainText('Cursor');
    await expect(modal.getByTestId('approval-client')).toContainText('cursor-test 1.7.0');
    await expect(modal.getByTestId('approval-server')).toHaveText('counter');
    await expect(modal.getByTestId('approval-tool')).toContainText('bump');
    expect(JSON.parse((await modal.getByTestId('approval-arguments').textContent()) ?? '')).toEqual(args);

    // No default button: Enter and Space decide nothing, neither while the buttons arm nor after.
    await page.keyboard.press('Enter');
    await expect(modal.getByRole('button', { name: 'Approve once' })).toBeEnabled();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await page.waitForTimeout(500);
    expect(await pending()).toHaveLength(1);
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump')).toHaveLength(0);

    await modal.getByRole('button', { name: 'Approve once' }).click();
    const result = await call;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ counter: 3 });
    await expect(modal).toBeHidden();

    await goTo(page, 'activity');
    const row = page.getByTestId('call-row').filter({ hasText: 'bump' }).first();
    await expect(row).toContainText('Approved once');
    await expect(row.locator('.col-duration')).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
    await row.click();
    const detail = page.getByTestId('call-detail');
    await expect(detail.getByTestId('detail-decision')).toHaveText('Approved once');
    await expect(detail.getByTestId('detail-outcome')).toHaveText('OK');
    // It waited for the click above (more than the pauses), and the duration says so.
    await expect(detail.getByTestId('detail-duration')).toHaveText(/^\d+(\.\d+)? s$/);
    expect(JSON.parse((await detail.getByTestId('detail-arguments').textContent()) ?? '')).toEqual(args);
  });

  test('deny with a reason: the client result carries the reason; the server never sees the call', async ({ page }) => {
    const ide = await hub.connect('vscode', { name: 'vscode-test', version: '1.104.0' });
    await openUi(page, hub, 'activity');
    const call = ide.callTool({ name: 'bump', arguments: { by: 100 } });
    const modal = page.getByTestId('approval-modal');
    await expect(modal).toBeVisible();
    await expect(modal.getByTestId('approval-client')).toContainText('VS Code');
    await modal.getByLabel(/Reason for denying/).fill('not on a Friday');
    await modal.getByLabel(/Reason for denying/).press('Enter'); // Enter in the reason field submits nothing
    await page.waitForTimeout(300);
    expect(await pending()).toHaveLength(1);
    await modal.getByRole('button', { name: 'Deny' }).click();

    const result = await call;
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('not on a Friday');
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump' && c.args.by === 100)).toHaveLength(0);

    const row = page.getByTestId('call-row').filter({ hasText: 'VS Code' }).first();
    await expect(row).toContainText('Denied');
    await row.click();
    await expect(page.getByTestId('call-detail')).toContainText('not on a Friday');
  });

  test('Escape sets the modal aside without deciding; a decision made elsewhere removes the request', async ({ page }) => {
    const ide = await hub.connect('zed', { name: 'zed-test', version: '0.200.0' });
    await openUi(page, hub, 'settings');
    const call = ide.callTool({ name: 'bump', arguments: { by: 1 } });
    const modal = page.getByTestId('approval-modal');
    await expect(modal).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(modal).toBeHidden();
    await expect(page.getByTestId('nav-pending-count')).toHaveText('1');

    await goTo(page, 'approvals');
    const card = page.getByTestId('approval-card');
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('zed-test 0.200.0');

    // Approved from the CLI: the request leaves this UI at once.
    const [approval] = await waitFor('the pending approval', async () => ((await pending()).length ? await pending() : undefined));
    expect((await hub.cli(['approvals', 'approve', approval!.id])).code).toBe(0);
    expect((await call).isError).toBeFalsy();
    await expect(card).toHaveCount(0);
    await expect(page.getByTestId('nav-pending-count')).toHaveCount(0);
    await expect(page.getByText('Nothing is waiting for approval')).toBeVisible();
  });

  test('every decision is reachable by keyboard, none by a stray key', async ({ page }) => {
    // One IDE per decision, so that one's session approval or "always" rule cannot answer the next.
    const decisions = [
      { client: 'codex', button: 'Deny', key: 'Enter', isError: true, logged: 'denied-user' },
      { client: 'gemini', button: 'Approve once', key: 'Space', isError: false, logged: 'approved-once' },
      { client: 'windsurf', button: 'Approve for this session', key: 'Enter', isError: false, logged: 'approved-session' },
      { client: 'cline', button: 'Always approve for Cline', key: 'Space', isError: false, logged: 'approved-rule' },
    ] as const;
    await openUi(page, hub, 'servers');
    const modal = page.getByTestId('approval-modal');
    for (const decision of decisions) {
      const ide = await hub.connect(decision.client, { name: `${decision.client}-test`, version: '1.0.0' });
      const call = ide.callTool({ name: 'bump', arguments: { by: 2 } });
      await expect(modal).toBeVisible();
      await expect(modal.getByTestId('approval-client')).toContainText(`${decision.client}-test`);
      await expect(modal.getByRole('button', { name: 'Approve once' })).toBeEnabled();
      // Keys pressed while no decision button has focus decide nothing.
      for (const key of ['Enter', 'Space', 'y', 'a', 'd']) await page.keyboard.press(key);
      await page.waitForTimeout(300);
      expect(await pending(), `after stray keys (${decision.client})`).toHaveLength(1);
      await expect(modal).toBeVisible();

      await tabTo(page, decision.button);
      await page.keyboard.press(decision.key);
      expect((await call).isError ?? false, decision.button).toBe(decision.isError);
      await expect(modal).toBeHidden();
      const logged = (await hub.cli(['log', '--json', '--client', decision.client])).stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { decision: string }).decision);
      expect(logged, decision.button).toEqual([decision.logged]);
    }
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump' && c.args.by === 2)).toHaveLength(3);
  });
});

/** Presses Tab until the focused element is the button with this name (fails after 30). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}
