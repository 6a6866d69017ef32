// Finds what is clipped in the page (page.evaluate): a control or label whose own content is wider
// than its box, a box that sticks out of an ancestor that cuts it off, and a view that scrolls
// sideways. Text that is cut on purpose (text-overflow: ellipsis, with the full text on hover) and
// code blocks that scroll on purpose are left out.
import type { Page } from '@playwright/test';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): any;

export function clippedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: any) => {
      const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${text}"`;
    };
    const shown = (el: any) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      // Visually hidden on purpose (a 1 px box for screen readers) is not "shown".
      return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'contents';
    };
    const onPurpose = (el: any) => getComputedStyle(el).textOverflow === 'ellipsis' || !!el.closest('pre, .json-block, .diff-block, [data-clip-ok]');
    const clips = (s: any) => s.overflowX !== 'visible' || s.overflowY !== 'visible';

    const controls = document.querySelectorAll('button, a[href], input, select, textarea, [role="radio"], [role="tab"], .pill, .badge, label, th, h1, h2, h3, .nav-item, .banner');
    for (const el of controls) {
      if (!shown(el) || onPurpose(el)) continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) problems.push(`${describe(el)}: content ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) problems.push(`${describe(el)}: ends at ${Math.round(box.right)}px, past the window (${window.innerWidth}px)`);
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (!clips(s)) continue;
        const outer = up.getBoundingClientRect();
        // A container that scrolls (up or down) shows the rest when scrolled: only sideways counts.
        const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll';
        if (!scrolls && (box.right > outer.right + 1 || box.left < outer.left - 1)) {
          problems.push(`${describe(el)}: cut off by ${describe(up)} (${Math.round(box.left)}–${Math.round(box.right)} in ${Math.round(outer.left)}–${Math.round(outer.right)})`);
        }
        break;
      }
    }
    for (const el of document.querySelectorAll('.app *')) {
      const s = getComputedStyle(el);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && shown(el) && !onPurpose(el) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${describe(el)}: scrolls sideways (${el.scrollWidth}px of content in ${el.clientWidth}px)`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    return [...new Set(problems)];
  });
}
