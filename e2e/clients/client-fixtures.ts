// Test material for the clients feature: a temp HOME per test, each client's config path on Linux
// (written out here, independently of the client table), an existing config per client with
// comments (where its format allows), other servers, unusual indentation and key order, and each
// client's own parse rules to check what MCP Tray wrote.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTree, stripComments, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { BIN, NODE, startHub, tempDir, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

export const CLIENT_IDS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'gemini', 'codex', 'zed', 'cline', 'lmstudio', 'continue'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** The hub's environment for a temp HOME: nothing from the real user's client settings leaks in. */
export function clientEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    CLAUDE_CONFIG_DIR: undefined,
    CODEX_HOME: undefined,
    CLINE_MCP_SETTINGS_PATH: undefined,
    CLINE_DATA_DIR: undefined,
    CLINE_DIR: undefined,
    FLATPAK_XDG_CONFIG_HOME: undefined,
    ...extra,
  };
}

export function tempHome(): string {
  return tempDir('mcp-tray-home-');
}

/**
 * A hub for client tests: a temp HOME holding `configs` (client → file text, written before the hub
 * starts), a temp data dir with `settings` (no servers unless given), the HTTP port picked by the OS.
 */
export async function startClientsHub(configs: Partial<Record<ClientId, string>> = {}, settings: Record<string, unknown> = { servers: [] }): Promise<{ home: string; dataDir: string; hub: HubProcess }> {
  const home = tempHome();
  const dataDir = tempDir();
  writeSettings(dataDir, settings);
  for (const [id, text] of Object.entries(configs)) writeConfig(configPath(id as ClientId, home), text);
  const hub = await startHub(dataDir, { env: clientEnv(home), args: ['--port', '0'] });
  return { home, dataDir, hub };
}

/** Where each client keeps its user config on Linux (docs/clients.md). */
export function configPath(id: ClientId, home: string): string {
  const paths: Record<ClientId, string[]> = {
    'claude-desktop': ['.config', 'Claude', 'claude_desktop_config.json'],
    'claude-code': ['.claude.json'],
    cursor: ['.cursor', 'mcp.json'],
    vscode: ['.config', 'Code', 'User', 'mcp.json'],
    windsurf: ['.codeium', 'windsurf', 'mcp_config.json'],
    gemini: ['.gemini', 'settings.json'],
    codex: ['.codex', 'config.toml'],
    zed: ['.config', 'zed', 'settings.json'],
    cline: ['.cline', 'data', 'settings', 'cline_mcp_settings.json'],
    lmstudio: ['.lmstudio', 'mcp.json'],
    continue: ['.continue', 'config.yaml'],
  };
  return path.join(home, ...paths[id]);
}

