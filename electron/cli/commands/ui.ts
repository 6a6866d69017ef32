// `mcp-tray ui open [--no-open]`: a one-time sign-in link for the web UI of the running hub, printed
// and opened in the browser. `mcp-tray ui rotate-token`: a new UI token, which signs every browser
// out. Nobody ever needs the long-lived token itself (see hub/http/ui-auth.ts).
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { openInBrowser } from '../open-url.ts';

const USAGE = 'usage: mcp-tray ui open [--no-open] | mcp-tray ui rotate-token';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { 'no-open': { type: 'boolean' } } });
  if (sub !== 'open' && sub !== 'rotate-token') throw new CliError(sub ? `unknown ui command "${sub}"; ${USAGE}` : USAGE, undefined, 2);
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (sub === 'open') {
      const { url } = await hub.request('ui.loginLink');
      // The link on stdout alone (scripts read it); what it is, on stderr.
      ctx.stdout.write(`${url}\n`);
      const opened = !values['no-open'] && openInBrowser(url);
      ctx.stderr.write(`mcp-tray: ${opened ? 'opened this sign-in link in your browser; it' : 'this sign-in link'} works once, within 60 seconds, for a browser of this user\n`);
      return 0;
    }
    const { persisted } = await hub.request('ui.rotateToken');
    ctx.stdout.write(`UI token rotated: every browser is signed out; sign in again with: mcp-tray ui open${persisted ? '' : ' (the OS keychain is unavailable, so the new token lasts until the hub stops)'}\n`);
    return 0;
  } finally {
    hub.close();
  }
}
