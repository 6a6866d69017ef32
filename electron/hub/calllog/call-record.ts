// One line of the call log (SPEC §4.5): who called what, with which arguments, what MCP Tray
// decided, and how it ended.
export type CallMethod = 'tools/call' | 'resources/read' | 'prompts/get';

export type CallDecision =
  | 'auto-read'
  | 'approved-once'
  | 'approved-session'
  | 'approved-rule'
  | 'allow-mode'
  | 'denied-user'
  | 'denied-timeout'
  | 'blocked-write-off'
  | 'blocked-disabled';

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
}

export interface CallRecorder {
  record(entry: CallRecord): void;
}
