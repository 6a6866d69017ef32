// Installing into a project from the Clients view: "Project…" on a client asks for the folder (and
// optionally a profile), shows the exact change to the project's file, installs; the install is
// listed under "Installed into projects" and is uninstalled from there. A folder that does not
// exist is refused with the hub's message. Axe scans and screenshots, light and dark.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BIN, NODE, tempDir } from '../helpers/hub-process.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`).join('\n');
  expect(serious, `${what}:\n${report}`).toEqual([]);
}

test.describe('project installs in the Clients view', () => {
  let hub: UiHub;

  test.beforeAll(async () => {
    hub = await startUiHub({ ideFiles: { '.cursor/mcp.json': '{\n  "mcpServers": {}\n}\n' }, settings: { profiles: [{ name: 'web', servers: ['git'] }] } });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('install Cursor into a project folder with a profile, see it listed, uninstall it', async ({ page }) => {
    const project = tempDir('mcp-tray-ui-project-');
    const file = path.join(project, '.cursor', 'mcp.json');
    await openUi(page, hub, 'clients');
    const projects = page.getByRole('region', { name: 'Installed into projects' });
    await expect(projects).toContainText('Not installed into any project yet');

    await page.getByRole('button', { name: 'Install Cursor into a project' }).click();
    const dialog = page.getByTestId('install-project-dialog');
    // A folder that does not exist: the hub's own message, nothing written.
    await dialog.getByLabel('Project folder').fill(path.join(project, 'nope'));
    await dialog.getByRole('button', { name: 'Show the change' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(`${path.join(project, 'nope')} does not exist; give an existing project folder`);
    await expect(dialog.getByRole('button', { name: 'Install', exact: true })).toBeDisabled();

    await dialog.getByLabel('Project folder').fill(project);
    await dialog.getByLabel('Profile (optional)').selectOption('web');
    await dialog.getByRole('button', { name: 'Show the change' }).click();
    await expect(dialog.getByLabel(`Change to ${file}`)).toContainText('"--profile"');
    await expect(dialog).toContainText(file);
    expect(existsSync(file)).toBe(false);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `install into a project dialog (${scheme})`);
      await screenshot(page, 'clients-project-install', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(dialog).toBeHidden();

    const entry = (JSON.parse(readFileSync(file, 'utf8')) as { mcpServers: Record<string, { command: string; args: string[] }> }).mcpServers['mcp-tray']!;
    expect(entry).toEqual({ command: NODE, args: [BIN, 'bridge', '--client', 'cursor', '--data-dir', hub.dataDir, '--profile', 'web'] });
    const row = projects.getByTestId('project-cursor');
    await expect(row).toContainText('Installed');
    await expect(row).toContainText('web');
    await expect(row).toContainText('mcp.json');
    await projects.scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `clients with a project install (${scheme})`);
      await screenshot(page, 'clients-projects', scheme);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await row.getByRole('button', { name: `Uninstall Cursor from ${project}` }).click();
    const remove = page.getByTestId('install-project-dialog');
    await expect(remove.getByLabel(`Change to ${file}`)).toContainText('mcp-tray');
    await remove.getByRole('button', { name: 'Uninstall', exact: true }).click();
    await expect(remove).toBeHidden();
    await expect(projects).toContainText('Not installed into any project yet');
    expect(readdirSync(project)).toEqual([]);
  });
});
