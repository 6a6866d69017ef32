// One call on its way through the hub, and the single place its log entry is put together: who
// called (the session), what (server, method, target, redacted arguments), then at the end the
// decision, the outcome and a summary of the result, with secrets scrubbed. Redacting the
// arguments is the costly part of an entry; it runs right after the request has gone to the server
// (while the server works), so only the result's preview is scanned between its answer and ours.
import { randomUUID } from 'node:crypto';
import type { ClientSession } from '../gateway/client-session.ts';
import type { CallRecorder } from './call-record.ts';
import type { CallDecision, CallMethod, CallOutcome } from '../contract/call-log-shapes.ts';
import { redactArguments, redactText, summarizeResult, type KnownSecrets } from './redact.ts';

export interface CallTarget {
  readonly serverId: string;
  readonly method: CallMethod;
  readonly target: string;
  readonly arguments: unknown;
  readonly class: 'read' | 'write';
}

export interface CallEnd {
  readonly decision: CallDecision;
  readonly outcome: CallOutcome;
  readonly result?: Record<string, unknown>;
  readonly error?: string;
  readonly denyReason?: string;
  /** The arguments the user approved in place of the client's (redacted like them). */
  readonly editedArguments?: Record<string, unknown>;
  /** What the approval prompt showed of the effect, in one line (redacted like the error). */
  readonly effectPreview?: string;
}

export class CallInProgress {
  readonly #started = Date.now();
  readonly #session: ClientSession;
  readonly #target: CallTarget;
  readonly #recorder: CallRecorder;
  readonly #secrets: KnownSecrets;
  #redacted: { target: string; arguments: unknown } | undefined;

  /** Counts the call on its session at once (the UIs show calls and the last call time). */
  constructor(session: ClientSession, target: CallTarget, recorder: CallRecorder, secrets: KnownSecrets) {
    this.#session = session;
    this.#target = target;
    this.#recorder = recorder;
    this.#secrets = secrets;
    session.calls++;
    session.lastCallAt = new Date(this.#started).toISOString();
    // After this turn of the event loop, in which the request is written to the server.
    setImmediate(() => this.#redact());
  }

  #redact(): { target: string; arguments: unknown } {
    this.#redacted ??= {
      // A resource URI can carry a token (…?key=…); a tool or prompt name is the server's own identifier.
      target: this.#target.method === 'resources/read' ? redactText(this.#target.target, this.#secrets) : this.#target.target,
      arguments: redactArguments(this.#target.arguments, this.#secrets),
    };
    return this.#redacted;
  }

  /** Writes the log entry; call it once, before the client gets its answer. */
  finish(end: CallEnd): void {
    const session = this.#session;
    const summary = end.result ? summarizeResult(end.result, this.#secrets) : { bytes: 0, preview: '' };
    const redacted = this.#redact();
    this.#recorder.record({
      id: randomUUID(),
      startedAt: new Date(this.#started).toISOString(),
      durationMs: Date.now() - this.#started,
      clientId: session.identity.clientId,
      clientLabel: session.identity.label,
      clientName: session.clientInfo?.name,
      clientVersion: session.clientInfo?.version,
      transport: session.identity.transport,
      sessionId: session.id,
      serverId: this.#target.serverId,
      method: this.#target.method,
      target: redacted.target,
      arguments: redacted.arguments,
      class: this.#target.class,
      decision: end.decision,
      outcome: end.outcome,
      resultBytes: summary.bytes,
      preview: summary.preview,
      error: end.error === undefined ? undefined : redactText(end.error, this.#secrets),
      denyReason: end.denyReason,
      ...(end.editedArguments ? { editedArguments: redactArguments(end.editedArguments, this.#secrets) } : {}),
      ...(end.effectPreview ? { effectPreview: redactText(end.effectPreview, this.#secrets) } : {}),
    });
  }
}
