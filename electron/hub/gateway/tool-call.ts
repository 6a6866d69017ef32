// Where a tools/call is decided (docs/gateway.md): classify → policy (write mode, approval) → route → log.
// Refused, denied and timed-out calls never reach the server; the model gets an isError result
// that says which and what the user can do.
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CallRecorder } from '../call-log/call-record.ts';
import type { CallDecision, CallOutcome } from '../contract/call-log-shapes.ts';
import type { KnownSecrets } from '../call-log/redact.ts';
import { CallInProgress } from '../call-log/call-in-progress.ts';
import { decideAccess, disabledToolMessage, writeModeOffMessage } from '../policy/access.ts';
import { classifyTool } from '../policy/classify.ts';
import { ServerUnavailableError } from '../supervisor/server-supervisor.ts';
import { isSignInError, MoreScopeRequiredError } from '../oauth/sign-in-errors.ts';
import type { Catalog } from './catalog.ts';
import type { ClientSession } from './client-session.ts';
import { forwardRequest, progressTokenOf, ServerExitedError, type Extra } from './forward.ts';
import type { DirectoryServer, ServerDirectory } from './server-directory.ts';
import { requiresTask, taskOnlyMessage } from '../upstream/task-support.ts';
import type { ApprovalCall, ApprovalGate } from '../approvals/approval-gate.ts';
import type { ApprovalPreview } from '../contract/contract.ts';
import { previewEffect } from '../previews/effect-preview.ts';
import { previewSummary } from '../previews/preview-summary.ts';
import { isPreviewTool } from '../previews/preview-tool.ts';

export const WAITING_HEARTBEAT_MS = 5000;

export interface ToolCallContext {
  readonly directory: ServerDirectory;
  /** The session's view of the servers' lists. */
  readonly catalog: () => Catalog;
  /** Where the session's calls to a server go (the server, or the session's own lane of a per-client server). */
  readonly upstream: (serverId: string) => DirectoryServer;
  readonly approvals: ApprovalGate;
  readonly recorder: CallRecorder;
  readonly secrets: KnownSecrets;
}

export interface ToolCallParams {
  name: string;
  arguments?: Record<string, unknown>;
  _meta?: Record<string, unknown>;
}

