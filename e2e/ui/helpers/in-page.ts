// Functions that run inside the page (page.evaluate) for the UI tests. The Node type-check of e2e/
// has no DOM library, so the DOM names used here are declared loosely, for this file only.
import type { Page } from '@playwright/test';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const sessionStorage: any;
declare const localStorage: any;
declare function getComputedStyle(element: unknown): { backgroundColor: string; visibility: string };

/** The text of the focused element. */
export function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() as string | undefined);
}

/** The values of every input and textarea, and what the page keeps in web storage. */
export function fieldsAndStorage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el: any) => String(el.value));
    return [...values, JSON.stringify({ ...sessionStorage }), JSON.stringify({ ...localStorage })].join('\n');
  });
}

export function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/**
 * Marks every visible, enabled control that should be a Tab stop with data-kb and returns how many.
 * A radio group is one stop (its checked radio), as is a tab list (its selected tab).
 */
export function markTabStops(page: Page): Promise<number> {
  return page.evaluate(() => {
    const candidates = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter((el: any) => {
      if (el.disabled || el.closest('[inert]')) return false;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') return false;
      if (el.tagName === 'INPUT' && el.type === 'radio' && !el.checked) return false;
      return el.tabIndex >= 0;
    });
    candidates.forEach((el: any, i: number) => el.setAttribute('data-kb', String(i)));
    return candidates.length;
  });
}

/** The data-kb mark of the focused element, if it has one. */
export function focusedMark(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement?.getAttribute('data-kb') as string | undefined) ?? null);
}

/** Describes the marked controls not in `seen`, and removes every mark. */
export function unmarkMissed(page: Page, seen: readonly string[]): Promise<string[]> {
  return page.evaluate((reached) => {
    const out: string[] = [];
    document.querySelectorAll('[data-kb]').forEach((el: any) => {
      if (!reached.includes(el.getAttribute('data-kb'))) out.push(`${String(el.tagName).toLowerCase()} "${String(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`);
      el.removeAttribute('data-kb');
    });
    return out;
  }, [...seen]);
}
