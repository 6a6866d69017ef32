// Every view at 1280×800 and at 760×700, light and dark: nothing clipped (element boxes against
// their containers, scrollWidth against clientWidth), no serious axe violation, and a screenshot of
// each in docs/screenshots/sizes/. At 760 px the sidebar is a column of icons.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clippedElements } from './helpers/clipping.ts';
import { startDemoHub, type DemoHub } from './helpers/demo-hub.ts';
import { SCREENSHOTS } from './helpers/screenshots.ts';
import { goTo, openUi, type View } from './helpers/ui-hub.ts';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 760, height: 700 },
] as const;

/** Each view in a state worth checking, and what else to open in it. */
const STATES: ReadonlyArray<{ name: string; view: View; prepare?: (page: Page) => Promise<void> }> = [
  { name: 'servers', view: 'servers', prepare: (page) => page.getByTestId('server-item-filesystem').click() },
  {
    name: 'servers-tools',
    view: 'servers',
    prepare: async (page) => {
      await page.getByTestId('server-item-filesystem').click();
      await page.getByTestId('server-detail').getByRole('tab', { name: /Tools/ }).click();
    },
  },
  { name: 'servers-not-installed', view: 'servers', prepare: (page) => page.getByTestId('server-item-missing').click() },
  { name: 'servers-postgres', view: 'servers', prepare: (page) => page.getByTestId('server-item-postgres').click() },
  { name: 'catalog', view: 'catalog', prepare: (page) => expect(page.getByTestId('catalog-offline')).toBeVisible() },
  { name: 'clients', view: 'clients', prepare: (page) => expect(page.getByTestId('client-cursor')).toBeVisible() },
  {
    name: 'activity',
    view: 'activity',
    prepare: async (page) => {
      await page.getByTestId('call-row').filter({ hasText: 'Denied' }).first().click();
      await expect(page.getByTestId('call-detail')).toBeVisible();
    },
  },
  { name: 'approvals', view: 'approvals', prepare: (page) => expect(page.getByTestId('approval-card')).toBeVisible() },
  { name: 'settings', view: 'settings' },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test.describe('window sizes', () => {
  let hub: DemoHub;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    hub = await startDemoHub();
  });

  test.afterAll(async () => {
    await hub?.stop();
    await hub?.waiting;
  });

  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${size.width}×${size.height} ${scheme}: nothing clipped, no serious axe violation`, async ({ page }) => {
        // One axe scan per state: on two busy cores each can take a while, so the budget grows with the states.
        test.setTimeout(60_000 + STATES.length * 40_000);
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await openUi(page, hub);
        const modal = page.getByTestId('approval-modal');
        await expect(modal).toBeVisible();
        expect.soft(await clippedElements(page), 'approval modal').toEqual([]);
        await page.keyboard.press('Escape');
        await expect(modal).toBeHidden();
        const narrow = size.width < 900;
        // At 760 px the sidebar shows icons only, each still named for assistive technology.
        const sidebar = (await page.locator('nav.sidebar').boundingBox())!;
        expect.soft(sidebar.width, 'sidebar width').toBeLessThan(narrow ? 80 : 260);
        expect.soft(sidebar.width, 'sidebar width').toBeGreaterThan(narrow ? 40 : 150);
        await expect(page.getByRole('link', { name: 'Clients' })).toBeVisible();

        for (const state of STATES) {
          await goTo(page, state.view);
          await state.prepare?.(page);
          await page.waitForTimeout(150);
          expect.soft(await clippedElements(page), `${state.name} at ${size.width}×${size.height} ${scheme}`).toEqual([]);
          expect.soft(await seriousViolations(page), `${state.name} at ${size.width}×${size.height} ${scheme}`).toEqual([]);
          await page.screenshot({ path: `${SCREENSHOTS}/sizes/${state.name}-${size.width}x${size.height}-${scheme}.png`, caret: 'hide', animations: 'disabled' });
        }
      });
    }
  }
});