export async function handleToolCall(ctx: ToolCallContext, session: ClientSession, params: ToolCallParams, extra: Extra): Promise<CallToolResult> {
  const entry = ctx.catalog().tools.get(params.name);
  const supervisor = entry && ctx.directory.get(entry.serverId);
  if (!entry || !supervisor) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
  // Never listed (the catalog leaves it out); refused here as well, whatever a catalog holds.
  if (isPreviewTool(supervisor.def, entry.item.name)) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${params.name}`);
  if (requiresTask(entry.item)) throw new McpError(ErrorCode.InvalidParams, taskOnlyMessage(entry.serverId, entry.item.name));

  const tool = entry.item.name;
  const def = supervisor.def;
  const args = params.arguments ?? {};
  const toolClass = classifyTool(entry.item, def.toolOverrides[tool]).class;
  const call = new CallInProgress(session, { serverId: def.id, method: 'tools/call', target: tool, arguments: args, class: toolClass }, ctx.recorder, ctx.secrets);
  let edited: Record<string, unknown> | undefined;
  let shown: ApprovalPreview | undefined;
  const record = (decision: CallDecision, outcome: CallOutcome, result?: Record<string, unknown>, error?: string, denyReason?: string) =>
    call.finish({ decision, outcome, result, error, denyReason, editedArguments: edited, ...(shown ? { effectPreview: previewSummary(shown) } : {}) });
  const refuse = (decision: CallDecision, message: string, denyReason?: string): CallToolResult => {
    record(decision, 'refused', undefined, undefined, denyReason);
    return { content: [{ type: 'text', text: message }], isError: true };
  };

  let decision: CallDecision;
  const access = decideAccess(def, tool, toolClass);
  switch (access) {
    case 'blocked-write-off':
      return refuse('blocked-write-off', writeModeOffMessage(def.id, tool));
    case 'blocked-disabled':
      return refuse('blocked-disabled', disabledToolMessage(def.id, tool));
    case 'auto-read':
    case 'allow-mode':
      decision = access;
      break;
    case 'needs-approval': {
      const upstream = ctx.upstream(def.id);
      const preview = async (signal: AbortSignal) => {
        shown = await previewEffect({ def, connection: () => upstream.connectionForCall() }, tool, args, signal);
        return shown;
      };
      const outcome = await waitWithHeartbeat(ctx, session, { serverId: def.id, tool, exposedName: entry.exposedName, args, item: entry.item, preview }, params, extra);
      if (outcome.decision === 'cancelled') {
        record('cancelled-client', 'cancelled', undefined, 'the client cancelled the call, or disconnected, while it waited for approval');
        throw new McpError(ErrorCode.RequestTimeout, 'cancelled while waiting for approval');
      }
      if (outcome.decision === 'denied-user') {
        const reason = outcome.reason ? ` Reason given: ${outcome.reason}` : '';
        return refuse('denied-user', `The user denied "${tool}" on server "${def.id}" in MCP Tray; the call did not reach the server.${reason}`, outcome.reason);
      }
      if (outcome.decision === 'denied-timeout') {
        return refuse('denied-timeout', `No one approved "${tool}" on server "${def.id}" in MCP Tray before the deadline (${outcome.seconds} s); it was denied and did not reach the server.`);
      }
      if (outcome.decision === 'denied-write-off') {
        return refuse('blocked-write-off', writeModeOffMessage(def.id, tool));
      }
      decision = outcome.decision;
      if (outcome.decision === 'approved-once') edited = outcome.editedArgs;
      break;
    }
  }

  try {
    const sent = edited ?? params.arguments;
    const result = (await forwardRequest(ctx.upstream(def.id), 'tools/call', { ...params, name: tool, arguments: sent }, extra)) as CallToolResult;
    record(decision, result.isError ? 'tool-error' : 'ok', result);
    return edited ? withEditNotice(result, def.id, tool, edited) : result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (extra.signal.aborted) {
      record(decision, 'cancelled', undefined, 'cancelled by the client');
      throw error;
    }
    if (error instanceof ServerExitedError || error instanceof ServerUnavailableError) {
      record(decision, 'server-exited', undefined, message);
      return { content: [{ type: 'text', text: `MCP Tray: ${message}` }], isError: true };
    }
    if (isSignInError(error)) {
      // The server's sign-in stands in the way (docs/oauth.md): the message says how to sign in.
      record(decision, error instanceof MoreScopeRequiredError ? 'tool-error' : 'server-exited', undefined, message);
      return { content: [{ type: 'text', text: `MCP Tray: ${message}` }], isError: true };
    }
    record(decision, 'protocol-error', undefined, message);
    throw error;
  }
}

/** Waits for the user's decision, sending "waiting for approval" progress every 5 s if the client asked for progress. */
async function waitWithHeartbeat(
  ctx: ToolCallContext,
  session: ClientSession,
  call: Omit<ApprovalCall, 'session'>,
  params: ToolCallParams,
  extra: Extra,
) {
  const token = progressTokenOf(params);
  let beats = 0;
  const heartbeat =
    token === undefined
      ? undefined
      : setInterval(() => {
          beats++;
          void extra
            .sendNotification({
              method: 'notifications/progress',
              params: { progressToken: token, progress: beats, message: 'waiting for approval in MCP Tray' },
            })
            .catch(() => undefined);
        }, WAITING_HEARTBEAT_MS);
  session.pendingApprovals++;
  try {
    return await ctx.approvals.request({ ...call, session }, extra.signal);
  } finally {
    session.pendingApprovals--;
    if (heartbeat) clearInterval(heartbeat);
  }
}

/** `_meta` key of a result whose call ran with arguments the user edited before approving. */
export const EDITED_ARGUMENTS_META = 'mcp-tray/editedArguments';

/** The client is told that the call ran with the user's arguments, not its own: a text block first, and `_meta`. */
function withEditNotice(result: CallToolResult, serverId: string, tool: string, edited: Record<string, unknown>): CallToolResult {
  const notice = `MCP Tray: the user edited the arguments of "${tool}" on server "${serverId}" before approving it; it ran with ${JSON.stringify(edited)}.`;
  return {
    ...result,
    content: [{ type: 'text', text: notice }, ...(result.content ?? [])],
    _meta: { ...result._meta, [EDITED_ARGUMENTS_META]: { arguments: edited } },
  };
}
