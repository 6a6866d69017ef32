// Settings → Rate limits and Telemetry in the browser against a real hub: add a limit from the
// form (it is the hub's limit: the CLI lists it, and a client over it is refused), see the refused
// call in Activity under the "Rate limited" decision, remove the limit; turn the OpenTelemetry
// export on, and keep a header's value in the keychain without it ever showing in the page. No
// serious axe violation; screenshots of both panels, light and dark.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { LimitInfo } from '../../electron/hub/contract/api/limits.ts';
import { HubClient } from '../../electron/cli/hub-client.ts';
import { testServerDefinition } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';
import { screenshot } from './helpers/screenshots.ts';
import { goTo, openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`), what).toEqual([]);
}

/** Scrolls a panel's heading to the top of its scrolling container, for a screenshot of that panel. */
async function scrollToTop(page: Page, panel: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: panel }).evaluate((el) => (el as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
}

test.describe('rate limits and telemetry in Settings', () => {
  let hub: UiHub;
  const limits = async () => JSON.parse((await hub.cli(['limits', 'list', '--json'])).stdout) as LimitInfo[];
  const telemetry = async () => {
    const client = await HubClient.connect(hub.dataDir);
    try {
      return await client.request('telemetry.get');
    } finally {
      client.close();
    }
  };

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [testServerDefinition('counter')] });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('a limit added in the form refuses the client\'s 2nd call, shows in Activity as rate limited, and is removed', async ({ page }) => {
    await openUi(page, hub, 'settings');
    const panel = page.getByRole('region', { name: 'Rate limits' });
    await expect(panel).toContainText('No rate limits');
    const form = panel.getByRole('form', { name: 'Add a rate limit' });
    await form.getByLabel('Client').fill('cursor');
    await form.getByLabel('Server').selectOption('counter');
    await form.getByLabel('Tool').fill('peek');
    await form.getByLabel('Per minute').fill('1');
    await form.getByRole('button', { name: 'Add limit' }).click();
    const table = panel.getByRole('table', { name: 'Rate limits' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('cursor');
    await expect(table).toContainText('peek');
    expect(await limits()).toMatchObject([{ id: 'limit-1', client: 'cursor', server: 'counter', tool: 'peek', perMinute: 1 }]);

    const cursor = await hub.connect('cursor');
    expect((await cursor.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    await expect(cursor.callTool({ name: 'peek', arguments: {} })).rejects.toThrow(/rate limit "limit-1"/);

    await goTo(page, 'activity');
    await page.getByLabel('Decision').selectOption('rate-limited');
    await expect(page.getByTestId('call-count')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('call-row')).toContainText('Rate limited');

    await goTo(page, 'settings');
    await panel.getByRole('button', { name: /^Remove limit limit-1/ }).click();
    await expect(panel).toContainText('No rate limits');
    expect(await limits()).toEqual([]);
    expect((await cursor.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
  });

  test('telemetry: off by default, turned on with an endpoint; a secret header kept in the keychain, never shown', async ({ page }) => {
    await openUi(page, hub, 'settings');
    const panel = page.getByRole('region', { name: 'Telemetry (OpenTelemetry)' });
    const form = panel.getByRole('form', { name: 'Telemetry settings' });
    await expect(form.getByRole('switch', { name: 'Export traces and metrics' })).toHaveAttribute('aria-checked', 'false');
    await form.getByRole('switch', { name: 'Export traces and metrics' }).click();
    // Nothing listens here: an export that cannot be delivered is dropped, the hub goes on.
    await form.getByLabel('Collector endpoint').fill('http://127.0.0.1:9/otel');
    await form.getByLabel('Service name').fill('mcp-tray-ui-test');
    await form.getByLabel('Headers').fill('x-team: tools');
    await form.getByRole('button', { name: 'Save telemetry' }).click();
    await expect(form.getByRole('switch', { name: 'Export traces and metrics' })).toHaveAttribute('aria-checked', 'true');
    await expect.poll(telemetry).toMatchObject({ enabled: true, endpoint: 'http://127.0.0.1:9/otel', serviceName: 'mcp-tray-ui-test', headers: { 'x-team': 'tools' } });

    const value = testSecret('otel-ui');
    const secrets = panel.getByRole('form', { name: 'Add a secret header' });
    await secrets.getByLabel('Header name').fill('Authorization');
    await secrets.getByLabel('Header value').fill(value);
    await secrets.getByRole('button', { name: 'Keep in keychain' }).click();
    await expect(panel.getByRole('list', { name: 'Secret headers' })).toContainText('Authorization · set in the keychain');
    await expect(secrets.getByLabel('Header value')).toHaveValue('');
    expect(await page.content()).not.toContain(value);
    expect((await telemetry()).secretHeaders).toEqual([{ name: 'Authorization', set: true }]);

    // A bad endpoint is refused with the hub's reason; the saved one stays.
    await form.getByLabel('Collector endpoint').fill('ftp://collector');
    await form.getByRole('button', { name: 'Save telemetry' }).click();
    await expect(page.locator('.toast-region')).toContainText('endpoint');
    expect((await telemetry()).endpoint).toBe('http://127.0.0.1:9/otel');
    await form.getByRole('button', { name: 'Discard changes' }).click();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`both panels: no serious axe violation; screenshots (${scheme})`, async ({ page }) => {
      await hub.cli(['limits', 'set', '--client', 'cursor', '--server', 'counter', '--tool', 'bump', '--per-minute', '5']);
      await hub.cli(['limits', 'set', '--server', 'counter', '--concurrent', '4']);
      await page.emulateMedia({ colorScheme: scheme });
      await openUi(page, hub, 'settings');
      const limitsPanel = page.getByRole('region', { name: 'Rate limits' });
      await expect(limitsPanel.getByRole('table', { name: 'Rate limits' }).getByRole('row')).toHaveCount(3);
      await expectNoSeriousViolations(page, `settings with limits and telemetry (${scheme})`);
      await scrollToTop(page, 'Rate limits');
      await screenshot(page, 'settings-limits', scheme);
      await scrollToTop(page, 'Telemetry (OpenTelemetry)');
      await screenshot(page, 'settings-telemetry', scheme);
    });
  }
});
