// The calls the hub keeps across a 2026-07-28 client's retries while a 2025 server waits for its
// answers: a round trip, the sealed state, and the cleanup when the client never comes back or its
// session ends. The request context is a double of the few fields the v2 SDK hands a handler
// (the SDK's own state check, which runs before a handler, is called here as `verify`).
import type { ServerContext } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { ClientSession } from '../client-session.ts';
import { InputRequiredCalls } from './modern-input-required.ts';

const session = () => new ClientSession({ clientId: 'cursor', label: 'Cursor', transport: 'http' }, undefined, undefined, 'modern');

/** A request's context as the v2 SDK builds it: a retry carries the verified state and the answers. */
function ctxOf(client: string, retry?: { state: unknown; responses: Record<string, unknown> }, capabilities: Record<string, unknown> = { elicitation: {} }): ServerContext {
  return {
    mcpReq: {
      id: 1,
      method: 'tools/call',
      signal: new AbortController().signal,
      envelope: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': capabilities },
      requestState: () => retry?.state,
      inputResponses: retry?.responses,
      notify: async () => undefined,
    },
    http: { authInfo: { clientId: client } },
  } as unknown as ServerContext;
}

const ELICIT = { method: 'elicitation/create', params: { message: 'name?', requestedSchema: { type: 'object', properties: {} } } };

/** A call whose server asks once for elicitation and answers with what it got. */
function asksOnce(calls: InputRequiredCalls, owner: ClientSession) {
  let signal: AbortSignal | undefined;
  let serverSaw: unknown;
  const start = async (callId: string, callSignal: AbortSignal) => {
    signal = callSignal;
    serverSaw = await calls.ask(owner, ELICIT, callId, callSignal)!.catch((error: Error) => `refused: ${error.message}`);
    return { content: [{ type: 'text', text: JSON.stringify(serverSaw) }] };
  };
  return { start, signal: () => signal, serverSaw: () => serverSaw };
}

describe('InputRequiredCalls', () => {
  it("answers with input_required, and a retry with the state hands the client's answer to the waiting server", async () => {
    const calls = new InputRequiredCalls((ctx) => String(ctx.http?.authInfo?.clientId));
    const owner = session();
    const call = asksOnce(calls, owner);
    const first = await calls.round(owner, ctxOf('cursor'), call.start);
    expect(first).toMatchObject({ resultType: 'input_required' });
    const [key, request] = Object.entries(first.inputRequests as Record<string, unknown>)[0]!;
    expect(request).toEqual(ELICIT);
    const raw = first.requestState as string;
    // Sealed and bound: another client, or a changed byte, does not verify.
    await expect(calls.verify(raw, ctxOf('other'))).rejects.toThrow();
    await expect(calls.verify(`${raw.slice(0, -2)}xx`, ctxOf('cursor'))).rejects.toThrow();
    const state = await calls.verify(raw, ctxOf('cursor'));
    const done = await calls.round(owner, ctxOf('cursor', { state, responses: { [key]: { action: 'accept', content: { name: 'Ada' } } } }), call.start);
    expect(call.serverSaw()).toEqual({ action: 'accept', content: { name: 'Ada' } });
    expect(done).toEqual({ content: [{ type: 'text', text: JSON.stringify(call.serverSaw()) }] });
    // The call is over: its state continues nothing.
    await expect(calls.round(owner, ctxOf('cursor', { state, responses: {} }), call.start)).rejects.toThrow(/no longer has the call/);
    calls.close();
  });

  it('gives the call up when the client does not retry in time: the upstream call is cancelled and the server refused', async () => {
    const calls = new InputRequiredCalls((ctx) => String(ctx.http?.authInfo?.clientId), 50);
    const owner = session();
    const call = asksOnce(calls, owner);
    const first = await calls.round(owner, ctxOf('cursor'), call.start);
    const state = await calls.verify(first.requestState as string, ctxOf('cursor'));
    await new Promise<void>((resolve) => call.signal()!.addEventListener('abort', () => resolve(), { once: true }));
    await expect.poll(() => call.serverSaw()).toMatch(/^refused: .*did not retry/);
    await expect(calls.round(owner, ctxOf('cursor', { state, responses: {} }), call.start)).rejects.toThrow(/no longer has the call/);
    calls.close();
  });

  it("gives up a session's calls when the session ends, and only that session's", async () => {
    const calls = new InputRequiredCalls(() => 'cursor');
    const [ending, staying] = [session(), session()];
    const a = asksOnce(calls, ending);
    const b = asksOnce(calls, staying);
    await calls.round(ending, ctxOf('cursor'), a.start);
    await calls.round(staying, ctxOf('cursor'), b.start);
    calls.endSession(ending);
    expect(a.signal()!.aborted).toBe(true);
    expect(b.signal()!.aborted).toBe(false);
    calls.close();
    expect(b.signal()!.aborted).toBe(true);
  });

  it('fails the call with -32021 when the client did not declare what the server asks for, and cancels the upstream call', async () => {
    const calls = new InputRequiredCalls(() => 'cursor');
    const owner = session();
    const call = asksOnce(calls, owner);
    await expect(calls.round(owner, ctxOf('cursor', undefined, { sampling: {} }), call.start)).rejects.toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { elicitation: {} } },
    });
    expect(call.signal()!.aborted).toBe(true);
  });
});
