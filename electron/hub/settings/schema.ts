// The settings schema: the one source of truth for what settings.json may hold. Secrets are never
// here; a server only names the env vars and headers whose values live in the keychain.
import { z } from 'zod';
import { DEFAULT_DENIED_PATHS } from './denied-path-defaults.ts';

export const SERVER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,23}$/;
export const ServerIdSchema = z
  .string()
  .regex(SERVER_ID_PATTERN, 'a server id is a slug of at most 24 characters: a-z, 0-9 and "-", not starting with "-"');

export const WriteModeSchema = z.enum(['off', 'ask', 'allow']);
export type WriteMode = z.infer<typeof WriteModeSchema>;

export const ToolClassSchema = z.enum(['read', 'write']);
export type ToolClass = z.infer<typeof ToolClassSchema>;

export const ToolOverrideSchema = z.object({
  class: ToolClassSchema.optional(),
  disabled: z.boolean().optional(),
});
export type ToolOverride = z.infer<typeof ToolOverrideSchema>;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
export const EnvNameSchema = z.string().regex(ENV_NAME, 'not a valid environment variable name');
export const HeaderNameSchema = z.string().regex(HEADER_NAME, 'not a valid HTTP header name');

/** The MCP Registry the catalog reads unless the user names another (a company may run its own). */
export const DEFAULT_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';
/** `source.registry` of a server added from the bundled offline snapshot. */
export const OFFLINE_SNAPSHOT_SOURCE = 'offline-snapshot';

/** Where a server added from the catalog came from (docs/catalog.md): the "Added" badge and updates read it. */
export const CatalogSourceSchema = z.object({
  /** The registry's URL, or "offline-snapshot". */
  registry: z.string().min(1).max(2048),
  /** The entry's name in the registry, e.g. io.github.user/weather. */
  name: z.string().min(3).max(200),
  /** The entry's version this definition was made from (its package is pinned to it). */
  version: z.string().min(1).max(255),
  /** Which of the entry's packages or remotes runs, so an update picks the same one. */
  pick: z.string().min(1).max(512).optional(),
  /** The plain (not secret) values the user gave for the entry's inputs, kept for updates. */
  inputs: z.record(z.string(), z.string().max(4096)).optional(),
});
export type CatalogSource = z.infer<typeof CatalogSourceSchema>;

const baseServer = {
  id: ServerIdSchema,
  name: z.string().min(1).max(80),
  enabled: z.boolean().default(true),
  writeMode: WriteModeSchema.default('off'),
  startup: z.enum(['eager', 'on-demand']).default('eager'),
  toolOverrides: z.record(z.string(), ToolOverrideSchema).default({}),
  /** Env vars whose values come from the keychain at spawn. */
  secretEnv: z.array(EnvNameSchema).default([]),
  /**
   * Folders the hub answers with when the server asks for roots on a session no single client owns
   * (a shared server). The bundled filesystem server keeps its roots in `options.roots` instead.
   */
  roots: z.array(z.string().min(1).max(4096)).max(100).optional(),
  source: CatalogSourceSchema.optional(),
  /**
   * What happens to a tool the server adds after its tools were first pinned (docs/pinned-tools.md):
   * `hold` until the user accepts it, or `list` (pinned as it is). Absent: `hold` for a server from
   * the catalog or imported from an IDE, `list` for the others.
   */
  newTools: z.enum(['hold', 'list']).optional(),
};

/**
 * How a command server is confined by the OS (docs/sandbox.md): `standard` hides the credential
 * stores, MCP Tray's data and other processes, and lets it write only its package cache (and, with
 * write mode on, its folders); `strict` also limits its network to `allowedHosts`, through a proxy.
 */
export const SandboxLevelSchema = z.enum(['off', 'standard', 'strict']);
export type SandboxLevel = z.infer<typeof SandboxLevelSchema>;

