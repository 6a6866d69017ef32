// What the hub reports to UIs: the shapes of status, servers, sessions, approvals, and the events.
import type { ToolClass, WriteMode } from '../settings/schema.ts';
import type { UpdateStatus } from './api/updates.ts';

// Settings types that UIs show and send, so that they too come from the contract.
export type { AlwaysRule, ServerDefinition, ToolClass, WriteMode } from '../settings/schema.ts';

export type ServerState = 'stopped' | 'starting' | 'running' | 'restarting' | 'crashed' | 'disabled' | 'keychain-unavailable' | 'needs-sign-in' | 'not-installed';

export interface ToolAnnotationsInfo {
  readonly title?: string;
  readonly readOnlyHint?: boolean;
  readonly destructiveHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly openWorldHint?: boolean;
}

export interface ToolInfo {
  readonly name: string;
  /** The name clients see: unchanged when unique, `<serverId>__<name>` on a collision. */
  readonly exposedName: string;
  readonly class: ToolClass;
  /** Where the class came from: the server's readOnlyHint, or the user's override. */
  readonly classSource: 'server' | 'user';
  readonly description?: string;
  readonly annotations?: ToolAnnotationsInfo;
  readonly disabled: boolean;
  /** Whether clients see it now (read tools, or write tools with write mode on; not disabled; not one that runs only as a task). */
  readonly listed: boolean;
  /** The server runs it only as a task (`execution.taskSupport: required`), which MCP Tray does not pass on: never listed. */
  readonly taskOnly?: boolean;
  /** Its definition differs from the pinned one (or it is new and held): never listed until the user accepts it. */
  readonly held?: boolean;
}

/** A tool held because its definition changed since it was pinned, or because it is new (docs/pinned-tools.md). */
export interface HeldToolInfo {
  readonly serverId: string;
  readonly tool: string;
  readonly kind: 'changed' | 'new';
  /** The fields that differ from the pin: title, description, inputSchema, outputSchema, annotations; "new tool" for a new one. */
  readonly fields: readonly string[];
  /** The change would make the tool read-only (callable without write mode). */
  readonly becomesReadOnly: boolean;
  /** The user rejected this very definition: it stays held without asking again. */
  readonly rejected: boolean;
  /** Identifies the definition shown, so a decision applies only to what the user saw. */
  readonly digest: string;
}

export interface ExitSummary {
  readonly code: number | null;
  readonly signal: string | null;
  readonly at: string;
  readonly reason?: string;
  readonly stderrTail: readonly string[];
}

/** One client session's own process (or remote session) of a per-client server. */
export interface ClientProcessInfo {
  readonly sessionId: string;
  /** The verified client id and its label, as in SessionInfo. */
  readonly clientId: string;
  readonly clientLabel: string;
  readonly state: ServerState;
  readonly pid?: number;
  readonly startedAt?: string;
  readonly nextAttemptAt?: string;
  readonly failures: number;
  readonly problem?: string;
  readonly lastExit?: ExitSummary;
}

export interface SecretInfo {
  /** `oauth`: the client secret of a client id the user entered for the server's sign-in. */
  readonly kind: 'env' | 'header' | 'oauth';
  readonly name: string;
  readonly set: boolean;
}

/** A remote server's sign-in (OAuth): what a UI shows, never a token. */
export interface SignInInfo {
  /** Whether tokens are stored for the server. */
  readonly signedIn: boolean;
  /** Who the tokens are for, when the authorization server says (a name, an e-mail, or the subject). */
  readonly account?: string;
  /** The authorization server that issued them. */
  readonly issuer?: string;
  /** The scopes granted. */
  readonly scope?: string;
  /** When the access token expires; MCP Tray refreshes it before then. */
  readonly expiresAt?: string;
  /** The server asked for more than was granted: signing in again asks for these scopes. */
  readonly pendingScope?: string;
  /** The latest sign-in: under way (waiting for the browser) until `endedAt`; `error` says why it failed. */
  readonly attempt?: SignInAttempt;
}

export interface SignInAttempt {
  readonly startedAt: string;
  /** The page to sign in on; a UI offers it as a link in case no browser opened. */
  readonly authorizationUrl?: string;
  readonly endedAt?: string;
  readonly error?: string;
}

