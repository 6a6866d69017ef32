// Opens a server's sign-in page in the user's default browser (never in the app's window, which
// stays on mcp-tray://app/). Only http(s) URLs: a page a server named cannot make the app open a
// file or another program.
import type { Shell } from 'electron';

export async function openExternalPage(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol !== 'https:' && protocol !== 'http:') return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}