/** A host a strict sandbox may reach: `example.com`, `*.example.com`, either with `:port`; an IP literal (IPv6 in brackets). */
export const HostPatternSchema = z
  .string()
  .max(260)
  .regex(/^(?:(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/, 'a host is a name (example.com, *.example.com) or an IP address, optionally with :port');

/** The sandbox settings of a command server; absent `sandbox` means its kind's default (sandbox/sandbox-level.ts). */
const sandboxSettings = {
  sandbox: SandboxLevelSchema.optional(),
  /** Hosts a `strict` sandbox lets the server reach (through MCP Tray's proxy). */
  allowedHosts: z.array(HostPatternSchema).max(200).optional(),
};

/** One process shared by every client, or one per client session (see docs/supervisor.md). */
export const SessionModeSchema = z.enum(['shared', 'per-client']);
export type SessionMode = z.infer<typeof SessionModeSchema>;

export const BundledServerSchema = z.object({
  ...baseServer,
  kind: z.literal('bundled'),
  bundled: z.enum(['filesystem', 'memory', 'git', 'postgres']),
  ...sandboxSettings,
  /** Bundled-server options, e.g. `roots` for filesystem, `repos` for git. */
  options: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
});

export const StdioServerSchema = z.object({
  ...baseServer,
  kind: z.literal('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  cwd: z.string().optional(),
  env: z.record(EnvNameSchema, z.string()).default({}),
  ...sandboxSettings,
  /** Absent means shared. */
  sessions: SessionModeSchema.optional(),
});

export const HttpServerSchema = z.object({
  ...baseServer,
  kind: z.literal('http'),
  url: z.url({ protocol: /^https?$/ }),
  headers: z.record(HeaderNameSchema, z.string()).default({}),
  /** Headers whose values come from the keychain at connect. */
  secretHeaders: z.array(HeaderNameSchema).default([]),
  // Sign-in (OAuth) for a server that asks for it: docs/oauth.md. Without these MCP Tray registers
  // itself with the authorization server; tokens and a client secret live only in the keychain.
  /** A client id the user registered with the authorization server (its secret, if any, is in the keychain). */
  oauthClientId: z.string().min(1).max(512).optional(),
  /** The https URL where MCP Tray's Client ID Metadata Document is published, used where the server supports it. */
  oauthClientMetadataUrl: z
    .url({ protocol: /^https$/ })
    .refine((u) => new URL(u).pathname !== '/', 'a client metadata URL needs a path, e.g. https://example.com/mcp-tray.json')
    .optional(),
  /** Scopes to ask for when the server does not say which (space-separated). */
  oauthScopes: z.string().min(1).max(1024).optional(),
  /** A fixed port for the loopback redirect (http://127.0.0.1:PORT/callback), for a client registered with one. */
  oauthRedirectPort: z.number().int().min(1024).max(65535).optional(),
});

export const ServerDefinitionSchema = z.discriminatedUnion('kind', [BundledServerSchema, StdioServerSchema, HttpServerSchema]);
export type ServerDefinition = z.infer<typeof ServerDefinitionSchema>;
export type BundledServerDefinition = z.infer<typeof BundledServerSchema>;
export type StdioServerDefinition = z.infer<typeof StdioServerSchema>;
export type HttpServerDefinition = z.infer<typeof HttpServerSchema>;
export type BundledKind = BundledServerDefinition['bundled'];

export const AlwaysRuleSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  serverId: ServerIdSchema,
  tool: z.string(),
  createdAt: z.string(),
});
export type AlwaysRule = z.infer<typeof AlwaysRuleSchema>;

export const DeniedPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character');

/** A profile's name (docs/profiles.md); "default" is the built-in profile and cannot be stored. */
export const PROFILE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const DEFAULT_PROFILE = 'default';
export const ProfileNameSchema = z.string().regex(PROFILE_NAME_PATTERN, 'a profile name is a slug of at most 32 characters: a-z, 0-9 and "-", not starting with "-"');
/** `server:tool`: one tool of one server (the server's own tool name). */
export const ProfileToolSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}:[^\s]{1,200}$/, 'a tool is named server:tool, e.g. github:create_issue');

/**
 * A named set of servers a client sees (docs/profiles.md). With `tools`, a server that has tools
 * named there shows only those; a server with none named there shows all of its tools.
 * `toolSearch`: the client sees two tools, search_tools and call_tool, instead of every tool.
 */
