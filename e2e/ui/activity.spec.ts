// 5,000 calls made while the Activity view is open all appear (live, through
// the event stream), and the filters and search narrow correctly, for logged and for live calls.
// How responsive the view stays is measured in bench/ui-long-tasks.ts, not timed here.
import { expect, test, type Page } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { testServerDefinition } from '../helpers/hub-process.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

const READS = 4000;
const WRITES = 1000;

/** Calls `tool` n times, `parallel` at a time. */
async function callMany(client: Client, tool: string, n: number, parallel = 16): Promise<number> {
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        const i = next++;
        const result = await client.callTool({ name: tool, arguments: tool === 'bump' ? { by: 1, note: `call ${i}` } : {} });
        if (result.isError) errors++;
      }
    }),
  );
  return errors;
}

const count = (page: Page) => page.getByTestId('call-count');
const grid = (page: Page) => page.getByTestId('call-grid');

test.describe('activity', () => {
  let hub: UiHub;
  let cursor: Client;
  let vscode: Client;

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [testServerDefinition('counter')] });
    cursor = await hub.connect('cursor');
    vscode = await hub.connect('vscode');
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('5,000 calls made while the view is open all appear; filters and search narrow them', async ({ page }) => {
    test.setTimeout(180_000);
    await openUi(page, hub, 'activity');
    await expect(page.getByText('No calls yet')).toBeVisible();

    // Reads from one client; writes (refused: write mode is off) from the other.
    const [readErrors, writeErrors] = await Promise.all([callMany(cursor, 'peek', READS), callMany(vscode, 'bump', WRITES)]);
    expect(readErrors).toBe(0);
    expect(writeErrors).toBe(WRITES);

    await expect(count(page)).toHaveAttribute('data-count', String(READS + WRITES), { timeout: 60_000 });
    await expect(grid(page)).toHaveAttribute('data-rows', String(READS + WRITES));
    await expect(grid(page)).toHaveAttribute('aria-rowcount', String(READS + WRITES + 1));
    // The oldest call is there too: End moves to the last row.
    await grid(page).focus();
    await page.keyboard.press('End');
    await expect(grid(page).locator(`[aria-rowindex="${READS + WRITES + 1}"]`)).toBeVisible();
    await expect(page.getByTestId('call-detail')).toBeVisible();
    await page.keyboard.press('Escape');

    // Filters, from the log (hub query) …
    await page.getByLabel('Client').selectOption('vscode');
    await expect(count(page)).toHaveAttribute('data-count', String(WRITES));
    await expectEveryVisibleRow(page, 'VS Code');
    // The first page is 500; scrolling to the end pages in the rest, and no more.
    await grid(page).focus();
    await expect(async () => {
      await page.keyboard.press('End');
      expect(await grid(page).getAttribute('data-rows')).toBe(String(WRITES));
    }).toPass({ timeout: 15_000 });
    await expectEveryVisibleRow(page, 'VS Code');

    await page.getByLabel('Client').selectOption('');
    await page.getByLabel('Decision').selectOption('blocked-write-off');
    await expect(count(page)).toHaveAttribute('data-count', String(WRITES));
    await expectEveryVisibleRow(page, 'Blocked: write off');

    await page.getByLabel('Decision').selectOption('');
    await page.getByLabel('Outcome').selectOption('ok');
    await expect(count(page)).toHaveAttribute('data-count', String(READS));
    await expectEveryVisibleRow(page, 'peek');

    await page.getByLabel('Outcome').selectOption('');
    await page.getByLabel('Search calls').fill('call 12');
    // Notes run "call 0"…"call 999": "call 12" and "call 120"…"call 129" match.
    await expect(count(page)).toHaveAttribute('data-count', '11');
    await expect(grid(page)).toHaveAttribute('data-rows', '11');
    await expectEveryVisibleRow(page, 'bump');

    // … and live: new calls that match appear, others do not.
    await page.getByLabel('Search calls').fill('');
    await page.getByLabel('Client').selectOption('vscode');
    await expect(count(page)).toHaveAttribute('data-count', String(WRITES));
    await Promise.all([callMany(vscode, 'bump', 10, 2), callMany(cursor, 'peek', 25, 5)]);
    await expect(count(page)).toHaveAttribute('data-count', String(WRITES + 10));
    await expect(grid(page)).toHaveAttribute('data-rows', '510');
    await expectEveryVisibleRow(page, 'VS Code');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(count(page)).toHaveAttribute('data-count', String(READS + WRITES + 35));
  });
});

/** Every row the grid shows contains the text. */
async function expectEveryVisibleRow(page: Page, text: string): Promise<void> {
  const rows = page.getByTestId('call-row');
  await expect(rows.first()).toBeVisible();
  const texts = await rows.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const row of texts) expect(row).toContain(text);
}
