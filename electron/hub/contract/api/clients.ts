// Control API: MCP clients (IDEs) — which are on this machine, install/uninstall of the one
// `mcp-tray` entry, import of the servers they already configure, and their HTTP tokens.
import { z } from 'zod';
import type { SessionInfo } from '../shapes.ts';
import { ProfileNameSchema } from '../../settings/schema.ts';

const clientId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a client id such as cursor, vscode, claude-code');
const clientRef = z.object({ client: clientId }).strict();
/** A project folder: absolute (the CLI resolves a relative one against its own working folder). */
const projectDir = z.string().min(1).max(4096).refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute folder path');
/** A profile name as it goes on the bridge's command line. */
// One rule for profile names, wherever a name comes in.
const profileName = ProfileNameSchema;

export const clientRequests = {
  'clients.list': z.object({}).strict(),
  'clients.install': z
    .object({ client: clientId, http: z.boolean().optional(), dryRun: z.boolean().optional(), project: projectDir.optional(), profile: profileName.optional() })
    .strict(),
  'clients.uninstall': z.object({ client: clientId, dryRun: z.boolean().optional(), project: projectDir.optional() }).strict(),
  'clients.importable': clientRef,
  'clients.import': z
    .object({ client: clientId, servers: z.array(z.string().min(1)).optional(), deleteBackup: z.boolean().optional() })
    .strict(),
  /** `profile` binds the token to a profile ("default" included), over the client's own (docs/profiles.md). */
  'clients.token': z.object({ client: clientId, profile: z.string().min(1).max(64).optional() }).strict(),
  'clients.revokeToken': clientRef,
} as const;

export type ClientInstallStatus = 'not-detected' | 'detected' | 'installed' | 'outdated' | 'unreadable';

export interface InstalledEntryInfo {
  readonly transport: 'stdio' | 'http';
  readonly command?: string;
  readonly args?: readonly string[];
  readonly url?: string;
}

/** Where an install lives: the client's user-level config, or a project folder's own file. */
export type InstallScope = 'user' | 'project';

export type ProjectInstallStatus = 'installed' | 'outdated' | 'missing' | 'unreadable';

/** An install into a project folder's own config file. */
export interface ProjectInstallRow {
  /** The project folder (absolute, symlinks resolved). */
  readonly project: string;
  /** The project's config file. */
  readonly path: string;
  /** `missing`: the entry (or the file, or the folder) is no longer there. */
  readonly status: ProjectInstallStatus;
  readonly profile?: string;
  readonly problem?: string;
  readonly installed?: InstalledEntryInfo;
  /** When MCP Tray installed it. */
  readonly at: string;
}

export interface ClientRow {
  readonly id: string;
  readonly label: string;
  readonly format: 'json' | 'jsonc' | 'toml' | 'yaml';
  readonly detected: boolean;
  /** What showed the client is here: a path, or "<binary> on PATH". */
  readonly detectedBy?: string;
  readonly status: ClientInstallStatus;
  /** The user-level config file MCP Tray reads and writes. */
  readonly configPath: string;
  /** The client's project-level file, relative to a project folder, where it has one. */
  readonly projectConfig?: string;
  /** The project folders MCP Tray installed into, for a client with a project file. */
  readonly projects: readonly ProjectInstallRow[];
  /** For "unreadable": where and why ("<file>:<line>:<col>: <reason>"); for "outdated": what differs. */
  readonly problem?: string;
  readonly installed?: InstalledEntryInfo;
  readonly http: { readonly supported: boolean; readonly reason?: string; readonly tokenIssued: boolean };
  /** The client's own CLI, used instead of editing the file when it is on PATH. */
  readonly cli?: { readonly binary: string; readonly path: string | null; readonly used: boolean };
  readonly sessions: readonly SessionInfo[];
  /** The profile the client is bound to ("default" when none): what its sessions see unless their entry or token names another. */
  readonly profile?: string;
  /** What the user does so the client picks up a change. */
  readonly reload: string;
}

export interface InstallResult {
  readonly client: string;
  readonly label: string;
  readonly path: string;
  readonly scope: InstallScope;
  /** The project folder (scope `project`). */
  readonly project?: string;
  /** The profile the entry names. */
  readonly profile?: string;
  readonly transport: 'stdio' | 'http';
  readonly via: 'file' | 'cli';
  readonly dryRun: boolean;
  readonly changed: boolean;
  /** Unified diff of the file (tokens masked); with `via: cli` on a dry run, the equivalent file edit. */
  readonly diff: string;
  readonly createdFile: boolean;
  readonly backup?: string;
  /** The CLI command lines run (or to run), tokens masked. */
  readonly commands?: readonly string[];
  readonly status: ClientInstallStatus;
  readonly reload: string;
  readonly notes: readonly string[];
}

export interface UninstallResult {
  readonly client: string;
  readonly label: string;
  readonly path: string;
  readonly scope: InstallScope;
  readonly project?: string;
  readonly via: 'file' | 'cli';
  readonly dryRun: boolean;
  readonly changed: boolean;
  readonly diff: string;
  readonly deletedFile: boolean;
  readonly backup?: string;
  readonly commands?: readonly string[];
}

export interface ImportableServer {
  /** The server's name in the client's config. */
  readonly key: string;
  readonly kind: 'stdio' | 'http' | 'unsupported';
  readonly command?: string;
  readonly args?: readonly string[];
  readonly url?: string;
  /** Values of secrets shown as "[secret]". */
  readonly env: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Env vars / headers whose plaintext values would move to the keychain. */
  readonly secrets: readonly string[];
  readonly importable: boolean;
  readonly reason?: string;
  /** The MCP Tray server id it would get. */
  readonly suggestedId: string;
}

export interface ImportableResult {
  readonly client: string;
  readonly label: string;
  readonly path: string;
  readonly servers: readonly ImportableServer[];
}

export interface ImportResult {
  readonly client: string;
  readonly label: string;
  readonly path: string;
  readonly imported: ReadonlyArray<{ readonly key: string; readonly id: string; readonly secrets: readonly string[]; readonly state: string }>;
  readonly skipped: ReadonlyArray<{ readonly key: string; readonly reason: string }>;
  readonly changed: boolean;
  /** The change to the client's file, secret values masked. */
  readonly diff: string;
  readonly via: 'file' | 'cli';
  readonly backup?: string;
  /** Backups of this file that still hold a plaintext secret that was moved to the keychain. */
  readonly backupsWithSecrets: readonly string[];
  readonly deletedBackups: readonly string[];
  readonly reload: string;
}

export interface TokenResult {
  readonly client: string;
  readonly token: string;
  /** The HTTP MCP endpoint, or null while it is not running. */
  readonly url: string | null;
  /** The profile the token is bound to, if any (docs/profiles.md). */
  readonly profile?: string;
}

export interface ClientResults {
  'clients.list': ClientRow[];
  'clients.install': InstallResult;
  'clients.uninstall': UninstallResult;
  'clients.importable': ImportableResult;
  'clients.import': ImportResult;
  'clients.token': TokenResult;
  'clients.revokeToken': { client: string; revoked: boolean };
}
