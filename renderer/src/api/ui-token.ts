// The web UI's token: `mcp-tray serve` prints `http://127.0.0.1:PORT/#token=…`. The fragment never
// reaches the server's logs or a Referer header; we read it once, keep it for this tab only
// (sessionStorage survives a reload), and take it out of the address bar.
const KEY = 'mcp-tray-ui-token';

export function takeUiToken(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // storage disabled: the token lives in memory for this page only
    }
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/servers`);
    return token;
  }
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opening a UI URL in a tab that already shows the UI only changes the fragment, so the page does
 * not load again. Load it again then: the token (perhaps of a restarted hub) is taken as above.
 */
export function reloadOnNewToken(): void {
  window.addEventListener('hashchange', () => {
    if (/(?:^#|&)token=/.test(window.location.hash)) window.location.reload();
  });
}
