// A remote server that asks for a sign-in, in the UI: its page says it needs one and offers Sign in;
// the sign-in page opens in a new tab (the test authorization server's login and consent); the
// page then says "Signed in as … · token expires in …"; Sign out brings back the Sign in button.
// No serious axe violation in either state; screenshots of both, light and dark.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { startAuthorizationServer, type TestAuthorizationServer } from '../fixtures/oauth/authorization-server.ts';
import { listenResourceServer, type TestResourceServer } from '../fixtures/oauth/mcp-resource-server.ts';
import { completeSignIn } from '../helpers/oauth-browser.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`), what).toEqual([]);
}

test.describe('sign-in to a remote server', () => {
  let as: TestAuthorizationServer;
  let rs: TestResourceServer;
  let hub: UiHub;
  const state = async () => (JSON.parse((await hub.cli(['servers', 'list', '--json'])).stdout) as ServerStatus[]).find((s) => s.id === 'linear')!;

  test.beforeAll(async () => {
    const listening = await listenResourceServer();
    as = await startAuthorizationServer({ resource: listening.url, accessTokenTtlSeconds: 3600 });
    rs = listening.start({ issuer: as.issuer });
    hub = await startUiHub({ servers: [{ id: 'linear', name: 'Linear', kind: 'http', url: rs.url }] });
  });

  test.afterAll(async () => {
    await hub?.stop();
    await rs?.close();
    await as?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`needs sign-in → Sign in in a new tab → signed in → Sign out (${scheme})`, async ({ page, context }) => {
      // The authorization server's pages ask for web fonts: nothing leaves 127.0.0.1.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      await page.emulateMedia({ colorScheme: scheme });
      await openUi(page, hub, 'servers');
      const detail = page.getByTestId('server-detail');
      await expect(detail.getByTestId('state-linear')).toHaveText('Needs sign-in');
      await expect(page.getByTestId('server-item-linear')).toContainText('Sign in to use its tools');
      const panel = detail.getByTestId('sign-in');
      await expect(panel).toContainText('Linear needs you to sign in.');
      await expectNoSeriousViolations(page, `needs sign-in (${scheme})`);
      await screenshot(page, 'servers-sign-in-needed', scheme);

      const [tab] = await Promise.all([context.waitForEvent('page'), panel.getByRole('button', { name: 'Sign in' }).click()]);
      expect(new URL(tab.url() === 'about:blank' ? (await tab.waitForURL(/^http/), tab.url()) : tab.url()).origin).toBe(as.issuer);
      expect(await completeSignIn(tab)).toContain('Signed in');
      await tab.close();

      await expect(detail.getByTestId('state-linear')).toHaveText('Running');
      await expect(panel.getByTestId('sign-in-line')).toHaveText(/^Signed in as alice · token expires in (59|60) min/);
      await expect(panel.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await expectNoSeriousViolations(page, `signed in (${scheme})`);
      await screenshot(page, 'servers-signed-in', scheme);
      expect((await state()).auth).toMatchObject({ signedIn: true, account: 'alice' });

      await panel.getByRole('button', { name: 'Sign out' }).click();
      await expect(detail.getByTestId('state-linear')).toHaveText('Needs sign-in');
      await expect(panel.getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect((await state()).auth?.signedIn).toBe(false);
    });
  }
});
