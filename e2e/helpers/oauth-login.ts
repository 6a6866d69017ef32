// `mcp-tray servers login ID --no-open` as a user runs it: the sign-in page's URL comes first on
// stdout; the command then waits for the browser and exits with the outcome.
import { spawn } from 'node:child_process';
import { BIN, NODE, type CliResult } from './hub-process.ts';

export interface RunningLogin {
  /** The sign-in page (the first line the command printed). */
  readonly url: Promise<string>;
  readonly done: Promise<CliResult>;
}

export function startLogin(dataDir: string, id: string, extra: string[] = []): RunningLogin {
  const child = spawn(NODE, [BIN, '--data-dir', dataDir, 'servers', 'login', id, '--no-open', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let gotUrl!: (url: string) => void;
  let noUrl!: (error: Error) => void;
  const url = new Promise<string>((resolve, reject) => ((gotUrl = resolve), (noUrl = reject)));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const first = /^(https?:\/\/\S+)\n/.exec(stdout);
    if (first) gotUrl(first[1]!);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.once('exit', (code) => {
      noUrl(new Error(`servers login exited (${code}) before printing a URL: ${stderr}`));
      resolve({ code: code ?? 1, stdout, stderr });
    }),
  );
  url.catch(() => undefined);
  return { url, done };
}
