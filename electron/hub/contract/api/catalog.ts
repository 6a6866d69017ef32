// Control API: the catalog (docs/catalog.md). Search the MCP Registry (or the bundled offline
// snapshot when it cannot be reached), look at one entry, add it as a server, and see and apply
// updates of the servers added from it.
import { z } from 'zod';
import { ServerIdSchema } from '../../settings/schema.ts';
import type { ServerStatus } from '../shapes.ts';

const entryName = z.string().min(3).max(200);
const entryVersion = z.string().min(1).max(255);
const choice = z.string().min(1).max(512);

export const catalogRequests = {
  'catalog.search': z.object({ query: z.string().max(200).optional(), cursor: z.string().max(2048).optional() }).strict(),
  'catalog.show': z.object({ name: entryName, version: entryVersion.optional(), choice: choice.optional() }).strict(),
  'catalog.add': z
    .object({
      name: entryName,
      version: entryVersion.optional(),
      id: ServerIdSchema.optional(),
      choice: choice.optional(),
      /** Plain values for the entry's inputs, by key. */
      inputs: z.record(z.string().min(1).max(200), z.string().max(4096)).optional(),
      /** Secret values by env var or header name; they go to the keychain only. */
      secrets: z.record(z.string().min(1).max(200), z.string().min(1).max(65_536)).optional(),
    })
    .strict(),
  'catalog.updates': z.object({ check: z.boolean().optional() }).strict(),
  'catalog.update': z.object({ id: ServerIdSchema }).strict(),
  'catalog.icon': z.object({ name: entryName, version: entryVersion }).strict(),
} as const;

/** Where the catalog's entries came from this time. */
export interface CatalogOrigin {
  /** `registry`: the registry answered; `offline`: the bundled snapshot (the registry could not be reached). */
  readonly source: 'registry' | 'offline';
  readonly registryUrl: string;
  /** Why the registry was not used. */
  readonly offlineReason?: string;
  /** When the offline snapshot was taken (YYYY-MM-DD). */
  readonly snapshotTakenAt?: string;
}

/** One way to run an entry (a package or a remote). */
export interface CatalogChoiceInfo {
  readonly id: string;
  readonly kind: 'package' | 'remote';
  readonly label: string;
  readonly runtime?: string;
  /** Why MCP Tray cannot use it. */
  readonly unsupported?: string;
  /** The runtime is not on the login PATH. */
  readonly runtimeMissing?: boolean;
}

export interface CatalogEntryInfo {
  readonly name: string;
  readonly title?: string;
  readonly description: string;
  readonly version: string;
  readonly websiteUrl?: string;
  readonly repositoryUrl?: string;
  /** The entry lists an icon MCP Tray can show (https, PNG, JPEG or WebP): ask catalog.icon. */
  readonly hasIcon: boolean;
  /** "stdio" for packages run here, "streamable-http" for remotes (only the kinds MCP Tray can use). */
  readonly transports: readonly string[];
  readonly choices: readonly CatalogChoiceInfo[];
  readonly status?: string;
  /** Ids of the servers added from this entry. */
  readonly added: readonly string[];
}

export interface SkippedEntry {
  readonly name: string;
  readonly version?: string;
  readonly problem: string;
}

/** A value asked for when adding. */
export interface CatalogInputInfo {
  readonly key: string;
  readonly kind: 'env' | 'header' | 'argument' | 'variable';
  readonly description?: string;
  readonly required: boolean;
  readonly secret: boolean;
  readonly default?: string;
  readonly choices?: readonly string[];
  readonly format?: string;
  readonly placeholder?: string;
  /** A secret stored as this template with the answer in place of `{variable}`. */
  readonly template?: string;
  readonly variable?: string;
}

export interface CatalogPlan {
  readonly choice: string;
  readonly kind: 'stdio' | 'http';
  readonly suggestedId: string;
  /** The command line or URL with the defaults filled in (what runs, never a secret). */
  readonly launch: string;
  readonly runtime?: string;
  readonly inputs: readonly CatalogInputInfo[];
  readonly notes: readonly string[];
}

export interface CatalogSecretInfo {
  readonly name: string;
  readonly kind: 'env' | 'header';
  readonly description?: string;
  readonly template?: string;
}

export interface CatalogUpdateInfo {
  readonly id: string;
  readonly name: string;
  readonly entry: string;
  readonly installed: string;
  readonly latest: string;
}

export interface CatalogResults {
  'catalog.search': CatalogOrigin & { entries: CatalogEntryInfo[]; nextCursor?: string; skipped: SkippedEntry[] };
  'catalog.show': CatalogOrigin & { entry: CatalogEntryInfo; versions?: string[]; plan?: CatalogPlan; problem?: string };
  'catalog.add': { server: ServerStatus; secretsToSet: CatalogSecretInfo[]; optionalSecrets: CatalogSecretInfo[]; notes: string[] };
  'catalog.updates': { checkedAt?: string; updates: CatalogUpdateInfo[]; problems: string[] };
  'catalog.update': { server: ServerStatus; from: string; to: string; secretsToSet: CatalogSecretInfo[] };
  'catalog.icon': { dataUrl?: string };
}
