// `mcp-tray secrets set SERVER NAME` (the value from stdin, never argv, so it stays out of shell
// history and `ps`) and `mcp-tray secrets delete SERVER NAME`.
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [sub, server, name, ...extra] = args;
  if ((sub !== 'set' && sub !== 'delete') || !server || !name) {
    throw new CliError('usage: mcp-tray secrets set SERVER NAME   (value read from stdin) | mcp-tray secrets delete SERVER NAME', undefined, 2);
  }
  if (extra.length > 0) throw new CliError('the secret value is read from stdin, never from the command line: echo -n "$VALUE" | mcp-tray secrets set SERVER NAME', undefined, 2);
  if (sub === 'set') {
    if (process.stdin.isTTY) ctx.stderr.write(`Value for ${server} ${name} (input hidden is not supported; end with Enter, then Ctrl+D): `);
    const value = (await readStdin()).replace(/\r?\n$/, '');
    if (!value) throw new CliError('no value on stdin; nothing was stored');
    const hub = await HubClient.connect(ctx.dataDir);
    try {
      await hub.request('secrets.set', { server, name, value });
    } finally {
      hub.close();
    }
    ctx.stdout.write(`stored ${name} of ${server} in the OS keychain\n`);
    return 0;
  }
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    const result = await hub.request('secrets.delete', { server, name });
    ctx.stdout.write(result.deleted ? `deleted ${name} of ${server} from the OS keychain\n` : `${name} of ${server} was not set\n`);
  } finally {
    hub.close();
  }
  return 0;
}

/** Everything on stdin (a secret: never taken from the command line). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
