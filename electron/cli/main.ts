// `mcp-tray`: the command line (docs/cli.md). The commands, their options and their help are one
// table (command-table.ts); each command's code lives in commands/ and is loaded only when used, so
// `mcp-tray bridge` (what every IDE runs) starts without loading the hub.
import { resolveDataDir } from '../hub/paths.ts';
import { CliError } from './cli-error.ts';
import type { CliContext } from './cli-context.ts';
import type { Handler } from './command-table.ts';
import { helpFor } from './help-text.ts';
import { parseCommandLine, UsageError } from './parse-command.ts';

export type { CliContext } from './cli-context.ts';

/**
 * A reader that went away (`mcp-tray status | head -3`) ends the command quietly: what it did not
 * read was not wanted. Anything else that breaks stdout or stderr is one line, then exit 1.
 */
function quietOnClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') {
        try {
          process.stderr.write(`mcp-tray: cannot write the output: ${error.message}\n`);
        } catch {
          // stderr itself is gone
        }
      }
      process.exit(error.code === 'EPIPE' ? 0 : 1);
    });
  }
}

/** One line for an error nothing closer turned into a CliError: its message, never its stack. */
function oneLine(error: unknown): string {
  const err = error as Error & { code?: string; path?: string };
  const message = typeof err?.message === 'string' ? err.message : String(error);
  return message.split('\n')[0]!;
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipes();
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      process.stdout.write(helpFor(parsed.path));
      return argv.length === 0 ? 2 : 0;
    }
    const { command } = parsed;
    const ctx: CliContext = { dataDir: resolveDataDir(command.dataDir), stdout: process.stdout, stderr: process.stderr };
    const module = await command.spec.load();
    const handler = module[command.spec.handler] as Handler;
    return (await handler(command, ctx)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mcp-tray: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`mcp-tray: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`mcp-tray: ${oneLine(error)}\n`);
    if (process.env.MCP_TRAY_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

if (import.meta.main) {
  const code = await main(process.argv.slice(2));
  // Commands that keep running (serve, bridge) resolve only when done; the rest end here.
  process.exitCode = code;
}