/** An existing config: comments where allowed, other servers, odd indentation and key order. */
export const EXISTING: Record<ClientId, string> = {
  // Strict JSON, four-space indent, args before command, a key after mcpServers.
  'claude-desktop': `{
    "globalShortcut": "Ctrl+Space",
    "mcpServers": {
        "filesystem": {
            "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/u/Desktop"],
            "command": "npx"
        }
    },
    "zzz": true
}
`,
  // Claude Code's app-state file: strict JSON, compact, servers all on one line.
  'claude-code': `{"numStartups": 12, "projects": {"/work/app": {"mcpServers": {}, "allowedTools": []}},
 "mcpServers": {"github": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {}}},
 "userID": "abc123"}
`,
  // Tabs, a comment inside the servers object and after a value.
  cursor: `{
\t// servers for every project
\t"mcpServers": {
\t\t"postgres": {
\t\t\t"command": "npx",
\t\t\t"args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost/db"]
\t\t}, // local db
\t\t"remote": { "url": "https://mcp.example.com/mcp" } // hosted
\t}
}
`,
  // JSONC with comments, inputs first, trailing commas (VS Code accepts them).
  vscode: `// VS Code user MCP servers
{
  "inputs": [
    { "type": "promptString", "id": "api-key", "description": "API key", "password": true },
  ],
  "servers": {
    /* fetch tool */
    "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"] },
  },
}
`,
  // Three-space indent, serverUrl remote entry, comment.
  windsurf: `{
   // Windsurf MCP
   "mcpServers": {
      "remote": {
         "serverUrl": "https://mcp.example.com/mcp",
         "headers": { "X-Team": "core" }
      }
   }
}
`,
  // Gemini: comments yes, trailing commas no; other settings around mcpServers.
  gemini: `{
  "theme": "GitHub", // my theme
  "mcpServers": {
    "everything": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-everything"],
      "timeout": 30000
    }
  },
  "selectedAuthType": "oauth-personal"
}
`,
  // TOML: comments, a server with an env sub-table, a multi-line array, a table after it.
  codex: `# Codex configuration
model = "o3" # default model

[mcp_servers.github]
command = "npx"
args = [
  "-y",
  "@modelcontextprotocol/server-github",
]

[mcp_servers.github.env]
GITHUB_API_URL = "https://api.github.com"

# profiles below
[profiles.fast]
model = "o4-mini"
`,
  // Zed: JSONC with comments and trailing commas, other settings.
  zed: `// Zed settings
{
  "theme": "One Dark",
  "context_servers": {
    "sqlite": {
      "source": "custom",
      "command": "uvx",
      "args": ["mcp-server-sqlite", "--db-path", "/tmp/x.db"],
    },
  },
  "vim_mode": true,
}
`,
  // Cline: strict JSON with Windows line endings.
  cline: '{\r\n  "mcpServers": {\r\n    "weather": {\r\n      "type": "stdio",\r\n      "command": "node",\r\n      "args": ["/opt/weather/index.js"],\r\n      "disabled": false,\r\n      "autoApprove": []\r\n    }\r\n  }\r\n}\r\n',
  // LM Studio: two spaces, comment, no final newline.
  lmstudio: `{
  // LM Studio follows Cursor's notation
  "mcpServers": {
    "hf": { "url": "https://huggingface.co/mcp" }
  }
}`,
  // Continue: YAML with comments, four-space list indent, keys after the list.
  continue: `# Continue config
name: My Assistant
version: 1.0.0
schema: v1
mcpServers:
    -   name: sqlite   # local db
        type: stdio
        command: uvx
        args: ["mcp-server-sqlite", "--db-path", "/tmp/x.db"]
    # more servers go here
models:
    - name: local
      provider: ollama
      model: llama3
`,
};

export function writeConfig(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Parses a config by the rules of the client that reads it; throws when the client could not. */
export function parseAsClient(id: ClientId, text: string): Record<string, unknown> {
  switch (id) {
    case 'claude-desktop':
    case 'claude-code':
    case 'cline':
      return JSON.parse(text) as Record<string, unknown>;
    case 'gemini':
    case 'cursor':
    case 'windsurf':
    case 'lmstudio':
      // Comments stripped, then strict JSON (Gemini's own rule; no trailing commas).
      return JSON.parse(stripComments(text)) as Record<string, unknown>;
    case 'vscode':
    case 'zed': {
      const errors: ParseError[] = [];
      const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
      if (errors.length || !root) throw new Error(`JSONC errors: ${JSON.stringify(errors)}`);
      return JSON.parse(stripComments(text).replace(/,(\s*[}\]])/g, '$1')) as Record<string, unknown>;
    }
    case 'codex':
      return parseToml(text) as Record<string, unknown>;
    case 'continue': {
      const doc = parseDocument(text);
      if (doc.errors.length) throw doc.errors[0]!;
      return doc.toJS() as Record<string, unknown>;
    }
  }
}

/** The servers of a parsed config, by name. */
export function serversOf(id: ClientId, parsed: Record<string, unknown>): Record<string, Record<string, unknown>> {
  if (id === 'continue') {
    const list = (parsed.mcpServers ?? []) as Array<Record<string, unknown>>;
    return Object.fromEntries(list.map((item) => [item.name as string, item]));
  }
  const key = id === 'vscode' ? 'servers' : id === 'zed' ? 'context_servers' : id === 'codex' ? 'mcp_servers' : 'mcpServers';
  return (parsed[key] ?? {}) as Record<string, Record<string, unknown>>;
}

