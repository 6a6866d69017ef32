// A server's requests to its client during a 2026-07-28 client's call (docs/protocol-eras.md).
// Upstream servers speak 2025 with the hub, so a server asks for sampling, elicitation or roots
// with a real request in the middle of a call. A 2026-07-28 client cannot be sent requests: the
// hub answers its call with an `input_required` result carrying those requests, keeps the upstream
// call running, and when the client retries the call with its answers, hands them to the waiting
// server, which goes on to the next request or the result. The retry names the call by a
// `requestState` sealed with the SDK's HMAC codec (a key made at start, never stored) and bound to
// the verified client id, so it cannot be forged or replayed by another client; the call it names
// is a random id that lives only in this map.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequestStateCodec, inputRequired, MissingRequiredClientCapabilityError, ProtocolError, type ServerContext } from '@modelcontextprotocol/server';
import type { ClientSession } from '../client-session.ts';

/** How long a call waits for the client's retry before it is given up (and the upstream call cancelled). */
export const INPUT_REQUIRED_TIMEOUT_MS = 5 * 60_000;

export type ServerRequestToClient = { method: string; params?: Record<string, unknown> };
/** How long the hub waits, once a server asks, for the requests it sends beside it. */
const COALESCE_MS = 25;
type Kind = 'sampling' | 'elicitation' | 'roots';
type Outcome = { ok: Record<string, unknown> } | { error: unknown };

interface Asked {
  readonly kind: Kind;
  readonly request: ServerRequestToClient;
  resolve(result: Record<string, unknown>): void;
  reject(error: unknown): void;
}

interface Call {
  readonly id: string;
  readonly session: ClientSession;
  readonly controller: AbortController;
  outcome: Promise<Outcome>;
  /** Asked by the server, not yet handed to the client. */
  readonly waiting: Map<string, Asked>;
  /** Handed to the client in the last `input_required`, waiting for its retry. */
  readonly sent: Map<string, Asked>;
  /** Wakes the round that waits for the result or the server's next request. */
  wake: () => void;
  /** The round the client is waiting on (its progress goes there); none between rounds. */
  round: ServerContext | undefined;
  timer: NodeJS.Timeout | undefined;
  rounds: number;
}

const KIND_OF: Record<string, Kind> = { 'sampling/createMessage': 'sampling', 'elicitation/create': 'elicitation', 'roots/list': 'roots' };

export class InputRequiredCalls {
  readonly #calls = new Map<string, Call>();
  readonly #timeoutMs: number;
  readonly #codec;

