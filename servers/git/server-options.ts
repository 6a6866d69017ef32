// Command line of the git server: `--repo PATH` once per allowed repository (MCP Tray passes the
// repositories listed in its settings) and optionally `--max-output-bytes N`.
import { parseArgs } from 'node:util';
import { integerOption } from '../common/cli-numbers.ts';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../common/output-cap.ts';

export interface GitServerOptions {
  readonly repos: string[];
  readonly maxOutputBytes: number;
}

export const USAGE = 'usage: node servers/git/main.ts --repo PATH [--repo PATH…] [--max-output-bytes N]';

export function parseGitServerArgs(argv: string[]): GitServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: { repo: { type: 'string', multiple: true }, 'max-output-bytes': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  return {
    repos: values.repo ?? [],
    maxOutputBytes: integerOption(values['max-output-bytes'], 'max-output-bytes', DEFAULT_MAX_OUTPUT_BYTES, 1024, 64 * 1024 * 1024),
  };
}