/** What the bridge entry of a client must hold (its shape from docs/clients.md). */
export function expectedBridgeEntry(id: ClientId, dataDir: string): Record<string, unknown> {
  const base = { command: NODE, args: [BIN, 'bridge', '--client', id, '--data-dir', dataDir] };
  if (id === 'claude-code' || id === 'vscode' || id === 'cline') return { type: 'stdio', ...base };
  if (id === 'continue') return { name: 'mcp-tray', type: 'stdio', ...base };
  if (id === 'zed') return { source: 'custom', ...base };
  return base;
}

/** The config minus the mcp-tray entry, for comparing with the original. */
export function withoutEntry(id: ClientId, parsed: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(parsed);
  if (id === 'continue') {
    copy.mcpServers = ((copy.mcpServers ?? []) as Array<Record<string, unknown>>).filter((i) => i.name !== 'mcp-tray');
    return copy;
  }
  delete serversOf(id, copy)['mcp-tray'];
  return copy;
}

/**
 * Checks that `after` is `before` plus the entry and nothing else: taking the entry's lines out of
 * `after` gives `before` back, give or take the one comma that separates it from the entry before
 * (or, in a one-line object, the entry was inserted on that line).
 */
export function assertOnlyEntryAdded(id: ClientId, before: string, after: string, entry: Record<string, unknown>): void {
  const inserted = insertionIn(before, after);
  if (inserted !== null && !inserted.includes('\n')) {
    const value = JSON.parse(`{${inserted.replace(/^\s*,\s*/, '').replace(/,\s*$/, '')}}`) as Record<string, unknown>;
    if (JSON.stringify(value['mcp-tray']) !== JSON.stringify(entry)) throw new Error(`inline entry differs: ${inserted}`);
    return;
  }
  const lines = after.split('\n');
  const start = lines.findIndex((l) => l.includes('mcp-tray'));
  if (start === -1) throw new Error('no mcp-tray entry in the file');
  const indent = indentOf(lines[start]!);
  let end = start;
  if (id === 'codex') while (end + 1 < lines.length && lines[end + 1]!.trim() !== '' && !lines[end + 1]!.startsWith('[')) end++;
  else if (id === 'continue') while (end + 1 < lines.length && indentOf(lines[end + 1]!) > indent && lines[end + 1]!.trim() !== '') end++;
  else while (!(indentOf(lines[end]!) === indent && /^\s*}/.test(lines[end]!))) end++;
  const block = lines.slice(start, end + 1);
  let rest = [...lines.slice(0, start), ...lines.slice(end + 1)];
  // Codex: the table was appended after a blank line.
  if (id === 'codex' && start > 0 && lines[start - 1]!.trim() === '') rest = [...lines.slice(0, start - 1), ...lines.slice(end + 1)];
  const restText = rest.join('\n');
  if (restText !== before && insertionIn(before, restText) !== ',') {
    throw new Error(`taking the entry out does not give the original back:\n${restText}`);
  }
  const margin = Math.min(...block.map(indentOf));
  const joined = block.map((l) => l.slice(margin).replace(/\r$/, '')).join('\n');
  let written: unknown;
  if (id === 'codex') written = (parseToml(joined) as { mcp_servers: Record<string, unknown> }).mcp_servers['mcp-tray'];
  else if (id === 'continue') written = (parseDocument(joined).toJS() as unknown[])[0];
  else written = (JSON.parse(`{${joined.trim().replace(/,$/, '')}}`) as Record<string, unknown>)['mcp-tray'];
  if (JSON.stringify(written) !== JSON.stringify(entry)) throw new Error(`the added lines are not exactly the entry:\n${joined}`);
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/** The substring inserted into `a` to get `b`, or null when `b` is not `a` plus one insertion. */
function insertionIn(a: string, b: string): string | null {
  if (b.length <= a.length) return null;
  let p = 0;
  while (p < a.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return p + s === a.length ? b.slice(p, b.length - s) : null;
}
