// The control API (SPEC §4.8): every request a UI may make and every event it may be told, in one
// typed contract. Params are zod schemas because the caller (a renderer, a browser, a CLI) is
// untrusted input; results are plain types. The carriers (local socket, HTTP + SSE, Electron IPC)
// all carry exactly this, so no UI can do what another cannot.
import { z } from 'zod';
import {
  HeaderNameSchema,
  EnvNameSchema,
  ServerDefinitionSchema,
  ServerIdSchema,
  ToolClassSchema,
  WriteModeSchema,
  type ToolClass,
  type WriteMode,
} from '../settings/schema.ts';

// ── Shapes the hub reports ─────────────────────────────────────────────────────────────────────

export type ServerState = 'stopped' | 'starting' | 'running' | 'restarting' | 'crashed' | 'disabled' | 'keychain-unavailable';

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
  /** Whether clients see it now (read tools, or write tools with write mode on; not disabled). */
  readonly listed: boolean;
}

export interface ExitSummary {
  readonly code: number | null;
  readonly signal: string | null;
  readonly at: string;
  readonly reason?: string;
  readonly stderrTail: readonly string[];
}

export interface SecretInfo {
  readonly kind: 'env' | 'header';
  readonly name: string;
  readonly set: boolean;
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
  readonly tools: readonly ToolInfo[];
  readonly toolCounts: { readonly read: number; readonly write: number };
  readonly resourceCount: number;
  readonly promptCount: number;
  readonly secrets: readonly SecretInfo[];
  /** What runs: the command line, or the URL (never a secret value). */
  readonly launch: string;
  readonly options: Record<string, string | readonly string[]>;
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
  readonly since: string;
  readonly lastCallAt?: string;
  readonly calls: number;
  readonly pendingApprovals: number;
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
}

export interface HubStatus {
  readonly version: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly startedAt: string;
  readonly endpoints: { readonly mcp: string | null; readonly ui: string | null; readonly socket: string };
  readonly keychain: { readonly available: boolean; readonly reason?: string };
  readonly servers: readonly ServerStatus[];
  readonly clients: readonly SessionInfo[];
  readonly approvals: readonly ApprovalInfo[];
  readonly problems: readonly string[];
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
  | { readonly type: 'settings-changed' };

// ── Requests ───────────────────────────────────────────────────────────────────────────────────

const empty = z.object({}).strict();
const serverRef = z.object({ id: ServerIdSchema }).strict();

export const requestSchemas = {
  status: empty,
  'servers.list': empty,
  'servers.add': z.object({ definition: ServerDefinitionSchema }).strict(),
  'servers.remove': serverRef,
  'servers.enable': serverRef,
  'servers.disable': serverRef,
  'servers.restart': serverRef,
  'servers.log': z.object({ id: ServerIdSchema, lines: z.number().int().min(1).max(2000).optional() }).strict(),
  'servers.set': z
    .object({ id: ServerIdSchema, values: z.record(z.string().min(1), z.string()) })
    .strict(),
  'servers.writeMode': z
    .object({
      id: ServerIdSchema,
      mode: WriteModeSchema,
      /** Turning write mode on needs an explicit confirmation from the user; `allow` needs its own. */
      confirm: z.enum(['ask', 'allow']).optional(),
    })
    .strict(),
  'servers.toolOverride': z
    .object({ id: ServerIdSchema, tool: z.string().min(1), class: ToolClassSchema.nullable().optional(), disabled: z.boolean().optional() })
    .strict(),
  'secrets.set': z
    .object({ server: ServerIdSchema, name: z.union([EnvNameSchema, HeaderNameSchema]), value: z.string().min(1).max(65_536) })
    .strict(),
  'secrets.delete': z.object({ server: ServerIdSchema, name: z.union([EnvNameSchema, HeaderNameSchema]) }).strict(),
  'sessions.list': empty,
  'sessions.disconnect': z.object({ sessionId: z.string().min(1) }).strict(),
} as const;

export type Method = keyof typeof requestSchemas;
export type Params<M extends Method> = z.infer<(typeof requestSchemas)[M]>;

export interface Results {
  status: HubStatus;
  'servers.list': ServerStatus[];
  'servers.add': ServerStatus;
  'servers.remove': { removed: string; secretsDeleted: number };
  'servers.enable': ServerStatus;
  'servers.disable': ServerStatus;
  'servers.restart': ServerStatus;
  'servers.log': LogLineInfo[];
  'servers.set': ServerStatus;
  'servers.writeMode': ServerStatus;
  'servers.toolOverride': ServerStatus;
  'secrets.set': { server: string; name: string; set: true };
  'secrets.delete': { server: string; name: string; deleted: boolean };
  'sessions.list': SessionInfo[];
  'sessions.disconnect': { disconnected: boolean };
}

export type Handlers = { [M in Method]: (params: Params<M>) => Promise<Results[M]> };

/** An error a caller can act on; its message is shown to the user as is. */
export class ControlError extends Error {
  override readonly name = 'ControlError';
  readonly code: 'invalid-params' | 'not-found' | 'conflict' | 'needs-confirmation' | 'unavailable' | 'failed';
  constructor(code: ControlError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** Validates raw params for a method; throws a ControlError naming what is wrong. */
export function parseParams<M extends Method>(method: M, raw: unknown): Params<M> {
  const schema = requestSchemas[method];
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw new ControlError('invalid-params', `${method}: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`);
  return result.data as Params<M>;
}

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}