  /** `bind` names the verified client a state belongs to (its transport and client id). */
  constructor(bind: (ctx: ServerContext) => string, timeoutMs = INPUT_REQUIRED_TIMEOUT_MS) {
    this.#timeoutMs = timeoutMs;
    this.#codec = createRequestStateCodec<{ call: string; round: number }>({
      key: randomBytes(32),
      ttlSeconds: Math.ceil(timeoutMs / 1000),
      bind: (ctx) => `${ctx.mcpReq.method}\0${bind(ctx)}`,
    });
  }

  /** For the v2 Server's `requestState.verify`: a forged, expired or foreign state is refused by the SDK (-32602). */
  readonly verify = (state: string, ctx: ServerContext): Promise<{ call: string; round: number }> => this.#codec.verify(state, ctx);

  /**
   * One round of a call that may need the client's input: the first round starts the call (`start`
   * gets the id the server's requests will name, and the call's own signal, which outlives the
   * round); a retry carries the answers to the call its state names.
   */
  async round(
    session: ClientSession,
    ctx: ServerContext,
    start: (callId: string, signal: AbortSignal, notify: (notification: { method: string; params?: Record<string, unknown> }) => Promise<void>) => Promise<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    const state = ctx.mcpReq.requestState<{ call: string; round: number }>();
    if (state !== undefined) return this.#resume(session, state, ctx);
    const call: Call = {
      id: randomUUID(),
      session,
      controller: new AbortController(),
      outcome: Promise.resolve({ error: undefined }),
      waiting: new Map(),
      sent: new Map(),
      wake: () => undefined,
      round: ctx,
      timer: undefined,
      rounds: 0,
    };
    this.#calls.set(call.id, call);
    const notify = async (notification: { method: string; params?: Record<string, unknown> }) => {
      await call.round?.mcpReq.notify(notification as never).catch(() => undefined);
    };
    call.outcome = start(call.id, call.controller.signal, notify).then(
      (ok) => ({ ok }),
      (error: unknown) => ({ error }),
    );
    return this.#next(call, ctx);
  }

  /**
   * A server's request during the call `callId` of `session`: it waits until the client answers it
   * on a retry. Roots the client did not declare resolve `undefined` (the caller answers with its
   * own); a missing sampling or elicitation capability fails the client's call with -32021.
   */
  ask(session: ClientSession, request: ServerRequestToClient, callId: string | number, signal: AbortSignal, key?: string): Promise<Record<string, unknown>> | undefined {
    const call = this.#calls.get(String(callId));
    const kind = KIND_OF[request.method];
    if (!call || call.session !== session || !kind) return undefined;
    if (kind === 'roots' && call.round && !declares(call.round, 'roots')) return undefined;
    return new Promise((resolve, reject) => {
      // A 2026-07-28 server's own key is kept (the client sees what the server named); a 2025 server's requests get one made up.
      const id = key !== undefined && !call.waiting.has(key) && !call.sent.has(key) ? key : `${kind}-${randomUUID().slice(0, 8)}`;
      const asked: Asked = { kind, request: { method: request.method, ...(request.params && { params: request.params }) }, resolve, reject };
      const drop = () => {
        call.waiting.delete(id);
        call.sent.delete(id);
        reject(signal.reason ?? new Error('cancelled by the server'));
      };
      signal.addEventListener('abort', drop, { once: true });
      asked.resolve = (result) => {
        signal.removeEventListener('abort', drop);
        resolve(result);
      };
      call.waiting.set(id, asked);
      call.wake();
    });
  }

  /** The session ended: its calls waiting for input are given up. */
  endSession(session: ClientSession): void {
    for (const call of this.#calls.values()) if (call.session === session) this.#giveUp(call, 'the client session ended');
  }

  close(): void {
    for (const call of this.#calls.values()) this.#giveUp(call, 'MCP Tray is stopping');
  }

  async #resume(session: ClientSession, state: { call: string; round: number }, ctx: ServerContext): Promise<Record<string, unknown>> {
    const call = this.#calls.get(state?.call);
    if (!call || call.session !== session) {
      throw new ProtocolError(
        -32602,
        'MCP Tray no longer has the call this requestState continues (it finished, waited more than 5 minutes for the answers, or its session ended); make the call again without requestState',
      );
    }
    if (call.round) throw new ProtocolError(-32602, 'this call is already being retried; wait for that retry to be answered');
    if (state.round !== call.rounds) throw new ProtocolError(-32602, 'this requestState is from an earlier round of the call; retry with the one the last input_required result carried');
    clearTimeout(call.timer);
    call.round = ctx;
    const responses = ctx.mcpReq.inputResponses ?? {};
    for (const [id, asked] of call.sent) {
      if (!(id in responses)) continue;
      call.sent.delete(id);
      asked.resolve(responses[id] as Record<string, unknown>);
    }
    // Requests the retry did not answer are asked again.
    for (const [id, asked] of call.sent) call.waiting.set(id, asked);
    call.sent.clear();
    return this.#next(call, ctx);
  }

  /** Waits for the call's result or the server's next requests, and answers this round with it. */
  async #next(call: Call, ctx: ServerContext): Promise<Record<string, unknown>> {
    const onAbort = () => this.#giveUp(call, 'the client cancelled the call');
    ctx.mcpReq.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const asked = new Promise<'asked'>((resolve) => {
        call.wake = () => resolve('asked');
        if (call.waiting.size > 0) resolve('asked');
      });
      const step = await Promise.race([call.outcome, asked]);
      call.wake = () => undefined;
      // A server often asks several things at once (one request each): they go out in one round.
      if (step === 'asked') await new Promise((resolve) => setTimeout(resolve, COALESCE_MS));
      if (step !== 'asked') {
        this.#forget(call);
        if ('ok' in step) return step.ok;
        throw step.error;
      }
      const missing = [...new Set([...call.waiting.values()].map((a) => a.kind))].filter((kind) => !declares(ctx, kind));
      if (missing.length > 0) {
        this.#giveUp(call, `the client did not declare ${missing.join(', ')}`);
        throw new MissingRequiredClientCapabilityError(
          { requiredCapabilities: Object.fromEntries(missing.map((kind) => [kind, {}])) },
          `A server asked for ${missing.join(' and ')} during this call, and the request's clientCapabilities do not declare it`,
        );
      }
      const inputRequests = Object.fromEntries([...call.waiting].map(([id, asked]) => [id, asked.request]));
      for (const [id, asked] of call.waiting) call.sent.set(id, asked);
      call.waiting.clear();
      // A new state each round (the round number in it), as the revision expects of a state that evolves.
      call.rounds += 1;
      const requestState = await this.#codec.mint({ call: call.id, round: call.rounds }, ctx);
      call.timer = setTimeout(() => this.#giveUp(call, 'the client did not retry within 5 minutes'), this.#timeoutMs).unref();
      return inputRequired({ inputRequests: inputRequests as never, requestState }) as unknown as Record<string, unknown>;
    } finally {
      ctx.mcpReq.signal.removeEventListener('abort', onAbort);
      call.round = undefined;
    }
  }

  /** Cancels the upstream call and refuses the server's requests still open. */
  #giveUp(call: Call, why: string): void {
    if (!this.#calls.has(call.id)) return;
    this.#forget(call);
    const error = new Error(`MCP Tray gave up this request: ${why}`);
    for (const asked of [...call.waiting.values(), ...call.sent.values()]) asked.reject(error);
    call.waiting.clear();
    call.sent.clear();
    call.controller.abort(error);
  }

  #forget(call: Call): void {
    clearTimeout(call.timer);
    this.#calls.delete(call.id);
  }
}

function declares(ctx: ServerContext, kind: Kind): boolean {
  const envelope = (ctx.mcpReq.envelope ?? {}) as Record<string, unknown>;
  const capabilities = envelope['io.modelcontextprotocol/clientCapabilities'] as Record<string, unknown> | undefined;
  return capabilities?.[kind] !== undefined && capabilities?.[kind] !== null;
}
