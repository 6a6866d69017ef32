// The web UI's half of its session. Signing in (`mcp-tray ui open` → /login?code=…) sets an HttpOnly
// cookie this page cannot read, and sends the page to `/#key=…`: the page key, the other half. The
// fragment never reaches a server, a log or a Referer header; we take it once, keep it in
// localStorage (scoped to this origin, port included, so no page on another localhost port can
// read it; it survives reloads, new tabs and bookmarks), and take it out of the address bar.
const KEY = 'mcp-tray-ui-key';

export function takePageKey(): string | undefined {
  const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const key = decodeURIComponent(match[1]);
    try {
      localStorage.setItem(KEY, key);
    } catch {
      // storage disabled: the key lives in memory for this page only
    }
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/servers`);
    return key;
  }
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signing in again in a tab that already shows the UI only changes the fragment, so the page does
 * not load again. Load it again then: the new key is taken as above.
 */
export function reloadOnNewKey(): void {
  window.addEventListener('hashchange', () => {
    if (/(?:^#|&)key=/.test(window.location.hash)) window.location.reload();
  });
}
