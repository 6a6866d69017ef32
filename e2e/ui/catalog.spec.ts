// The Catalog view in Chromium against a registry on loopback serving real server.json documents
// (e2e/fixtures/registry/): search, add a remote entry with a secret header from the add dialog
// (the value lands in the keychain and never comes back to the page), the "Added" badge, an update
// found after a release and applied from the server's page (secret and write mode kept); with the
// registry unreachable, the labeled offline snapshot. No serious axe violation; screenshots of each
// state in light and dark for docs/screenshots/.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { testSecret } from '../helpers/test-secrets.ts';
import { atVersion, loadFixture, startRegistry, unreachableRegistryUrl, type TestRegistry } from '../fixtures/registry/registry-server.ts';
import { fieldsAndStorage } from './helpers/in-page.ts';
import { keychainLookup } from './helpers/keychain.ts';
import { screenshot } from './helpers/screenshots.ts';
import { goTo, openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(serious, `${what}:\n${report}`).toEqual([]);
}

function recordApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/call')) bodies.push(await response.text().catch(() => ''));
  });
  return bodies;
}

test.describe('catalog with a registry', () => {
  let registry: TestRegistry;
  let hub: UiHub;

  test.beforeAll(async () => {
    registry = await startRegistry({ pageSize: 30 });
    for (const file of ['valid/seed.json', 'valid/with-remote.json', 'valid/with-package.json', 'valid/server-everything.json', 'invalid/package-version-latest.json']) {
      for (const doc of loadFixture(file)) registry.publish(doc);
    }
    hub = await startUiHub({ settings: { registryUrl: registry.url } });
  });

  test.afterAll(async () => {
    await hub?.stop();
    await registry?.stop();
  });

  test('search, add with a secret, then update', async ({ page }) => {
    const bodies = recordApiBodies(page);
    await openUi(page, hub, 'catalog');
    await expect(page.getByTestId('catalog-origin')).toContainText(new URL(registry.url).host);
    await expect(page.getByTestId('catalog-entry-io.github.domdomegg/airtable-mcp-server')).toBeVisible();
    // The malformed entry is not a card; it is reported.
    await expect(page.getByTestId('catalog-entry-io.github.user/bad-version')).toHaveCount(0);
    await expect(page.getByTestId('catalog-skipped')).toContainText('1 entry was skipped');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `catalog (${scheme})`);
      await screenshot(page, 'catalog-registry', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('weather');
    const cards = page.getByRole('list', { name: 'Catalog entries' }).getByRole('article');
    await expect(cards).toHaveCount(2);
    const remote = page.getByTestId('catalog-entry-io.github.user/remote-weather');
    await expect(remote).toContainText('Remote (HTTP)');
    await expect(remote).toContainText('2.1.0');
    await remote.getByRole('button', { name: 'Add Remote Weather' }).click();

    const dialog = page.getByTestId('add-entry-dialog');
    await expect(dialog.getByTestId('catalog-launch')).toHaveText('https://api.example.com/mcp');
    await dialog.getByLabel('Id', { exact: true }).fill('weather');
    await expect(dialog.getByLabel('Authorization', { exact: true })).toHaveAttribute('type', 'password');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `add dialog (${scheme})`);
      await screenshot(page, 'catalog-add', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // Its host on loopback, where nothing answers: the test's token never leaves this machine.
    await dialog.getByLabel('host (optional)', { exact: true }).fill('127.0.0.1:9');
    const token = testSecret('ui-weather', (random) => `Bearer ${random}`);
    await dialog.getByLabel('Authorization', { exact: true }).fill(token);
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await expect(dialog).toBeHidden();

    // Straight to the new server: read-only, its secret set, and the value only in the keychain.
    const detail = page.getByTestId('server-detail');
    await expect(detail.getByRole('heading', { name: 'Remote Weather' })).toBeVisible();
    await expect(detail.getByTestId('write-mode').getByRole('radio', { name: 'Off' })).toBeChecked();
    expect(await keychainLookup('weather:header:Authorization')).toBe(token);
    expect(await page.content()).not.toContain(token);
    expect(await fieldsAndStorage(page)).not.toContain(token);
    expect(bodies.join('\n')).not.toContain(token);

    // The card says it is added.
    await goTo(page, 'catalog');
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('remote');
    await expect(page.getByTestId('catalog-entry-io.github.user/remote-weather').getByText('Added', { exact: true })).toBeVisible();

    // Write mode "ask" and the server turned off before the update, to see both kept (off, it also
    // stops retrying the address where nothing answers).
    expect((await hub.cli(['servers', 'write', 'weather', 'ask', '--yes'])).code).toBe(0);
    expect((await hub.cli(['servers', 'disable', 'weather'])).code).toBe(0);
    // A release: the registry now has 2.2.0.
    registry.publish(atVersion(loadFixture('valid/with-remote.json')[0]!, '2.2.0'));
    // The answer is also a short toast; the lasting sign is the server's update tag below.
    const checkNow = page.getByRole('button', { name: 'Check for updates' });
    await checkNow.click();
    await expect(checkNow).toBeEnabled();

    await goTo(page, 'servers');
    await expect(page.getByTestId('update-tag-weather')).toHaveText('update 2.2.0');
    await page.getByTestId('server-item-weather').click();
    const callout = page.getByTestId('update-available');
    await expect(callout).toContainText('io.github.user/remote-weather 2.2.0 (this server runs 2.1.0)');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `server with an update (${scheme})`);
      await screenshot(page, 'servers-update', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await callout.getByRole('button', { name: 'Update to 2.2.0' }).click();
    await expect(callout).toBeHidden();
    await expect(page.getByTestId('update-tag-weather')).toHaveCount(0);
    await expect(detail.getByTestId('write-mode').getByRole('radio', { name: 'Ask' })).toBeChecked();
    expect(await keychainLookup('weather:header:Authorization')).toBe(token);
    const listed = JSON.parse((await hub.cli(['servers', 'list', '--json'])).stdout) as Array<{ id: string; enabled: boolean; launch: string; source?: { version: string } }>;
    const weather = listed.find((s) => s.id === 'weather');
    expect(weather?.source?.version).toBe('2.2.0');
    expect(weather?.enabled).toBe(false);
    expect(weather?.launch).toBe('https://127.0.0.1:9/mcp');
  });
});

test.describe('catalog without a registry', () => {
  let hub: UiHub;

  test.beforeAll(async () => {
    hub = await startUiHub({ settings: { registryUrl: await unreachableRegistryUrl() } });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('the offline snapshot, labeled; a missing runtime is said on the card', async ({ page }) => {
    await openUi(page, hub, 'catalog');
    await expect(page.getByTestId('catalog-offline')).toContainText('Offline snapshot');
    await expect(page.getByTestId('catalog-offline')).toContainText('cannot be reached (ECONNREFUSED)');
    await expect(page.getByTestId('catalog-entry-io.github.modelcontextprotocol/server-everything')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('time');
    const pypi = page.getByTestId('catalog-entry-io.github.modelcontextprotocol/server-time');
    await expect(pypi).toBeVisible();
    if ((await hub.cli(['catalog', 'show', 'io.github.modelcontextprotocol/server-time'])).stdout.includes('uvx is not installed')) {
      await expect(pypi).toContainText('Local · uvx (not installed)');
      await expect(pypi.getByRole('button', { name: /^Add/ })).toBeDisabled();
    }
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `offline catalog (${scheme})`);
      await screenshot(page, 'catalog-offline', scheme);
    }
  });
});
