// Where approvals are decided (docs/write-mode-and-approvals.md): a write call in "ask" mode waits here until the user
// approves it once, for the session, or always (a persisted rule); denies it (with a reason for the
// model); or the deadline passes. A call whose client cancels or disconnects leaves the queue.
// Before the user is asked, the call's preview is computed (docs/approval-previews.md) and shown with it.
import { randomUUID } from 'node:crypto';
import type { ApprovalInfo, ApprovalPreview } from '../contract/contract.ts';
import type { ClientSession } from '../gateway/client-session.ts';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';
import { argumentProblem } from './argument-check.ts';

/** Edited arguments that cannot be used: the approval keeps waiting. */
export class EditedArgumentsError extends Error {}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface ApprovalCall {
  readonly session: ClientSession;
  readonly serverId: string;
  readonly tool: string;
  readonly exposedName: string;
  readonly args: Record<string, unknown>;
  readonly item: UpstreamTool;
  /** What the call would change, computed only when the user is about to be asked (previews/effect-preview.ts). */
  readonly preview?: (signal: AbortSignal) => Promise<ApprovalPreview>;
}

export type ApprovalOutcome =
  | { readonly decision: 'approved-once'; readonly editedArgs?: Record<string, unknown> }
  | { readonly decision: 'approved-session' | 'approved-rule' }
  | { readonly decision: 'denied-user'; readonly reason?: string }
  | { readonly decision: 'denied-timeout'; readonly seconds: number }
  | { readonly decision: 'denied-write-off' }
  | { readonly decision: 'cancelled' };

export interface ApprovalGate {
  request(call: ApprovalCall, signal: AbortSignal): Promise<ApprovalOutcome>;
}

export type UserDecision = 'approve-once' | 'approve-session' | 'approve-always' | 'deny';

/** The persisted "always approve this tool for this client" rules. */
export interface RuleBook {
  matches(clientId: string, serverId: string, tool: string): boolean;
  add(clientId: string, serverId: string, tool: string): void;
}

export interface ApprovalEvents {
  requested(approval: ApprovalInfo): void;
  resolved(id: string, decision: string): void;
}

interface Pending {
  readonly info: ApprovalInfo;
  readonly call: ApprovalCall;
  readonly settle: (outcome: ApprovalOutcome) => void;
}

export const sessionApprovalKey = (serverId: string, tool: string) => `${serverId}\u0000${tool}`;

export class ApprovalQueue implements ApprovalGate {
  readonly #pending = new Map<string, Pending>();
  readonly #deadlineSeconds: () => number;
  readonly #rules: RuleBook;
  readonly #events: ApprovalEvents;

  constructor(deadlineSeconds: () => number, rules: RuleBook, events: ApprovalEvents) {
    this.#deadlineSeconds = deadlineSeconds;
    this.#rules = rules;
    this.#events = events;
  }

  async request(call: ApprovalCall, signal: AbortSignal): Promise<ApprovalOutcome> {
    if (call.session.approvedTools.has(sessionApprovalKey(call.serverId, call.tool))) return { decision: 'approved-session' };
    if (this.#rules.matches(call.session.identity.clientId, call.serverId, call.tool)) return { decision: 'approved-rule' };
    if (signal.aborted) return { decision: 'cancelled' };
    // The prompt waits for the preview (at most 5 s); the deadline starts when the user can see it.
    const preview = call.preview ? await call.preview(signal) : undefined;
    if (signal.aborted) return { decision: 'cancelled' };

    const seconds = this.#deadlineSeconds();
    const now = Date.now();
    const id = randomUUID();
    const info: ApprovalInfo = {
      id,
      server: call.serverId,
      tool: call.tool,
      exposedName: call.exposedName,
      client: call.session.identity.clientId,
      clientLabel: call.session.identity.label,
      clientInfo: call.session.clientInfo,
      sessionId: call.session.id,
      arguments: call.args,
      description: call.item.description,
      annotations: call.item.annotations as ApprovalInfo['annotations'],
      requestedAt: new Date(now).toISOString(),
      deadline: new Date(now + seconds * 1000).toISOString(),
      ...(preview ? { preview } : {}),
    };
    return new Promise<ApprovalOutcome>((resolve) => {
      const timer = setTimeout(() => settle({ decision: 'denied-timeout', seconds }), seconds * 1000);
      const onAbort = () => settle({ decision: 'cancelled' });
      const settle = (outcome: ApprovalOutcome) => {
        if (!this.#pending.delete(id)) return;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.#events.resolved(id, outcome.decision);
        resolve(outcome);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, { info, call, settle });
      this.#events.requested(info);
    });
  }

  list(): ApprovalInfo[] {
    return [...this.#pending.values()].map((pending) => pending.info);
  }

  get(id: string): ApprovalInfo | undefined {
    return this.#pending.get(id)?.info;
  }

  /**
   * The user's decision. Returns false when the request is gone (decided, timed out, cancelled).
   * `editedArgs` approves this one call with arguments the user changed; they must fit the tool's
   * input schema (EditedArgumentsError says why not, and the call keeps waiting).
   */
  decide(id: string, decision: UserDecision, reason?: string, editedArgs?: Record<string, unknown>): boolean {
    const pending = this.#pending.get(id);
    if (!pending) return false;
    const { call } = pending;
    if (editedArgs !== undefined) {
      if (decision !== 'approve-once') throw new EditedArgumentsError('edited arguments approve this one call only: use approve-once with them');
      const problem = argumentProblem(call.item.inputSchema, editedArgs);
      if (problem) throw new EditedArgumentsError(`the edited arguments do not fit the input schema of "${call.tool}": ${problem}`);
    }
    switch (decision) {
      case 'approve-once':
        pending.settle(editedArgs !== undefined && !sameJson(editedArgs, call.args) ? { decision: 'approved-once', editedArgs } : { decision: 'approved-once' });
        break;
      case 'approve-session':
        call.session.approvedTools.add(sessionApprovalKey(call.serverId, call.tool));
        pending.settle({ decision: 'approved-session' });
        break;
      case 'approve-always':
        this.#rules.add(call.session.identity.clientId, call.serverId, call.tool);
        pending.settle({ decision: 'approved-rule' });
        break;
      case 'deny':
        pending.settle({ decision: 'denied-user', reason: reason?.trim() || undefined });
        break;
    }
    return true;
  }

  /** Write mode went off: every waiting call of that server is denied. */
  denyServer(serverId: string): void {
    for (const pending of [...this.#pending.values()]) if (pending.call.serverId === serverId) pending.settle({ decision: 'denied-write-off' });
  }

  /** A session closed: its waiting calls leave the queue. */
  dropSession(sessionId: string): void {
    for (const pending of [...this.#pending.values()]) if (pending.call.session.id === sessionId) pending.settle({ decision: 'cancelled' });
  }
}
