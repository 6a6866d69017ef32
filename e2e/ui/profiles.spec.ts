// Profiles on the Clients view in the browser against a real hub: create a profile in the editor
// (servers, one chosen tool), bind Cursor to it from its row, and a connected Cursor (the SDK client
// over the bridge) sees only that tool and the row of its session names the profile; turn tool
// search on and it sees search_tools and call_tool; removing a profile in use is refused with the
// hub's reason. No serious axe violation; screenshots light and dark.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ProfileInfo } from '../../electron/hub/contract/api/profiles.ts';
import { testServerDefinition } from '../helpers/hub-process.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`), what).toEqual([]);
}

test.describe('profiles on the Clients view', () => {
  let hub: UiHub;
  let cursor: Client;
  const show = async (name: string) => JSON.parse((await hub.cli(['profiles', 'show', name, '--json'])).stdout) as ProfileInfo;
  const toolNames = async () => (await cursor.listTools()).tools.map((t) => t.name).sort();

  test.beforeAll(async () => {
    hub = await startUiHub({
      servers: [testServerDefinition('web', ['--prefix', 'web_'], { writeMode: 'ask' }), testServerDefinition('notes', ['--prefix', 'notes_'])],
    });
    cursor = await hub.connect('cursor', { name: 'cursor-ide', version: '1.0.0' });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('create a profile, bind Cursor to it, turn tool search on, and a profile in use is not removed', async ({ page }) => {
    await openUi(page, hub, 'clients');
    const profiles = page.getByRole('table', { name: 'Profiles' });
    await expect(profiles.getByTestId('profile-default')).toContainText('every enabled server');

    await page.getByRole('button', { name: 'New profile…' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name').fill('web');
    await form.getByRole('checkbox', { name: /^web/ }).first().check();
    await form.getByText('Tools of web: all').click();
    await form.getByRole('checkbox', { name: /web_peek/ }).check();
    await expect(form.getByText('Tools of web: 1 of')).toBeVisible();
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(profiles.getByTestId('profile-web')).toContainText('1 chosen');
    expect(await show('web')).toMatchObject({ name: 'web', servers: ['web'], tools: ['web:web_peek'], toolSearch: false });

    await page.getByRole('combobox', { name: 'Profile of Cursor' }).selectOption('web');
    await expect.poll(toolNames).toEqual(['web_peek']);
    const session = page.getByTestId('session-cursor');
    await expect(session).toContainText('web');
    await expect(session).toContainText("the client's profile");
    await expect(profiles.getByTestId('profile-web')).toContainText('client cursor');

    await profiles.getByRole('button', { name: 'Edit profile web' }).click();
    const edit = page.getByRole('form', { name: 'Edit profile web' });
    await edit.getByRole('switch', { name: 'Tool search' }).click();
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await expect(profiles.getByTestId('profile-web')).toContainText('On');
    await expect.poll(toolNames).toEqual(['call_tool', 'search_tools']);

    await profiles.getByRole('button', { name: 'Remove profile web' }).click();
    await expect(page.locator('.toast-region')).toContainText('in use by client cursor');
    expect((await show('web')).name).toBe('web');

    await page.getByRole('combobox', { name: 'Profile of Cursor' }).selectOption('default');
    await expect.poll(async () => (await toolNames()).length).toBeGreaterThan(2);
    await profiles.getByRole('button', { name: 'Remove profile web' }).click();
    await expect(profiles.getByTestId('profile-web')).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`profiles, the editor and a bound client: no serious axe violation; screenshots (${scheme})`, async ({ page }) => {
      await hub.cli(['profiles', 'remove', `shots-${scheme}`]);
      await hub.cli(['profiles', 'add', `shots-${scheme}`, '--servers', 'web,notes', '--tools', 'web:web_peek,web:web_bump', '--tool-search']);
      await hub.cli(['clients', 'profile', 'cursor', `shots-${scheme}`]);
      await page.emulateMedia({ colorScheme: scheme });
      await openUi(page, hub, 'clients');
      await expect(page.getByTestId('session-cursor')).toContainText(`shots-${scheme}`);
      await page.getByRole('button', { name: `Edit profile shots-${scheme}` }).click();
      await page.getByRole('form', { name: `Edit profile shots-${scheme}` }).getByText('Tools of web: 2 of').click();
      await expectNoSeriousViolations(page, `clients view with profiles (${scheme})`);
      await page.getByRole('heading', { level: 2, name: 'Profiles' }).evaluate((el) => (el as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
      await screenshot(page, 'clients-profiles', scheme);
      await hub.cli(['clients', 'profile', 'cursor', 'default']);
    });
  }
});
