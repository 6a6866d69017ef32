// The one table every client feature is driven by (docs/clients.md): for each MCP client, where its
// user config lives on each OS (and its project file), the format and the rules its parser
// applies, the key that holds servers, the shape of a stdio and of an HTTP entry, how to tell it is
// installed, and the client's own CLI where one manages the file. The facts, in our words:
// docs/clients.md. Labels come from client-labels.ts.
import { clientLabel } from './client-labels.ts';
import {
  appConfigRoot,
  appData,
  inHome,
  localAppData,
  macAppSupport,
  pathApi,
  xdgConfig,
  type PathContext,
} from './config-paths.ts';

/** The name of the one entry MCP Tray writes into every client. */
export const ENTRY_NAME = 'mcp-tray';

export type ConfigFormatName = 'json' | 'jsonc' | 'toml' | 'yaml';

export interface StdioEntryInput {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface HttpEntryInput {
  readonly url: string;
  readonly token: string;
}

/** One run of the client's CLI; `mayFail` for a step that only clears the way (remove before add). */
export interface CliStep {
  readonly args: readonly string[];
  readonly mayFail?: boolean;
}

export interface ClientCliSpec {
  /** The executable looked up on PATH. */
  readonly binary: string;
  /** Steps that write the entry, or null when this CLI cannot write it (then the file is edited). */
  install(entry: { stdio: StdioEntryInput } | { http: HttpEntryInput }): CliStep[] | null;
  /** Steps that remove a server by name, or null when the CLI has no remove. */
  remove(name: string): CliStep[] | null;
}

export interface ClientSpec {
  readonly id: string;
  readonly label: string;
  readonly format: ConfigFormatName;
  /** For JSON formats: what the client's parser accepts. */
  readonly json?: { readonly comments: boolean; readonly trailingCommas: boolean };
  /** Where the servers live: a key path (JSON), a table (TOML), a list of named items (YAML). */
  readonly serversKey: readonly string[];
  /** User-level config paths, most preferred first (see chooseConfigPath). */
  userConfig(ctx: PathContext): string[];
  /** Project-level config, relative to a project folder, where the client has one. */
  readonly projectConfig?: string;
  /** Paths whose existence means the client is on this machine, and its executables. */
  readonly detect: { paths(ctx: PathContext): string[]; readonly binaries: readonly string[] };
  stdioEntry(input: StdioEntryInput): Record<string, unknown>;
  /** Absent when the client's config cannot hold a remote server. */
  httpEntry?(input: HttpEntryInput): Record<string, unknown>;
  /** Why --http is not offered, when httpEntry is absent. */
  readonly noHttpReason?: string;
  readonly cli?: ClientCliSpec;
  /** Writers take `<file>.lock` (a directory), as Cline's own do. */
  readonly lockDirectory?: boolean;
  /** What the user does so the client picks the change up. */
  readonly reload: string;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const withEnv = (env: Readonly<Record<string, string>>) => (Object.keys(env).length > 0 ? { env: { ...env } } : {});
const plainStdio = (e: StdioEntryInput) => ({ command: e.command, args: [...e.args], ...withEnv(e.env) });
const typedStdio = (e: StdioEntryInput) => ({ type: 'stdio', ...plainStdio(e) });
const envFlags = (flag: string, env: Readonly<Record<string, string>>) => Object.entries(env).flatMap(([k, v]) => [flag, `${k}=${v}`]);

const STRICT_JSON = { comments: false, trailingCommas: false } as const;
const COMMENTS_ONLY = { comments: true, trailingCommas: false } as const;
const FULL_JSONC = { comments: true, trailingCommas: true } as const;

export const CLIENTS: readonly ClientSpec[] = [
  {
    id: 'claude-desktop',
    label: clientLabel('claude-desktop'),
    format: 'json',
    json: STRICT_JSON,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => {
      const p = pathApi(ctx);
      if (ctx.platform === 'darwin') return [p.join(macAppSupport(ctx), 'Claude', 'claude_desktop_config.json')];
      if (ctx.platform === 'win32') {
        // The Microsoft Store build virtualises %APPDATA% into its package folder.
        return [
          p.join(localAppData(ctx), 'Packages', 'Claude_pzs8sxrjxfjjc', 'LocalCache', 'Roaming', 'Claude', 'claude_desktop_config.json'),
          p.join(appData(ctx), 'Claude', 'claude_desktop_config.json'),
        ];
      }
      // No official Linux build; community builds use the XDG config folder.
      return [p.join(xdgConfig(ctx), 'Claude', 'claude_desktop_config.json')];
    },
    detect: {
      paths: (ctx) => {
        const p = pathApi(ctx);
        if (ctx.platform === 'darwin') return ['/Applications/Claude.app', p.join(macAppSupport(ctx), 'Claude')];
        if (ctx.platform === 'win32') return [p.join(appData(ctx), 'Claude'), p.join(localAppData(ctx), 'Packages', 'Claude_pzs8sxrjxfjjc')];
        return [p.join(xdgConfig(ctx), 'Claude')];
      },
      binaries: [],
    },
    stdioEntry: plainStdio,
    noHttpReason: "Claude Desktop's config file only launches stdio commands (remote servers go through its Settings → Connectors); install without --http to use the bridge",
    reload: 'Quit Claude Desktop completely and open it again.',
  },
  {
    id: 'claude-code',
    label: clientLabel('claude-code'),
    format: 'json',
    json: STRICT_JSON,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => [ctx.env.CLAUDE_CONFIG_DIR ? pathApi(ctx).join(ctx.env.CLAUDE_CONFIG_DIR, '.claude.json') : inHome(ctx, '.claude.json')],
    projectConfig: '.mcp.json',
    detect: { paths: (ctx) => [inHome(ctx, '.claude'), inHome(ctx, '.claude.json')], binaries: ['claude'] },
    stdioEntry: typedStdio,
    httpEntry: (e) => ({ type: 'http', url: e.url, headers: bearer(e.token) }),
    // Claude Code rewrites ~/.claude.json constantly; its own CLI is the safe writer.
    cli: {
      binary: 'claude',
      install: (entry) => {
        const json = 'stdio' in entry ? typedStdio(entry.stdio) : { type: 'http', url: entry.http.url, headers: bearer(entry.http.token) };
        return [
          { args: ['mcp', 'remove', '--scope', 'user', ENTRY_NAME], mayFail: true },
          { args: ['mcp', 'add-json', '--scope', 'user', ENTRY_NAME, JSON.stringify(json)] },
        ];
      },
      remove: (name) => [{ args: ['mcp', 'remove', '--scope', 'user', name] }],
    },
    reload: 'New Claude Code sessions see it; in a running one, run /mcp.',
  },
  {
    id: 'cursor',
    label: clientLabel('cursor'),
    format: 'jsonc',
    json: COMMENTS_ONLY,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => [inHome(ctx, '.cursor', 'mcp.json')],
    projectConfig: '.cursor/mcp.json',
    detect: {
      paths: (ctx) => [inHome(ctx, '.cursor'), ...(ctx.platform === 'darwin' ? ['/Applications/Cursor.app'] : []), ...(ctx.platform === 'win32' ? [pathApi(ctx).join(appData(ctx), 'Cursor')] : [])],
      binaries: ['cursor'],
    },
    stdioEntry: plainStdio,
    httpEntry: (e) => ({ url: e.url, headers: bearer(e.token) }),
    reload: 'Cursor picks it up in Settings → MCP; if not, reload the window.',
  },
  {
    id: 'vscode',
    label: clientLabel('vscode'),
    format: 'jsonc',
    json: FULL_JSONC,
    serversKey: ['servers'],
    userConfig: (ctx) => {
      const p = pathApi(ctx);
      return [p.join(appConfigRoot(ctx), 'Code', 'User', 'mcp.json'), p.join(appConfigRoot(ctx), 'Code - Insiders', 'User', 'mcp.json')];
    },
    projectConfig: '.vscode/mcp.json',
    detect: {
      paths: (ctx) => [pathApi(ctx).join(appConfigRoot(ctx), 'Code'), ...(ctx.platform === 'darwin' ? ['/Applications/Visual Studio Code.app'] : [])],
      binaries: ['code', 'code-insiders'],
    },
    stdioEntry: typedStdio,
    httpEntry: (e) => ({ type: 'http', url: e.url, headers: bearer(e.token) }),
    // `code --add-mcp` writes the user profile's mcp.json; it has no remove, so uninstall edits the file.
    cli: {
      binary: 'code',
      install: (entry) => {
        const json = 'stdio' in entry ? { name: ENTRY_NAME, ...typedStdio(entry.stdio) } : { name: ENTRY_NAME, type: 'http', url: entry.http.url, headers: bearer(entry.http.token) };
        return [{ args: ['--add-mcp', JSON.stringify(json)] }];
      },
      remove: () => null,
    },
    reload: 'Start it from "MCP: List Servers" in VS Code (Copilot agent mode).',
  },
  {
    id: 'windsurf',
    label: clientLabel('windsurf'),
    format: 'jsonc',
    json: COMMENTS_ONLY,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => [inHome(ctx, '.codeium', 'windsurf', 'mcp_config.json')],
    detect: { paths: (ctx) => [inHome(ctx, '.codeium', 'windsurf')], binaries: ['windsurf'] },
    stdioEntry: plainStdio,
    httpEntry: (e) => ({ serverUrl: e.url, headers: bearer(e.token) }),
    reload: "Press the refresh button in Windsurf's MCP panel.",
  },
  {
    id: 'gemini',
    label: clientLabel('gemini'),
    format: 'jsonc',
    json: COMMENTS_ONLY,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => [inHome(ctx, '.gemini', 'settings.json')],
    projectConfig: '.gemini/settings.json',
    detect: { paths: (ctx) => [inHome(ctx, '.gemini')], binaries: ['gemini'] },
    stdioEntry: plainStdio,
    httpEntry: (e) => ({ url: e.url, type: 'http', headers: bearer(e.token) }),
    // `gemini mcp add` defaults to project scope: always pass `-s user`. It replaces an existing entry.
    cli: {
      binary: 'gemini',
      install: (entry) =>
        'stdio' in entry
          ? [{ args: ['mcp', 'add', '-s', 'user', ...envFlags('-e', entry.stdio.env), ENTRY_NAME, entry.stdio.command, '--', ...entry.stdio.args] }]
          : [{ args: ['mcp', 'add', '-s', 'user', '-t', 'http', '-H', `Authorization: Bearer ${entry.http.token}`, ENTRY_NAME, entry.http.url] }],
      remove: (name) => [{ args: ['mcp', 'remove', '-s', 'user', name] }],
    },
    reload: 'New Gemini CLI sessions see it (/mcp lists it).',
  },
  {
    id: 'codex',
    label: clientLabel('codex'),
    format: 'toml',
    serversKey: ['mcp_servers'],
    userConfig: (ctx) => [ctx.env.CODEX_HOME ? pathApi(ctx).join(ctx.env.CODEX_HOME, 'config.toml') : inHome(ctx, '.codex', 'config.toml')],
    projectConfig: '.codex/config.toml',
    detect: { paths: (ctx) => [ctx.env.CODEX_HOME || inHome(ctx, '.codex')], binaries: ['codex'] },
    stdioEntry: plainStdio,
    // Codex takes a bearer token only from an env var it is started with; a static header is what
    // an installer can write.
    httpEntry: (e) => ({ url: e.url, http_headers: bearer(e.token) }),
    cli: {
      binary: 'codex',
      install: (entry) => ('stdio' in entry ? [{ args: ['mcp', 'add', ENTRY_NAME, ...envFlags('--env', entry.stdio.env), '--', entry.stdio.command, ...entry.stdio.args] }] : null),
      remove: (name) => [{ args: ['mcp', 'remove', name] }],
    },
    reload: 'New Codex sessions see it.',
  },
  {
    id: 'zed',
    label: clientLabel('zed'),
    format: 'jsonc',
    json: FULL_JSONC,
    serversKey: ['context_servers'],
    userConfig: (ctx) => {
      const p = pathApi(ctx);
      if (ctx.platform === 'win32') return [p.join(appData(ctx), 'Zed', 'settings.json')];
      if (ctx.platform === 'darwin') return [inHome(ctx, '.config', 'zed', 'settings.json')];
      return [p.join(ctx.env.FLATPAK_XDG_CONFIG_HOME || xdgConfig(ctx), 'zed', 'settings.json')];
    },
    projectConfig: '.zed/settings.json',
    detect: {
      paths: (ctx) => {
        const p = pathApi(ctx);
        if (ctx.platform === 'win32') return [p.join(appData(ctx), 'Zed')];
        if (ctx.platform === 'darwin') return [inHome(ctx, '.config', 'zed'), '/Applications/Zed.app'];
        return [p.join(ctx.env.FLATPAK_XDG_CONFIG_HOME || xdgConfig(ctx), 'zed')];
      },
      binaries: ['zed', 'zeditor'],
    },
    // `source: "custom"` is required by older Zed (tagged enum) and ignored by the current one.
    stdioEntry: (e) => ({ source: 'custom', ...plainStdio(e) }),
    httpEntry: (e) => ({ url: e.url, headers: bearer(e.token) }),
    reload: 'Zed reloads settings.json; the server shows in the Agent Panel.',
  },
  {
    id: 'cline',
    label: clientLabel('cline'),
    format: 'json',
    json: STRICT_JSON,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => {
      const p = pathApi(ctx);
      const file = 'cline_mcp_settings.json';
      if (ctx.env.CLINE_MCP_SETTINGS_PATH) return [ctx.env.CLINE_MCP_SETTINGS_PATH];
      const shared = ctx.env.CLINE_DATA_DIR
        ? p.join(ctx.env.CLINE_DATA_DIR, 'settings', file)
        : p.join(ctx.env.CLINE_DIR || inHome(ctx, '.cline'), 'data', 'settings', file);
      // Older Cline releases keep it in VS Code's extension storage.
      return [shared, p.join(appConfigRoot(ctx), 'Code', 'User', 'globalStorage', 'saoudrizwan.claude-dev', 'settings', file)];
    },
    detect: {
      paths: (ctx) => [ctx.env.CLINE_DIR || inHome(ctx, '.cline'), pathApi(ctx).join(appConfigRoot(ctx), 'Code', 'User', 'globalStorage', 'saoudrizwan.claude-dev')],
      binaries: ['cline'],
    },
    stdioEntry: typedStdio,
    httpEntry: (e) => ({ type: 'streamableHttp', url: e.url, headers: bearer(e.token) }),
    lockDirectory: true,
    reload: 'Cline reloads its MCP settings on change.',
  },
  {
    id: 'lmstudio',
    label: clientLabel('lmstudio'),
    format: 'jsonc',
    json: COMMENTS_ONLY,
    serversKey: ['mcpServers'],
    userConfig: (ctx) => [inHome(ctx, '.lmstudio', 'mcp.json'), inHome(ctx, '.cache', 'lm-studio', 'mcp.json')],
    detect: { paths: (ctx) => [inHome(ctx, '.lmstudio'), inHome(ctx, '.cache', 'lm-studio')], binaries: ['lms'] },
    stdioEntry: plainStdio,
    httpEntry: (e) => ({ url: e.url, headers: bearer(e.token) }),
    reload: 'LM Studio reloads mcp.json (Program tab → Install).',
  },
  {
    id: 'continue',
    label: clientLabel('continue'),
    format: 'yaml',
    serversKey: ['mcpServers'],
    userConfig: (ctx) => [inHome(ctx, '.continue', 'config.yaml')],
    detect: { paths: (ctx) => [inHome(ctx, '.continue')], binaries: [] },
    stdioEntry: typedStdio,
    httpEntry: (e) => ({ type: 'streamable-http', url: e.url, requestOptions: { headers: bearer(e.token) } }),
    reload: 'Continue reloads config.yaml.',
  },
];

export function findClient(id: string): ClientSpec | undefined {
  return CLIENTS.find((c) => c.id === id);
}
