// The one place a call (tools/call, resources/read, prompts/get) passes the hub's rate limits and
// gets its trace span (docs/limits.md, docs/telemetry.md). The gateway calls `around` once per
// call; everything else the call does (policy, approval, forwarding, the log) runs inside it.
// A call over a limit never runs: it is logged with decision `rate-limited` and the client gets a
// JSON-RPC error that says which limit and when to retry.
import { CallInProgress, type CallTarget } from '../call-log/call-in-progress.ts';
import type { CallRecorder } from '../call-log/call-record.ts';
import type { KnownSecrets } from '../call-log/redact.ts';
import type { CallLimiter } from '../limits/call-limiter.ts';
import { rateLimitedError } from '../limits/rate-limit-error.ts';
import { classifyTool } from '../policy/classify.ts';
import type { HubTelemetry } from '../telemetry/hub-telemetry.ts';
import type { ClientSession } from './client-session.ts';
import type { Extra } from './forward.ts';
import type { ServerDirectory } from './server-directory.ts';

export interface CallHooks {
  around<T>(session: ClientSession, call: CallTarget, meta: Record<string, unknown> | undefined, extra: Extra, run: () => Promise<T>): Promise<T>;
}

export interface CallHooksDeps {
  readonly limiter: Pick<CallLimiter, 'admit'>;
  readonly telemetry: Pick<HubTelemetry, 'inCallSpan'>;
  readonly recorder: CallRecorder;
  readonly secrets: KnownSecrets;
}

export function createCallHooks(deps: CallHooksDeps): CallHooks {
  return {
    around(session, call, meta, extra, run) {
      const start = {
        method: call.method,
        target: call.target,
        serverId: call.serverId,
        clientId: session.identity.clientId,
        clientName: session.clientInfo?.name,
        sessionId: session.id,
        transport: session.identity.transport,
        requestId: extra.requestId,
        meta,
      };
      return deps.telemetry.inCallSpan(start, async () => {
        const admission = deps.limiter.admit({ clientId: session.identity.clientId, serverId: call.serverId, method: call.method, target: call.target });
        if (!admission.admitted) {
          new CallInProgress(session, call, deps.recorder, deps.secrets).finish({ decision: 'rate-limited', outcome: 'refused', error: admission.refusal.message });
          throw rateLimitedError(admission.refusal);
        }
        try {
          return await run();
        } finally {
          admission.release();
        }
      });
    },
  };
}

/** A tools/call as the log and the limits see it: the server's own tool name, its class. */
export function toolCallTarget(directory: ServerDirectory, serverId: string, item: { name: string }, args: unknown): CallTarget {
  const def = directory.get(serverId)?.def;
  const toolClass = def ? classifyTool(item as never, def.toolOverrides[item.name]).class : 'read';
  return { serverId, method: 'tools/call', target: item.name, arguments: args ?? {}, class: toolClass };
}
