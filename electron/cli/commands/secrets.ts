// `mcp-tray secrets set SERVER NAME` (the value from stdin, never argv, so it stays out of shell
// history and `ps`) and `mcp-tray secrets delete SERVER NAME`.
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { arg, type ParsedCommand } from '../parse-command.ts';

export async function set(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const server = arg(command, 'SERVER');
  const name = arg(command, 'NAME');
  if (process.stdin.isTTY) ctx.stderr.write(`Value for ${server} ${name} (input hidden is not supported; end with Enter, then Ctrl+D): `);
  const value = (await readStdin()).replace(/\r?\n$/, '');
  if (!value) throw new CliError('no value on stdin; nothing was stored. Pipe it in: printf %s "$VALUE" | mcp-tray secrets set SERVER NAME');
  await withHub(ctx.dataDir, (hub) => hub.request('secrets.set', { server, name, value }));
  ctx.stdout.write(`stored ${name} of ${server} in the OS keychain\n`);
  return 0;
}

export function remove(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const server = arg(command, 'SERVER');
  const name = arg(command, 'NAME');
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('secrets.delete', { server, name });
    ctx.stdout.write(result.deleted ? `deleted ${name} of ${server} from the OS keychain\n` : `${name} of ${server} was not set\n`);
    return 0;
  });
}

/** Everything on stdin (a secret: never taken from the command line). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
