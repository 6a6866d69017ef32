// The servers MCP Tray ships with (docs/bundled-servers.md): what each one is, the settings it takes, and how to
// start it. Each lives in servers/<name>/ and runs on the Node that runs the hub.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundledKind, BundledServerDefinition } from '../settings/schema.ts';
import { defaultMemoryFile } from './memory-folder.ts';

export interface BundledServerInfo {
  readonly kind: BundledKind;
  readonly name: string;
  readonly description: string;
  /** Added on first start. */
  readonly seeded: boolean;
  readonly defaultEnabled: boolean;
  readonly secretEnv: readonly string[];
  defaultOptions(dataDir: string): Record<string, string | string[]>;
  /** Arguments after the entry script. */
  args(options: Record<string, string | string[]>, dataDir: string): string[];
  env(options: Record<string, string | string[]>, dataDir: string, context: BundledContext): Record<string, string>;
  /**
   * Its sandbox profile (docs/sandbox.md): the folders it works on, readable, and writable while
   * its write mode is on. A folder inside MCP Tray's data dir is its own (the memory server's).
   */
  folders(options: Record<string, string | string[]>, dataDir: string): string[];
}

/** What the hub knows that a bundled server may need beyond its own options. */
export interface BundledContext {
  /** Absolute paths no bundled server may reach (policy/denied-paths.ts). */
  readonly deniedPaths: readonly string[];
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const BUNDLED_SERVERS: Record<BundledKind, BundledServerInfo> = {
  filesystem: {
    kind: 'filesystem',
    name: 'Filesystem',
    description: 'Read (and, with write mode, change) files under the folders you choose.',
    seeded: true,
    defaultEnabled: true,
    secretEnv: [],
    defaultOptions: () => ({ roots: [os.homedir()] }),
    args: (options) => list(options.roots).map(expandHome),
    env: (_options, _dataDir, context) => ({ MCP_TRAY_DENIED_PATHS: JSON.stringify(context.deniedPaths) }),
    folders: (options) => list(options.roots).map(expandHome),
  },
  memory: {
    kind: 'memory',
    name: 'Memory',
    description: 'A knowledge graph your assistants can remember things in.',
    seeded: true,
    defaultEnabled: true,
    secretEnv: [],
    defaultOptions: (dataDir) => ({ memoryFile: defaultMemoryFile(dataDir) }),
    args: () => [],
    env: (options, dataDir) => ({ MEMORY_FILE_PATH: memoryFileOf(options, dataDir) }),
    // It saves through a temporary file beside the memory file: the whole folder.
    folders: (options, dataDir) => [path.dirname(memoryFileOf(options, dataDir))],
  },
  git: {
    kind: 'git',
    name: 'Git',
    description: 'Status, log, diff and blame of the repositories you list; commits and branches with write mode.',
    // Seeded so a new user finds it; with no repositories listed yet it runs and every tool says
    // how to add one (git_list_repos explains), rather than hiding until configured.
    seeded: true,
    defaultEnabled: true,
    secretEnv: [],
    defaultOptions: () => ({ repos: [] }),
    args: (options) => list(options.repos).flatMap((repo) => ['--repo', expandHome(repo)]),
    env: () => ({}),
    folders: (options) => list(options.repos).map(expandHome),
  },
  postgres: {
    kind: 'postgres',
    name: 'PostgreSQL',
    description: 'Schemas, tables and read-only queries of one database; statements with write mode.',
    // Seeded but off: it cannot start before the user stores a connection URL in the keychain,
    // and an enabled server that cannot start (or "keychain unavailable" on a headless Linux)
    // would greet a new user with an error for something they never asked for.
    seeded: true,
    defaultEnabled: false,
    secretEnv: ['POSTGRES_URL'],
    defaultOptions: () => ({ rowLimit: '500', statementTimeoutMs: '30000' }),
    args: (options) => [
      ...(options.rowLimit === undefined ? [] : ['--row-limit', String(options.rowLimit)]),
      ...(options.statementTimeoutMs === undefined ? [] : ['--statement-timeout-ms', String(options.statementTimeoutMs)]),
    ],
    env: () => ({}),
    folders: () => [],
  },
};

/** Where servers/ is: beside electron/ in a checkout; set explicitly by a packaged app. */
export const DEFAULT_SERVERS_ROOT = fileURLToPath(new URL('../../../servers/', import.meta.url));

export function bundledEntry(kind: BundledKind, serversRoot = DEFAULT_SERVERS_ROOT): string {
  return programEntry(kind, serversRoot);
}

/** A program of servers/ (a bundled server, or the strict sandbox's relay, servers/sandbox-relay). */
export function programEntry(name: string, serversRoot = DEFAULT_SERVERS_ROOT): string {
  const source = path.join(serversRoot, name, 'main.ts');
  // The desktop app ships the servers built to JavaScript (dist/servers, resources/servers).
  return existsSync(source) ? source : path.join(serversRoot, name, 'main.js');
}

export function defaultBundledDefinition(kind: BundledKind, dataDir: string): BundledServerDefinition {
  const info = BUNDLED_SERVERS[kind];
  return {
    id: kind,
    name: info.name,
    kind: 'bundled',
    bundled: kind,
    enabled: info.defaultEnabled,
    writeMode: 'off',
    startup: 'eager',
    toolOverrides: {},
    secretEnv: [...info.secretEnv],
    options: info.defaultOptions(dataDir),
  };
}

function memoryFileOf(options: Record<string, string | string[]>, dataDir: string): string {
  return expandHome(String(options.memoryFile ?? defaultMemoryFile(dataDir)));
}

export function expandHome(value: string): string {
  if (value === '~') return os.homedir();
  if (value.startsWith('~/')) return path.join(os.homedir(), value.slice(2));
  return value;
}
