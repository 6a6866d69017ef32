// `mcp-tray ui open [--no-open]`: a one-time sign-in link for the web UI of the running hub, printed
// and opened in the browser. `mcp-tray ui rotate-token`: a new UI token, which signs every browser
// out. Nobody ever needs the long-lived token itself (see hub/http/ui-auth.ts).
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { openInBrowser } from '../open-url.ts';
import { flag, type ParsedCommand } from '../parse-command.ts';

export function open(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const { url } = await hub.request('ui.loginLink');
    // The link on stdout alone (scripts read it); what it is, on stderr.
    ctx.stdout.write(`${url}\n`);
    const opened = !flag(command, 'no-open') && openInBrowser(url);
    ctx.stderr.write(`mcp-tray: ${opened ? 'opened this sign-in link in your browser; it' : 'this sign-in link'} works once, within 60 seconds, for a browser of this user\n`);
    return 0;
  });
}

export function rotateToken(_command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const { persisted } = await hub.request('ui.rotateToken');
    ctx.stdout.write(`UI token rotated: every browser is signed out; sign in again with: mcp-tray ui open${persisted ? '' : ' (the OS keychain is unavailable, so the new token lasts until the hub stops)'}\n`);
    return 0;
  });
}
