// `mcp-tray`: the command line (docs/cli.md). Each command lives in commands/ and is loaded only when
// used, so `mcp-tray bridge` (what every IDE runs) starts without loading the hub.
import { resolveDataDir } from '../hub/paths.ts';
import { CliError } from './cli-error.ts';

export interface CliContext {
  readonly dataDir: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

export interface Command {
  run(args: string[], ctx: CliContext): Promise<number | void>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  start: () => import('./commands/start.ts'),
  serve: () => import('./commands/serve.ts'),
  bridge: () => import('./commands/bridge.ts'),
  status: () => import('./commands/status.ts'),
  servers: () => import('./commands/servers.ts'),
  secrets: () => import('./commands/secrets.ts'),
  approvals: () => import('./commands/approvals.ts'),
  rules: () => import('./commands/rules.ts'),
  log: () => import('./commands/log.ts'),
  clients: () => import('./commands/clients.ts'),
  install: () => import('./commands/install.ts'),
  uninstall: () => import('./commands/uninstall.ts'),
  import: () => import('./commands/import.ts'),
  ui: () => import('./commands/ui.ts'),
  settings: () => import('./commands/settings.ts'),
};

const USAGE = `Usage: mcp-tray <command> [options]

  serve [--port P] [--no-open]        run the hub headless, with the web UI; prints and opens a sign-in link
  ui open [--no-open] | ui rotate-token   a one-time sign-in link for the web UI | sign every browser out
  bridge --client ID                  stdio bridge to the hub (what IDE entries run)
  status [--json]                     servers, connected clients, pending approvals
  servers [list | add | remove | enable | disable | restart | log ID | write ID <off|ask|allow> | set ID K=V… | tool ID TOOL …]
  servers login ID [--no-open] | servers logout ID   sign in to a remote server in the browser (OAuth) | sign out
  secrets set SERVER NAME             (value read from stdin) | secrets delete SERVER NAME
  approvals [list | approve ID [--session|--always] | deny ID [--reason R]]
  rules [list | revoke ID]            persisted "always approve" rules
  log [--follow] [--json] [--server S] [--client C] [--decision D] [--outcome O] [--search T] [--limit N] [--export jsonl|csv]
                                      the call log: who called what, what was decided, how it ended
  clients [--json] | clients token CLIENT [--revoke]   detected / installed / connected clients; HTTP tokens
  install CLIENT [--http] [--dry-run] write the mcp-tray entry into an IDE (--dry-run prints the diff)
  uninstall CLIENT [--dry-run]        remove only that entry
  import CLIENT [--servers a,b] [--delete-backup] [--list]   move an IDE's servers into MCP Tray
  settings [--json] | settings denied-paths [list | add PATH… | remove PATH… | reset]   paths no bundled server reaches

Every command takes --data-dir D (else MCP_TRAY_HOME, else the per-user app data folder).`;

/** Takes `--data-dir D` / `--data-dir=D` out of the arguments (before any `--`). */
export function extractDataDir(argv: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--data-dir') {
      dataDir = argv[++i];
      if (dataDir === undefined) throw new CliError('--data-dir needs a folder');
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { dataDir, rest };
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { dataDir, rest } = extractDataDir(argv);
    const [name, ...args] = rest;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return name ? 0 : 2;
    }
    const load = COMMANDS[name];
    if (!load) throw new CliError(`unknown command "${name}"; run "mcp-tray --help"`, undefined, 2);
    const command = await load();
    const code = await command.run(args, { dataDir: resolveDataDir(dataDir), stdout: process.stdout, stderr: process.stderr });
    return code ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`mcp-tray: ${error.message}\n`);
      return error.exitCode;
    }
    const err = error as Error & { code?: string };
    process.stderr.write(`mcp-tray: ${err.message ?? String(error)}\n`);
    if (process.env.MCP_TRAY_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

if (import.meta.main) {
  const code = await main(process.argv.slice(2));
  // Commands that keep running (serve, bridge) resolve only when done; the rest end here.
  process.exitCode = code;
}
