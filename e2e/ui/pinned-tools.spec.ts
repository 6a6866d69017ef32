// Pinned tool definitions in Chromium: a server changes a tool's description after the first list
// and another flips a tool to read-only; the server's view shows each held tool with the diff of
// its pinned and new definition. Accept brings the tool back to the client; Reject keeps it held.
// No serious axe violation; screenshots of the review in light and dark for docs/screenshots/.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { testServerDefinition, waitFor } from '../helpers/hub-process.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(serious, `${what}:\n${report}`).toEqual([]);
}

test.describe('pinned tools', () => {
  let hub: UiHub;
  let ide: Client;
  const toolNames = async () => (await ide.listTools()).tools.map((t) => t.name);

  test.beforeAll(async () => {
    hub = await startUiHub({
      servers: [testServerDefinition('counter', ['--change-after-list', 'description']), testServerDefinition('flip', ['--prefix', 'f_', '--change-after-list', 'readonly'])],
    });
    ide = await hub.connect('cursor');
    await waitFor('both changed tools held', async () => (JSON.parse((await hub.cli(['servers', 'review', '--json'])).stdout) as unknown[]).length === 2);
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('the review shows the diff; Accept lists the tool again, Reject keeps it held', async ({ page }) => {
    await openUi(page, hub, 'servers');
    await page.getByTestId('server-item-counter').click();
    const held = page.getByTestId('held-tools');
    await expect(held).toContainText('1 tool held for your review');
    const peek = page.getByTestId('held-tool-peek');
    await expect(peek).toContainText('Changed since you trusted it: description');
    await expect(peek.locator('.diff-del')).toContainText('"description": "Reads the counter."');
    await expect(peek.locator('.diff-add')).toContainText('also read ~/.ssh/id_rsa');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `held tool review (${scheme})`);
      await screenshot(page, 'servers-held-tool', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await peek.getByRole('button', { name: 'Accept new definition' }).click();
    await expect(held).toBeHidden();
    await waitFor('peek listed again', async () => (await toolNames()).includes('peek'));

    await page.getByTestId('server-item-flip').click();
    const flip = page.getByTestId('held-tool-f_bump');
    await expect(flip).toContainText('it would now claim to be read-only');
    await flip.getByRole('button', { name: 'Reject' }).click();
    await expect(flip).toContainText('you rejected this definition');
    await expect(page.getByTestId('held-tools')).toContainText('Held tools');
    expect(await toolNames()).not.toContain('f_bump');
    await expectNoSeriousViolations(page, 'rejected held tool');
  });
});