export const ProfileSchema = z.object({
  name: ProfileNameSchema.refine((name) => name !== DEFAULT_PROFILE, '"default" is the built-in profile (every enabled server); pick another name'),
  servers: z.array(ServerIdSchema).max(500),
  tools: z.array(ProfileToolSchema).max(5000).optional(),
  toolSearch: z.boolean().default(false),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** An HTTP client's token; `profile` binds the token to a profile, over the client's own. */
export const HttpClientSchema = z.object({ clientId: z.string(), issuedAt: z.string(), profile: ProfileNameSchema.optional() });

/**
 * A bound on calls (tools/call, resources/read, prompts/get): at most `perMinute` in any sliding
 * 60 s and at most `concurrent` at once. Each of client, server and tool narrows what it counts;
 * one left out matches every value, and the matching calls share one budget (docs/limits.md).
 */
export const CallLimitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a limit id is a slug of at most 40 characters: a-z, 0-9 and "-"'),
    client: z.string().min(1).max(120).optional(),
    server: ServerIdSchema.optional(),
    /** The server's own tool name; a limit on a tool counts only tools/call. */
    tool: z.string().min(1).max(200).optional(),
    perMinute: z.number().int().min(1).max(1_000_000).optional(),
    concurrent: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((limit) => limit.perMinute !== undefined || limit.concurrent !== undefined, 'a limit needs perMinute, concurrent or both')
  .refine((limit) => limit.tool === undefined || limit.server !== undefined, 'a limit on a tool needs its server too (tool names are per server)');
export type CallLimit = z.infer<typeof CallLimitSchema>;

/**
 * OpenTelemetry export (docs/telemetry.md), off by default. Header values named in
 * `secretHeaders` live in the keychain (account `telemetry:header:<name>`), never here.
 */
export const TelemetrySettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** The collector's OTLP/HTTP base URL; traces go to <endpoint>/v1/traces, metrics to <endpoint>/v1/metrics. */
  endpoint: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4318'),
  serviceName: z.string().min(1).max(120).default('mcp-tray'),
  headers: z.record(HeaderNameSchema, z.string().max(4096)).default({}),
  secretHeaders: z.array(HeaderNameSchema).max(20).default([]),
  /** Put the call's arguments (redacted like the call log) on its span. */
  exportArguments: z.boolean().default(false),
  /** How often metrics are sent. */
  metricIntervalSeconds: z.number().int().min(1).max(3600).default(60),
});
export type TelemetrySettings = z.infer<typeof TelemetrySettingsSchema>;

export const SettingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  port: z.number().int().min(0).max(65535).default(47831),
  approvalDeadlineSeconds: z.number().int().min(5).max(3600).default(120),
  onDemandIdleSeconds: z.number().int().min(10).max(86400).default(600),
  /** A per-client server's process that served no call for this long is stopped. */
  perClientIdleSeconds: z.number().int().min(5).max(86400).default(600),
  /** The most processes one per-client server may run at once (one per client session). */
  perClientMax: z.number().int().min(1).max(64).default(8),
  callLog: z
    .object({
      retentionDays: z.number().int().min(1).max(3650).default(30),
      maxMegabytes: z.number().int().min(10).max(100_000).default(512),
    })
    .default({ retentionDays: 30, maxMegabytes: 512 }),
  startAtLogin: z.boolean().default(false),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Which releases the desktop app updates to: stable ones, or betas too (docs/updates.md). */
  updateChannel: z.enum(['stable', 'beta']).default('stable'),
  /** The MCP Registry the catalog searches and checks for updates. */
  registryUrl: z.url({ protocol: /^https?$/ }).default(DEFAULT_REGISTRY_URL),
  servers: z.array(ServerDefinitionSchema).default([]),
  rules: z.array(AlwaysRuleSchema).default([]),
  httpClients: z.array(HttpClientSchema).default([]),
  /** Named sets of servers and tools (docs/profiles.md). */
  profiles: z
    .array(ProfileSchema)
    .max(200)
    .default([])
    .refine((profiles) => new Set(profiles.map((p) => p.name)).size === profiles.length, 'two profiles have the same name'),
  /** The profile each client id sees when its entry or token names none; absent: the default profile. */
  clientProfiles: z.record(z.string().min(1).max(64), ProfileNameSchema).default({}),
  /** Paths no bundled server may reach (besides MCP Tray's data folder, always denied): see policy/denied-paths.ts. */
  deniedPaths: z.array(DeniedPathSchema).max(500).default([...DEFAULT_DENIED_PATHS]),
  /** Bounds on calls; none by default. */
  limits: z
    .array(CallLimitSchema)
    .max(500)
    .default([])
    .refine((limits) => new Set(limits.map((l) => l.id)).size === limits.length, 'two limits have the same id'),
  telemetry: TelemetrySettingsSchema.default(() => TelemetrySettingsSchema.parse({})),
});
export type Settings = z.infer<typeof SettingsSchema>;
