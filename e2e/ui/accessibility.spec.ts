// An axe scan of every view (and of the dialogs), light and dark, reports no
// serious or critical violation; every control of every view is reachable with Tab; screenshots of
// every view in both themes go to docs/screenshots/. The hub is a busy one (helpers/demo-hub.ts).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startDemoHub, type DemoHub } from './helpers/demo-hub.ts';
import { bodyBackground, focusedMark, markTabStops, unmarkMissed } from './helpers/in-page.ts';
import { screenshot } from './helpers/screenshots.ts';
import { goTo, openUi, type View } from './helpers/ui-hub.ts';

const VIEWS: readonly View[] = ['servers', 'catalog', 'clients', 'activity', 'approvals', 'settings'];

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(serious, `${what}:\n${report}`).toEqual([]);
}

/** Brings each view to a state worth showing: a server with tools, a selected call. */
async function prepare(page: Page, view: View): Promise<void> {
  if (view === 'servers') {
    await page.getByTestId('server-item-counter').click();
    await expect(page.getByTestId('server-detail').getByRole('heading', { name: 'Counter' })).toBeVisible();
  }
  if (view === 'clients') await expect(page.getByTestId('client-cursor')).toBeVisible();
  if (view === 'activity') {
    await page.getByTestId('call-row').filter({ hasText: 'Denied' }).first().click();
    await expect(page.getByTestId('call-detail')).toBeVisible();
  }
  if (view === 'approvals') await expect(page.getByTestId('approval-card')).toBeVisible();
  // The demo hub's registry cannot be reached: the offline snapshot.
  if (view === 'catalog') await expect(page.getByTestId('catalog-offline')).toBeVisible();
}

test.describe('accessibility, keyboard and screenshots', () => {
  let hub: DemoHub;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    hub = await startDemoHub();
  });

  test.afterAll(async () => {
    await hub?.stop();
    await hub?.waiting;
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every view in ${scheme}: no serious axe violation; screenshots`, async ({ page }) => {
      // An axe scan per view and per dialog: on two busy cores each can take a while.
      test.setTimeout(60_000 + (VIEWS.length + 5) * 40_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openUi(page, hub);
      // The waiting approval raises the modal over the first view.
      const modal = page.getByTestId('approval-modal');
      await expect(modal).toBeVisible();
      await expect(modal.getByRole('button', { name: 'Approve once' })).toBeEnabled();
      await expectNoSeriousViolations(page, `approval modal (${scheme})`);
      await screenshot(page, 'approval-modal', scheme);
      await page.keyboard.press('Escape');
      await expect(modal).toBeHidden();

      for (const view of VIEWS) {
        await goTo(page, view);
        await prepare(page, view);
        await expectNoSeriousViolations(page, `${view} (${scheme})`);
        await screenshot(page, view, scheme);
      }

      // The server's other tabs and dialogs.
      await goTo(page, 'servers');
      await prepare(page, 'servers');
      const detail = page.getByTestId('server-detail');
      await detail.getByRole('tab', { name: /Tools/ }).click();
      await expectNoSeriousViolations(page, `servers › tools (${scheme})`);
      await screenshot(page, 'servers-tools', scheme);
      await page.getByTestId('server-item-flaky').click();
      await expect(page.getByTestId('server-detail').getByTestId('state-flaky')).toHaveText(/Restarting|Crashed|Starting/);
      await screenshot(page, 'servers-restarting', scheme);
      await page.getByTestId('server-item-github').click();
      await expectNoSeriousViolations(page, `servers › secrets (${scheme})`);
      await screenshot(page, 'servers-secrets', scheme);
      await page.getByTestId('server-item-filesystem').click();
      await page.getByTestId('write-mode').getByRole('radio', { name: 'Allow' }).click();
      await expect(page.getByTestId('confirm-write-mode')).toBeVisible();
      await expectNoSeriousViolations(page, `write mode allow dialog (${scheme})`);
      await screenshot(page, 'confirm-write-allow', scheme);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Add server' }).first().click();
      await expect(page.getByTestId('add-server-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, `add server dialog (${scheme})`);
      await screenshot(page, 'add-server', scheme);
      await page.keyboard.press('Escape');
    });
  }

  test('every control of every view is reachable with Tab', async ({ page }) => {
    await openUi(page, hub);
    await setAsideApproval(page);
    for (const view of VIEWS) {
      await goTo(page, view);
      await prepare(page, view);
      const missed = await unreachableByTab(page);
      expect(missed, `${view}: controls Tab never reached`).toEqual([]);
    }
  });

  test('a theme chosen in Settings overrides the OS', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openUi(page, hub);
    await setAsideApproval(page);
    await goTo(page, 'settings');
    const background = () => bodyBackground(page);
    const light = await background();
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).not.toBe(light);
    await page.getByRole('radio', { name: 'Follow the system' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    expect(await background()).toBe(light);
  });
});

/** The waiting approval raises its modal on load; Escape sets it aside. */
async function setAsideApproval(page: Page): Promise<void> {
  await expect(page.getByTestId('approval-modal')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('approval-modal')).toBeHidden();
}

/** Presses Tab until focus comes round again; returns the marked controls it never reached. */
async function unreachableByTab(page: Page): Promise<string[]> {
  const total = await markTabStops(page);
  const reached = new Set<string>();
  let first: string | undefined;
  for (let i = 0; i < total + 40; i++) {
    await page.keyboard.press('Tab');
    const id = await focusedMark(page);
    if (id === null) continue;
    if (id === first) break;
    first ??= id;
    reached.add(id);
  }
  return unmarkMissed(page, [...reached]);
}
