// The call log's shapes, as UIs see them: one line per call (who called what, with which arguments,
// what MCP Tray decided and how it ended), and the queries and pages that read them. Type-only, free
// of Node imports.
export type CallMethod = 'tools/call' | 'resources/read' | 'prompts/get';

export type CallDecision =
  | 'auto-read'
  | 'approved-once'
  | 'approved-session'
  | 'approved-rule'
  | 'allow-mode'
  | 'denied-user'
  | 'denied-timeout'
  /** The client cancelled the call, or disconnected, while it waited for approval. */
  | 'cancelled-client'
  | 'blocked-write-off'
  | 'blocked-disabled'
  /** Over a rate limit (docs/limits.md): refused before it reached the server. */
  | 'rate-limited'
  /** The tool is not in the profile the session uses (docs/profiles.md). */
  | 'blocked-profile';

export type CallOutcome = 'ok' | 'tool-error' | 'protocol-error' | 'server-exited' | 'cancelled' | 'refused';

export interface CallRecord {
  readonly id: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly clientId: string;
  readonly clientLabel: string;
  readonly clientName?: string;
  readonly clientVersion?: string;
  readonly transport: 'socket' | 'http';
  readonly sessionId: string;
  readonly serverId: string;
  readonly method: CallMethod;
  /** Tool name, resource URI or prompt name (the server's own name, not the exposed one). */
  readonly target: string;
  readonly arguments: unknown;
  readonly class: 'read' | 'write';
  readonly decision: CallDecision;
  readonly outcome: CallOutcome;
  readonly resultBytes: number;
  readonly preview: string;
  readonly error?: string;
  readonly denyReason?: string;
  /** The user edited the arguments before approving: what ran (`arguments` keeps what the client sent). */
  readonly editedArguments?: unknown;
  /** What the approval prompt showed of the call's effect, in one line (docs/approval-previews.md). */
  readonly effectPreview?: string;
}

export interface LogQuery {
  readonly server?: string;
  readonly client?: string;
  readonly decision?: string;
  readonly outcome?: string;
  readonly method?: string;
  readonly search?: string;
  /** ISO times bounding startedAt. */
  readonly since?: string;
  readonly until?: string;
  /** Page cursor: only entries older than this sequence number. */
  readonly before?: number;
  readonly limit?: number;
}

export interface LogEntry extends CallRecord {
  readonly seq: number;
}

export interface LogPage {
  readonly entries: LogEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  readonly nextBefore?: number;
}
