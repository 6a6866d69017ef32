// `npm start`: the desktop app where Electron can start, else the same hub headless, saying why and
// how to reach it. (Electron's binary is a separate download that some machines cannot fetch.)
// When a hub already runs for the data dir, it points there instead of starting anything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../cli-context.ts';
import { flag, type ParsedCommand } from '../parse-command.ts';
import * as serve from './serve.ts';
import { electronBinary } from '../electron-binary.ts';

const MAIN = fileURLToPath(new URL('../../../dist/electron/main.js', import.meta.url));

/** Why the desktop app cannot start here, or undefined when it can. */
export function whyNoDesktop(env = process.env): string | undefined {
  const binary = electronBinary(env);
  if ('missing' in binary) return binary.missing;
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  if (!existsSync(MAIN)) return `the desktop shell is not built (${MAIN} is missing; run "npm run build:electron")`;
  return undefined;
}

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number | void> {
  if (await serve.pointAtRunningHub(ctx, !flag(command, 'no-open'))) return 0;
  const reason = whyNoDesktop();
  if (reason) {
    ctx.stderr.write(`mcp-tray: the desktop app cannot start here: ${reason}.\nmcp-tray: running the same hub headless instead; open the sign-in link below in a browser (or get a new one with: mcp-tray ui open).\n`);
    return serve.run(command, ctx);
  }
  const binary = electronBinary();
  if ('missing' in binary) return 1;
  const child = spawn(binary.path, [MAIN, '--data-dir', ctx.dataDir], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
