// Every command of `mcp-tray`, in one declarative table: its words, arguments, options and what it
// does. The parser (parse-command.ts) and the help (help-text.ts) are both made from it, so what
// `--help` says is what the command accepts; the README's CLI section is the overview of it (a test
// keeps them equal). Which code runs a command is named here too, loaded only when it runs, so the
// bridge (what every IDE starts) loads nothing else.
import type { CliContext } from './cli-context.ts';
import type { ParsedCommand } from './parse-command.ts';

export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  /** The placeholder shown after a string option: `--limit N`. */
  readonly value?: string;
  readonly multiple?: boolean;
  readonly short?: string;
  /** The command refuses to run without it (shown without brackets). */
  readonly required?: boolean;
  readonly description: string;
}

export interface ArgSpec {
  readonly name: string;
  readonly optional?: boolean;
  /** Takes every remaining positional argument (at least one unless optional). */
  readonly variadic?: boolean;
  /** The only values it takes, shown as `a|b|c`. */
  readonly choices?: readonly string[];
}

export type Handler = (command: ParsedCommand, ctx: CliContext) => Promise<number | void>;

export interface CommandSpec {
  /** The words that name it: ['servers', 'add']. */
  readonly path: readonly string[];
  readonly summary: string;
  /** More lines for `--help` (examples, what is refused and why). */
  readonly details?: string;
  readonly args?: readonly ArgSpec[];
  readonly options?: Readonly<Record<string, OptionSpec>>;
  /** What may follow `--` (a server's command line): its placeholder. */
  readonly afterDashes?: string;
  /** Said instead of "unexpected argument …" when more words follow: the extra word may be a secret, never repeated. */
  readonly refusesMore?: string;
  /** Run when only the parent's words are given (`servers` runs `servers list`). */
  readonly isDefault?: boolean;
  /** The module that runs it, loaded only when it runs. */
  readonly load: () => Promise<Record<string, unknown>>;
  /** The exported function of the loaded module that runs it. */
  readonly handler: string;
}

const json: Record<string, OptionSpec> = { json: { type: 'boolean', description: 'print JSON instead of text' } };
const dryRun: OptionSpec = { type: 'boolean', description: 'print the change as a diff; nothing is written' };
const noOpen: OptionSpec = { type: 'boolean', description: 'print the sign-in link without opening a browser' };
const port: OptionSpec = { type: 'string', value: 'P', description: 'the HTTP port for this run (0 picks a free one; default: the port in settings, 47821)' };

const servers = () => import('./commands/servers.ts');
const clients = () => import('./commands/clients.ts');
const profiles = () => import('./commands/profiles.ts');
const catalog = () => import('./commands/catalog.ts');