/** A command server's sandbox (docs/sandbox.md): what its card shows. */
export interface SandboxInfo {
  /** The level set (or its kind's default); `off` for a remote server. */
  readonly level: 'off' | 'standard' | 'strict';
  /** Whether it runs (or, stopped, would start) sandboxed. */
  readonly sandboxed: boolean;
  /** Why not: its sandbox is off, this machine cannot sandbox (and what to do), a remote server. */
  readonly reason?: string;
  readonly mechanism?: 'bubblewrap' | 'sandbox-exec';
  /** What it may read, write and reach, a short line each. */
  readonly reach: readonly string[];
  /** What this level leaves open on this machine (an abstract session bus socket). */
  readonly gaps: readonly string[];
  /** The hosts a strict sandbox lets through. */
  readonly allowedHosts: readonly string[];
  /** Whether the user may choose the level (command servers; a remote server runs elsewhere). */
  readonly settable: boolean;
}

export interface ServerStatus {
  readonly id: string;
  readonly name: string;
  readonly kind: 'bundled' | 'stdio' | 'http';
  readonly bundled?: string;
  readonly enabled: boolean;
  readonly writeMode: WriteMode;
  readonly startup: 'eager' | 'on-demand';
  readonly state: ServerState;
  /** Why the server is not running as it should (missing secret, keychain, start failure…). */
  readonly problem?: string;
  readonly pid?: number;
  readonly startedAt?: string;
  readonly nextAttemptAt?: string;
  readonly failures: number;
  readonly lastExit?: ExitSummary;
  readonly serverInfo?: { readonly name: string; readonly version: string };
  /** What the server says about itself when it starts (MCP `instructions`), e.g. why a tool is a write tool. */
  readonly instructions?: string;
  readonly tools: readonly ToolInfo[];
  /** Tools held for review (docs/pinned-tools.md). */
  readonly heldTools?: readonly HeldToolInfo[];
  readonly toolCounts: { readonly read: number; readonly write: number };
  readonly resourceCount: number;
  readonly promptCount: number;
  readonly secrets: readonly SecretInfo[];
  /** Remote servers that sign in with OAuth; absent for the others. */
  readonly auth?: SignInInfo;
  /** What runs: the command line, or the URL (never a secret value). */
  readonly launch: string;
  readonly options: Record<string, string | readonly string[]>;
  /** `shared`: one process (or session) for every client; `per-client`: one per client session. */
  readonly sessions: 'shared' | 'per-client';
  /** Whether the user may choose `sessions` (command servers; remote ones are always per client, bundled ones shared). */
  readonly sessionsSettable: boolean;
  /** Per-client servers: each client session's own process or session. */
  readonly clientProcesses: readonly ClientProcessInfo[];
  /** Folders the hub answers a roots request with when no single client owns the session. */
  readonly roots: readonly string[];
  readonly sandbox: SandboxInfo;
  /**
   * A shared server last asked "the client" something (sampling, elicitation) that MCP Tray could
   * not route to one client, so it was refused; per-client sessions avoid that.
   */
  readonly unroutedRequest?: { readonly at: string; readonly method: string; readonly sessions: number };
  /** Added from the catalog: the registry entry and the version it is pinned to (docs/catalog.md). */
  readonly source?: { readonly registry: string; readonly name: string; readonly version: string };
  /** The registry has a newer version of that entry. */
  readonly update?: { readonly version: string };
}

export interface ClientInfoSummary {
  readonly name: string;
  readonly version: string;
}

export interface SessionInfo {
  /** The verified client id: the id the bridge announced, or the HTTP token's owner. */
  readonly id: string;
  readonly sessionId: string;
  readonly label: string;
  readonly transport: 'socket' | 'http';
  readonly clientInfo?: ClientInfoSummary;
  /**
   * The protocol era the client speaks: `legacy` (2025, an `initialize` handshake per connection) or
   * `modern` (2026-07-28, stateless: a session the hub keeps per token and clientInfo).
   */
  readonly era: 'legacy' | 'modern';
  /** The protocol version in use with the hub; absent until a legacy client has sent initialize. */
  readonly protocolVersion?: string;
  readonly since: string;
  readonly lastCallAt?: string;
  readonly calls: number;
  readonly pendingApprovals: number;
  /** The profile the session sees (docs/profiles.md), and where its name came from. */
  readonly profile: string;
  readonly profileSource: 'entry' | 'token' | 'client' | 'default';
}

