// The user's browser in the sign-in tests: Debian's Chromium driven by Playwright, going through
// the test authorization server's login and consent pages and back to MCP Tray's loopback. Requests
// to anywhere but 127.0.0.1 are dropped (its pages ask for web fonts).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';

export interface SignInBrowser {
  /** Opens the sign-in page, logs in as `user`, consents, and returns what MCP Tray's page said. */
  signIn(url: string, user?: string): Promise<string>;
  /** Opens a URL and returns the page's status and text (for a forged callback). */
  visit(url: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export async function openSignInBrowser(): Promise<SignInBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context: BrowserContext = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return {
    async signIn(url, user = 'alice') {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        return await completeSignIn(page, user);
      } finally {
        await page.close();
      }
    },
    async visit(url) {
      const page = await context.newPage();
      try {
        const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
        return { status: response?.status() ?? 0, text: (await page.textContent('body'))?.trim() ?? '' };
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** On the authorization server's page: logs in as `user` (unless already), consents, and returns MCP Tray's answer. */
export async function completeSignIn(page: Page, user = 'alice'): Promise<string> {
  await page.waitForLoadState('domcontentloaded');
  // Already signed in at the authorization server: only the consent (for new scopes) is asked.
  if (await page.locator('input[name=login]').count()) {
    await page.fill('input[name=login]', user);
    await page.fill('input[name=password]', 'any password');
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('button[type=submit]')]);
  }
  const callback = /^http:\/\/127\.0\.0\.1:\d+\/callback/;
  if (!callback.test(page.url())) {
    await page.locator('button[type=submit]', { hasText: 'Continue' }).click({ timeout: 10_000 });
    await page.waitForURL(callback, { timeout: 15_000 });
  }
  return (await page.textContent('body'))?.trim() ?? '';
}