export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'data-dir': { type: 'string', value: 'D', description: "the data folder (else MCP_TRAY_HOME, else the per-user app data folder)" },
  help: { type: 'boolean', short: 'h', description: 'this help' },
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    path: ['start'],
    summary: 'the desktop app where it can run, else the same hub headless (serve)',
    options: { port, 'no-open': noOpen },
    load: () => import('./commands/start.ts'),
    handler: 'run',
  },
  {
    path: ['serve'],
    summary: 'run the hub headless with the web UI; prints the UI address and a sign-in link (opens one unless --no-open)',
    details: 'When a hub already runs for this data folder, prints its address, opens a new sign-in link and exits.',
    options: { port, 'no-open': noOpen },
    load: () => import('./commands/serve.ts'),
    handler: 'run',
  },
  {
    path: ['ui', 'open'],
    summary: 'a one-time sign-in link for the web UI (works once, within 60 s)',
    options: { 'no-open': noOpen },
    load: () => import('./commands/ui.ts'),
    handler: 'open',
  },
  {
    path: ['ui', 'rotate-token'],
    summary: 'a new UI token: signs every browser out',
    load: () => import('./commands/ui.ts'),
    handler: 'rotateToken',
  },
  {
    path: ['bridge'],
    summary: 'stdio bridge to the hub, what IDE entries run; starts the hub in the background when none runs',
    options: {
      client: { type: 'string', value: 'ID', required: true, description: 'the client this bridge speaks for (cursor, claude-code, …)' },
      profile: { type: 'string', value: 'P', description: "the profile this entry sees, over the client's own (docs/profiles.md)" },
    },
    load: () => import('./commands/bridge.ts'),
    handler: 'run',
  },
  {
    path: ['status'],
    summary: 'endpoints, servers, connected clients, pending approvals',
    options: json,
    load: () => import('./commands/status.ts'),
    handler: 'run',
  },
  {
    path: ['servers', 'list'],
    summary: 'every server: state, write mode, tools, what runs',
    options: json,
    isDefault: true,
    load: servers,
    handler: 'list',
  },
  {
    path: ['servers', 'add'],
    summary: 'add a local server (its command after --) or a remote one (--url)',
    details:
      'The command is looked up on your login PATH at once; a missing one is still added, marked "not installed".\n' +
      'A local server runs in the standard sandbox unless --sandbox says otherwise; the answer says what it may reach.\n' +
      'Example: mcp-tray servers add github --secret-env GITHUB_PERSONAL_ACCESS_TOKEN -- npx -y @modelcontextprotocol/server-github',
    args: [{ name: 'ID' }],
    afterDashes: 'COMMAND [ARGS...]',
    options: {
      name: { type: 'string', value: 'N', description: 'the name shown in the UI (default: ID)' },
      env: { type: 'string', value: 'K=V', multiple: true, description: 'an environment variable for the server (repeatable)' },
      'secret-env': { type: 'string', value: 'K', multiple: true, description: 'an environment variable whose value is kept in the keychain (repeatable)' },
      cwd: { type: 'string', value: 'D', description: 'the working folder of the server' },
      'on-demand': { type: 'boolean', description: 'start at the first call, stop when idle' },
      sandbox: { type: 'string', value: 'LEVEL', description: 'a local server: standard (default: no credentials, no MCP Tray data, no other processes), strict (also only --allowed-host network) or off' },
      'allowed-host': { type: 'string', value: 'H', multiple: true, description: 'a local server in strict: a host it may reach, e.g. api.github.com:443 or *.example.com (repeatable)' },
      url: { type: 'string', value: 'URL', description: 'a remote server (Streamable HTTP) instead of a command' },
      header: { type: 'string', value: 'K=V', multiple: true, description: 'an HTTP header for a remote server (repeatable)' },
      'secret-header': { type: 'string', value: 'K', multiple: true, description: 'an HTTP header whose value is kept in the keychain (repeatable)' },
      'oauth-client-id': { type: 'string', value: 'X', description: 'a remote server: the OAuth client id to sign in with (else it registers itself where the server allows)' },
      'oauth-client-secret-stdin': { type: 'boolean', description: 'read that client\'s secret from stdin (kept in the keychain)' },
      'oauth-scopes': { type: 'string', value: 'S', description: 'a remote server: the scopes to ask for at sign-in (space-separated)' },
      'oauth-client-metadata-url': { type: 'string', value: 'URL', description: 'a remote server: the HTTPS URL of a Client ID Metadata Document to sign in with' },
    },
    load: servers,
    handler: 'add',
  },
  {
    path: ['servers', 'login'],
    summary: 'sign in to a remote server in the browser (OAuth); prints the sign-in page and waits',
    args: [{ name: 'ID' }],
    options: {
      'no-open': { type: 'boolean', description: 'print the sign-in page without opening a browser' },
      scope: { type: 'string', value: 'S', description: 'ask for these scopes (space-separated) instead of the usual ones' },
    },
    load: () => import('./commands/servers-sign-in.ts'),
    handler: 'login',
  },
  {
    path: ['servers', 'logout'],
    summary: "sign out of a remote server: revoke its tokens where the server offers it, delete them from the keychain",
    args: [{ name: 'ID' }],
    load: () => import('./commands/servers-sign-in.ts'),
    handler: 'logout',
  },
  { path: ['servers', 'remove'], summary: 'remove a server and its secrets', args: [{ name: 'ID' }], load: servers, handler: 'remove' },
  { path: ['servers', 'enable'], summary: 'enable (and start) a server', args: [{ name: 'ID' }], load: servers, handler: 'enable' },
  { path: ['servers', 'disable'], summary: 'stop a server and keep it stopped', args: [{ name: 'ID' }], load: servers, handler: 'disable' },
  { path: ['servers', 'restart'], summary: 'restart a server (also how a crashed one comes back)', args: [{ name: 'ID' }], load: servers, handler: 'restart' },
  {
    path: ['servers', 'log'],
    summary: "a server's recent stderr",
    args: [{ name: 'ID' }],
    options: { lines: { type: 'string', value: 'N', description: 'how many lines (default 200)' } },
    load: servers,
    handler: 'log',
  },
  {
    path: ['servers', 'write'],
    summary: 'write mode: off (read only), ask (each write waits for approval), allow (no approval)',
    args: [{ name: 'ID' }, { name: 'MODE', choices: ['off', 'ask', 'allow'] }],
    options: {
      yes: { type: 'boolean', description: 'confirm turning "ask" on' },
      'yes-allow': { type: 'boolean', description: 'confirm turning "allow" on (writes run without asking you)' },
    },
    load: servers,
    handler: 'write',
  },
  {
    path: ['servers', 'set'],
    summary: "change a server's options, e.g. servers set filesystem roots=~/notes,~/code; sandbox=off|standard|strict, allowedHosts=H,…",
    args: [{ name: 'ID' }, { name: 'KEY=VALUE', variadic: true }],
    load: servers,
    handler: 'set',
  },
  {
    path: ['servers', 'review'],
    summary: 'tools held because their definition changed since you trusted it (or new ones), with a diff',
    details:
      'A held tool is neither listed nor callable. Accept the new definition with mcp-tray servers tool ID TOOL --accept (clients see it again), or keep it held with --reject.',
    args: [{ name: 'ID', optional: true }],
    options: json,
    load: servers,
    handler: 'review',
  },
  {
    path: ['servers', 'tool'],
    summary: 'class or disable one tool (--read on a write tool needs --yes); accept or reject a held tool',
    args: [{ name: 'ID' }, { name: 'TOOL' }],
    options: {
      accept: { type: 'boolean', description: 'trust the changed definition of a held tool: clients see it again' },
      reject: { type: 'boolean', description: 'keep a held tool held (its changed definition is not trusted)' },
      read: { type: 'boolean', description: 'treat it as a read tool' },
      write: { type: 'boolean', description: 'treat it as a write tool' },
      auto: { type: 'boolean', description: "back to the server's own hint" },
      disable: { type: 'boolean', description: 'hide it from every client' },
      enable: { type: 'boolean', description: 'show it again' },
      yes: { type: 'boolean', description: 'confirm --read on a tool the server calls a write tool' },
    },
    load: servers,
    handler: 'tool',
  },
  {
    path: ['catalog', 'search'],
    summary: 'search the MCP Registry for servers (the offline snapshot when it cannot be reached)',
    details: 'The registry is the setting registryUrl (default: the official MCP Registry). Without TERM, lists them all, a page at a time.',
    args: [{ name: 'TERM', optional: true }],
    options: { cursor: { type: 'string', value: 'C', description: 'the next page, as the previous one said' }, ...json },
    load: catalog,
    handler: 'search',
  },
  {
    path: ['catalog', 'show'],
    summary: 'one registry entry: how it runs here, the values and secrets it asks for',
    args: [{ name: 'NAME' }],
    options: { version: { type: 'string', value: 'V', description: 'this version (default: the latest)' }, ...json },
    load: catalog,
    handler: 'show',
  },
  {
    path: ['catalog', 'add'],
    summary: 'add a registry entry as a server, its version pinned (prints the secrets set line for each secret)',
    details:
      'Its runtime (npx, uvx, docker, dnx) must be on your login PATH. Secrets are never given on the command line: set them afterwards with mcp-tray secrets set.\n' +
      'Example: mcp-tray catalog add io.github.modelcontextprotocol/server-filesystem --input allowed_directory=/home/you/notes',
    args: [{ name: 'NAME' }],
    options: {
      version: { type: 'string', value: 'V', description: 'this version (default: the latest)' },
      id: { type: 'string', value: 'ID', description: 'the server id (default: from the entry name)' },
      input: { type: 'string', value: 'K=V', multiple: true, description: 'a value the entry asks for: an environment variable, header, argument or URL variable (repeatable)' },
      ...json,
    },
    load: catalog,
    handler: 'add',
  },
  {
    path: ['catalog', 'updates'],
    summary: 'servers added from the catalog whose registry entry has a newer version',
    options: json,
    load: catalog,
    handler: 'updates',
  },
  {
    path: ['catalog', 'update'],
    summary: 'move a server to the latest version of its registry entry, keeping its id, secrets, write mode and settings',
    args: [{ name: 'ID' }],
    options: json,
    load: catalog,
    handler: 'update',
  },
  {
    path: ['secrets', 'set'],
    summary: 'store a secret in the OS keychain (the value is read from stdin, never the command line)',
    args: [{ name: 'SERVER' }, { name: 'NAME' }],
    refusesMore: 'a secret value is read from stdin, never taken from the command line (it would show in the process list and your shell history): printf %s "$VALUE" | mcp-tray secrets set SERVER NAME',
    load: () => import('./commands/secrets.ts'),
    handler: 'set',
  },
  {
    path: ['secrets', 'delete'],
    summary: 'delete a secret from the OS keychain',
    args: [{ name: 'SERVER' }, { name: 'NAME' }],
    load: () => import('./commands/secrets.ts'),
    handler: 'remove',
  },
  { path: ['approvals', 'list'], summary: 'pending approvals', options: json, isDefault: true, load: () => import('./commands/approvals.ts'), handler: 'list' },
  {
    path: ['approvals', 'show'],
    summary: 'one waiting call: what it would change (the preview) and its arguments',
    args: [{ name: 'ID' }],
    options: json,
    details: 'The preview is computed through the server without side effects before you are asked: a diff, rows a statement changes, what a reset loses. "no preview" says why.',
    load: () => import('./commands/approvals.ts'),
    handler: 'show',
  },
  {
    path: ['approvals', 'approve'],
    summary: 'approve a waiting call (once unless --session or --always)',
    args: [{ name: 'ID' }],
    options: {
      session: { type: 'boolean', description: 'also approve this tool for the rest of the session' },
      always: { type: 'boolean', description: 'always approve this tool for this client (a rule)' },
      args: { type: 'string', value: 'JSON', description: 'run it with these arguments instead (a JSON object that fits the tool\'s input schema; once only)' },
    },
    details: "Example: mcp-tray approvals approve 1b2c… --args '{\"by\": 1}'. The client is told the call ran with edited arguments; the call log keeps both.",
    load: () => import('./commands/approvals.ts'),
    handler: 'approve',
  },
  {
    path: ['approvals', 'deny'],
    summary: 'deny a waiting call',
    args: [{ name: 'ID' }],
    options: { reason: { type: 'string', value: 'R', description: 'told to the client' } },
    load: () => import('./commands/approvals.ts'),
    handler: 'deny',
  },
  { path: ['rules', 'list'], summary: 'persisted "always approve" rules', options: json, isDefault: true, load: () => import('./commands/rules.ts'), handler: 'list' },
  { path: ['rules', 'revoke'], summary: 'delete a rule', args: [{ name: 'ID' }], load: () => import('./commands/rules.ts'), handler: 'revoke' },
  { path: ['limits', 'list'], summary: 'rate limits on calls, per client, server and tool', options: json, isDefault: true, load: () => import('./commands/limits.ts'), handler: 'list' },
  {
    path: ['limits', 'set'],
    summary: 'add a rate limit, or change the one with the same --client/--server/--tool',
    details: [
      'Counts tools/call, resources/read and prompts/get in a sliding 60 s window (--per-minute) and at once (--concurrent).',
      'Left out, --client, --server and --tool match every value, and the matching calls share one budget.',
      'A call over a limit is refused with a JSON-RPC error that says when to retry, and logged as rate-limited.',
      'Give 0 to take a bound off an existing limit. Example: mcp-tray limits set --client cursor --server github --tool create_issue --per-minute 5',
    ].join('\n'),
    options: {
      client: { type: 'string', value: 'C', description: 'only calls from this client (cursor, claude-code, …)' },
      server: { type: 'string', value: 'S', description: 'only calls to this server' },
      tool: { type: 'string', value: 'T', description: "only calls of this tool (the server's own name; needs --server)" },
      'per-minute': { type: 'string', value: 'N', description: 'at most N calls in any 60 s' },
      concurrent: { type: 'string', value: 'N', description: 'at most N calls at once' },
      ...json,
    },
    load: () => import('./commands/limits.ts'),
    handler: 'set',
  },
  { path: ['limits', 'remove'], summary: 'delete a rate limit', args: [{ name: 'ID' }], load: () => import('./commands/limits.ts'), handler: 'remove' },
  {
    path: ['log'],
    summary: 'the call log: who called what, what was decided, how it ended (works without a hub)',
    options: {
      follow: { type: 'boolean', short: 'f', description: 'keep printing new calls (needs the hub)' },
      ...json,
      server: { type: 'string', value: 'S', description: 'only calls to this server' },
      client: { type: 'string', value: 'C', description: 'only calls from this client' },
      decision: { type: 'string', value: 'D', description: 'only this decision (auto-read, approved-once, denied-user, cancelled-client, rate-limited, …)' },
      outcome: { type: 'string', value: 'O', description: 'only this outcome (ok, tool-error, refused, …)' },
      search: { type: 'string', value: 'T', description: 'only calls whose tool, arguments or result contain T' },
      limit: { type: 'string', value: 'N', description: 'how many calls (1-1000, default 50)' },
      export: { type: 'string', value: 'jsonl|csv', description: 'every matching call, in this format' },
    },
    load: () => import('./commands/log.ts'),
    handler: 'run',
  },
  {
    path: ['clients', 'list'],
    summary: 'detected, installed and connected clients (works without a hub)',
    options: json,
    isDefault: true,
    load: clients,
    handler: 'list',
  },
  {
    path: ['clients', 'token'],
    summary: "issue (or show) a client's HTTP bearer token",
    args: [{ name: 'CLIENT' }],
    options: {
      revoke: { type: 'boolean', description: 'delete the token; requests carrying it are refused' },
      profile: { type: 'string', value: 'P', description: "bind the token to a profile, over the client's own (the same token)" },
      ...json,
    },
    load: clients,
    handler: 'token',
  },
  {
    path: ['clients', 'profile'],
    summary: 'bind a client to a profile ("default": every enabled server)',
    details: 'A bridge entry with --profile, or a token bound to a profile, takes precedence over this binding.',
    args: [{ name: 'CLIENT' }, { name: 'PROFILE' }],
    load: profiles,
    handler: 'bind',
  },
  { path: ['profiles', 'list'], summary: 'profiles: which servers and tools a client sees', options: json, isDefault: true, load: profiles, handler: 'list' },
  { path: ['profiles', 'show'], summary: "a profile's servers, tools, tool search and who uses it", args: [{ name: 'PROFILE' }], options: json, load: profiles, handler: 'show' },
  {
    path: ['profiles', 'add'],
    summary: 'a new profile: a set of servers, optionally narrowed to chosen tools',
    details: [
      'A server with tools named in --tools shows only those; a server with none named shows all of its tools.',
      'With --tool-search the client sees two tools, search_tools and call_tool, instead of every tool.',
      'Example: mcp-tray profiles add web --servers github,fetch --tools github:create_issue,github:list_issues',
    ].join('\n'),
    args: [{ name: 'PROFILE' }],
    options: {
      servers: { type: 'string', value: 'A,B', required: true, description: 'the servers it shows' },
      tools: { type: 'string', value: 'S:T,…', description: 'only these tools of their servers (server:tool)' },
      'tool-search': { type: 'boolean', description: 'show search_tools and call_tool instead of every tool' },
      ...json,
    },
    load: profiles,
    handler: 'add',
  },
  {
    path: ['profiles', 'set'],
    summary: 'change a profile (only what is given changes)',
    args: [{ name: 'PROFILE' }],
    options: {
      servers: { type: 'string', value: 'A,B', description: 'the servers it shows' },
      tools: { type: 'string', value: 'S:T,…', description: 'only these tools of their servers (server:tool)' },
      'all-tools': { type: 'boolean', description: 'every tool of its servers again' },
      'tool-search': { type: 'boolean', description: 'turn tool search on' },
      'no-tool-search': { type: 'boolean', description: 'turn tool search off' },
      ...json,
    },
    load: profiles,
    handler: 'set',
  },
  {
    path: ['profiles', 'remove'],
    summary: 'delete a profile (refused while a client or token is bound to it)',
    args: [{ name: 'PROFILE' }],
    load: profiles,
    handler: 'remove',
  },
  {
    path: ['install'],
    summary: 'write the mcp-tray entry into an IDE (--dry-run works without a hub)',
    details:
      "With --project DIR the entry goes into the IDE's project file in DIR (.cursor/mcp.json, .vscode/mcp.json, .mcp.json,\n" +
      '.gemini/settings.json, .codex/config.toml, .zed/settings.json) instead of its user config; DIR must be an existing folder.\n' +
      'A project entry is always the bridge: --http would put a bearer token into a file that is usually committed.\n' +
      'Example: mcp-tray install claude-code --project . --profile git-only',
    args: [{ name: 'CLIENT' }],
    options: {
      http: { type: 'boolean', description: 'connect over HTTP with a bearer token instead of the bridge' },
      project: { type: 'string', value: 'DIR', description: "write the IDE's project file in folder DIR instead of its user config" },
      profile: { type: 'string', value: 'P', description: 'the entry runs the bridge with --profile P (not with --http)' },
      'dry-run': dryRun,
      ...json,
    },
    load: () => import('./commands/install.ts'),
    handler: 'run',
  },
  {
    path: ['uninstall'],
    summary: "remove only the mcp-tray entry from an IDE's config",
    args: [{ name: 'CLIENT' }],
    options: { project: { type: 'string', value: 'DIR', description: "from the IDE's project file in folder DIR instead of its user config" }, 'dry-run': dryRun, ...json },
    load: () => import('./commands/uninstall.ts'),
    handler: 'run',
  },
  {
    path: ['import'],
    summary: "move an IDE's own servers into MCP Tray (tokens into the keychain)",
    args: [{ name: 'CLIENT' }],
    options: {
      list: { type: 'boolean', description: 'only show what would be imported' },
      servers: { type: 'string', value: 'a,b', description: 'only these servers' },
      'delete-backup': { type: 'boolean', description: 'delete the backup that holds the plaintext tokens' },
      ...json,
    },
    load: () => import('./commands/import.ts'),
    handler: 'run',
  },
  { path: ['settings'], summary: 'the hub-wide settings', options: json, load: () => import('./commands/settings.ts'), handler: 'show' },
  {
    path: ['settings', 'denied-paths', 'list'],
    summary: 'paths no bundled server reaches',
    options: json,
    isDefault: true,
    load: () => import('./commands/settings.ts'),
    handler: 'deniedList',
  },
  {
    path: ['settings', 'denied-paths', 'add'],
    summary: 'add paths to the denied list',
    args: [{ name: 'PATH', variadic: true }],
    options: json,
    load: () => import('./commands/settings.ts'),
    handler: 'deniedAdd',
  },
  {
    path: ['settings', 'denied-paths', 'remove'],
    summary: 'remove paths from the denied list',
    args: [{ name: 'PATH', variadic: true }],
    options: json,
    load: () => import('./commands/settings.ts'),
    handler: 'deniedRemove',
  },
  {
    path: ['settings', 'denied-paths', 'reset'],
    summary: 'back to the default denied list',
    options: json,
    load: () => import('./commands/settings.ts'),
    handler: 'deniedReset',
  },
  {
    path: ['service', 'install'],
    summary: 'start the headless hub at login (systemd user unit, launchd agent, Windows Startup entry)',
    details: 'For machines without the desktop app. The desktop app has its own "Start at login" setting instead.',
    load: () => import('./commands/service.ts'),
    handler: 'install',
  },
  { path: ['service', 'uninstall'], summary: 'stop starting the headless hub at login', load: () => import('./commands/service.ts'), handler: 'uninstall' },
  {
    path: ['cli', 'install'],
    summary: 'put the mcp-tray command on PATH (~/.local/bin on Linux, /usr/local/bin on macOS, the user PATH on Windows)',
    load: () => import('./commands/cli-tool.ts'),
    handler: 'install',
  },
  { path: ['cli', 'uninstall'], summary: 'remove the mcp-tray command that cli install put on PATH', load: () => import('./commands/cli-tool.ts'), handler: 'uninstall' },
];