export interface ApprovalInfo {
  readonly id: string;
  readonly server: string;
  readonly tool: string;
  readonly exposedName: string;
  readonly client: string;
  readonly clientLabel: string;
  readonly clientInfo?: ClientInfoSummary;
  readonly sessionId: string;
  readonly arguments: Record<string, unknown>;
  readonly description?: string;
  readonly annotations?: ToolAnnotationsInfo;
  readonly requestedAt: string;
  readonly deadline: string;
  /** What the call would change, computed before the prompt without side effects (docs/approval-previews.md). */
  readonly preview?: ApprovalPreview;
}

/** One titled list of lines in a preview (files changed, commits lost, entities created…). */
export interface PreviewSection {
  readonly title: string;
  readonly items: readonly string[];
}

/**
 * The effect of a write call, shown before approval: a unified diff of a file, a move, the rows a
 * statement changes (found in a transaction that was rolled back), or titled lists; or `none` with
 * the reason (the prompt then shows the raw arguments only).
 */
export type ApprovalPreview =
  | { readonly kind: 'diff'; readonly path: string; readonly diff: string; readonly created?: boolean }
  | { readonly kind: 'move'; readonly from: string; readonly to: string; readonly targetExists: boolean; readonly note?: string }
  | {
      readonly kind: 'rows';
      readonly command: string;
      readonly rowsAffected: number | null;
      readonly columns: readonly string[];
      readonly rows: readonly unknown[][];
      readonly note?: string;
    }
  | { readonly kind: 'lists'; readonly summary: string; readonly sections: readonly PreviewSection[] }
  | { readonly kind: 'none'; readonly reason: string };

export interface HubStatus {
  readonly version: string;
  readonly pid: number;
  /** The hub's OS (node's process.platform): what a UI's "how to fix" advice is for. */
  readonly platform: string;
  readonly dataDir: string;
  readonly startedAt: string;
  readonly endpoints: { readonly mcp: string | null; readonly ui: string | null; readonly socket: string };
  /** The HTTP listener (MCP endpoint and web UI); when off, the socket still serves everything. */
  readonly http: { readonly available: boolean; readonly reason?: string };
  readonly keychain: { readonly available: boolean; readonly reason?: string };
  /** Whether this machine can sandbox servers (bubblewrap, sandbox-exec), and why not. */
  readonly sandbox: { readonly available: boolean; readonly mechanism?: 'bubblewrap' | 'sandbox-exec'; readonly reason?: string };
  readonly servers: readonly ServerStatus[];
  readonly clients: readonly SessionInfo[];
  readonly approvals: readonly ApprovalInfo[];
  readonly problems: readonly string[];
  /** The hub process's memory, in MB: what the OS counts (rss) and what the hub holds (heap, buffers). */
  readonly memory: { readonly rss: number; readonly heapUsed: number; readonly external: number };
}

export interface LogLineInfo {
  readonly at: string;
  readonly stream: 'stderr' | 'stdout' | 'hub';
  readonly text: string;
}

// ── Events ─────────────────────────────────────────────────────────────────────────────────────

export type HubEvent =
  | { readonly type: 'server-changed'; readonly server: ServerStatus }
  | { readonly type: 'server-removed'; readonly id: string }
  | { readonly type: 'server-log'; readonly id: string; readonly line: LogLineInfo }
  | { readonly type: 'session-changed'; readonly session: SessionInfo }
  | { readonly type: 'session-closed'; readonly sessionId: string }
  | { readonly type: 'approval-requested'; readonly approval: ApprovalInfo }
  | { readonly type: 'approval-resolved'; readonly id: string; readonly decision: string }
  | { readonly type: 'call-logged'; readonly entry: unknown }
  | { readonly type: 'settings-changed' }
  | { readonly type: 'update-changed'; readonly status: UpdateStatus };

