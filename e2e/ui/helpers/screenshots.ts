// Screenshots of the views for docs/screenshots/ (the README shows one), light and dark.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO } from '../../helpers/hub-process.ts';

export const SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');

export async function screenshot(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let the countdowns and pills settle, and no caret blink into the picture.
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${scheme}.png`), caret: 'hide', animations: 'disabled' });
}
