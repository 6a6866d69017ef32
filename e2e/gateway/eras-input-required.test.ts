// A 2025 server's requests to its client during a 2026-07-28 client's call, through a real hub
// (docs/protocol-eras.md): server-everything asks for sampling or elicitation in the middle of a
// tool call; the hub answers the modern client's call with `input_required`, the v2 client
// answers and retries, the answer reaches the server and its result comes back. By HTTP and by the
// bridge. Also: a client that did not declare the capability gets -32021, and a requestState is
// refused when it is forged, from another client, or for a call the hub no longer has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientToken, everythingDefinition, startHubServing, type HubProcess } from '../helpers/hub-process.ts';
import type { InputAnswers } from '../helpers/ide-answers.ts';
import { connectModern, rawModernCall, type HubRoute } from '../helpers/modern-client.ts';

type Result = { content?: Array<{ type: string; text?: string }>; isError?: boolean };
const textOf = (result: Result) => (result.content ?? []).map((c) => c.text ?? '').join('\n');

/** What the client `name` answers: whether it saw the haiku prompt, and a name of its own. */
const answersOf = (name: string): InputAnswers => ({
  sample: (messages) => `sampled by ${name}: ${JSON.stringify(messages).includes('haiku') ? 'haiku seen' : 'no haiku'}`,
  elicit: () => ({ name: `Ada via ${name}` }),
});

describe('a 2025 server asks a 2026-07-28 client for input during a call', () => {
  let dataDir: string;
  let hub: HubProcess;
  let url: string;
  const closing: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    // Write mode "allow": server-everything's sampling and elicitation tools are not read-only.
    ({ dataDir, hub, url } = await startHubServing([everythingDefinition({ writeMode: 'allow' })]));
  }, 90_000);

  afterAll(async () => {
    for (const close of closing) await close().catch(() => undefined);
    await hub?.stop();
  });

  /** A v2 client pinned to 2026-07-28 that answers sampling and elicitation (or what `capabilities` declares). */
  const connectAs = async (name: string, route: HubRoute, capabilities: Record<string, unknown> = { sampling: {}, elicitation: { form: {} } }) => {
    const ide = await connectModern(route, name, { capabilities, answers: answersOf(name) });
    closing.push(() => ide.client.close());
    return ide;
  };
  const connectHttp = async (name: string, capabilities?: Record<string, unknown>) => connectAs(name, { url, token: await clientToken(dataDir, name) }, capabilities);
  const connectBridge = (name: string) => connectAs(name, { bridge: dataDir });

  for (const [transport, connect] of [
    ['HTTP', (name: string) => connectHttp(name)],
    ['the bridge', (name: string) => connectBridge(name)],
  ] as const) {
    it(`carries sampling and elicitation as input_required and the client's answers back to the server, by ${transport}`, async () => {
      const name = transport === 'HTTP' ? 'mrtr-http' : 'mrtr-bridge';
      const { client, asked } = await connect(name);
      const sampled = (await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'write a haiku', maxTokens: 50 } })) as Result;
      expect(sampled.isError, textOf(sampled)).toBeFalsy();
      // The server's result quotes what this client answered.
      expect(textOf(sampled)).toContain(`sampled by ${name}: haiku seen`);
      const elicited = (await client.callTool({ name: 'trigger-elicitation-request', arguments: {} })) as Result;
      expect(elicited.isError, textOf(elicited)).toBeFalsy();
      expect(textOf(elicited)).toContain(`Ada via ${name}`);
      expect(asked).toEqual(['sampling', 'elicitation']);
    });
  }

  it('answers a client that did not declare sampling with -32021, naming the capability', async () => {
    const { client, asked } = await connectHttp('mrtr-no-sampling', { elicitation: { form: {} } });
    const error = await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'x', maxTokens: 5 } }).then(
      () => undefined,
      (e: unknown) => e as { code?: number; data?: { requiredCapabilities?: Record<string, unknown> } },
    );
    expect(error?.code).toBe(-32021);
    expect(error?.data?.requiredCapabilities).toHaveProperty('sampling');
    expect(asked).toEqual([]);
  });

  it('binds the requestState to its client and its call, and continues the call for its own client', async () => {
    const owner = await clientToken(dataDir, 'mrtr-raw');
    const other = await clientToken(dataDir, 'mrtr-other');
    const first = await rawModernCall(url, owner, { name: 'trigger-elicitation-request', arguments: {} });
    expect(first.body.result?.resultType, JSON.stringify(first.body)).toBe('input_required');
    const requests = first.body.result!.inputRequests as Record<string, { method: string }>;
    const [key, request] = Object.entries(requests)[0]!;
    expect(request.method).toBe('elicitation/create');
    const requestState = first.body.result!.requestState as string;
    const inputResponses = { [key]: { action: 'accept', content: { name: 'Grace' } } };

    // Another client replaying it, or a forged state: refused, and the call is left as it was.
    const foreign = await rawModernCall(url, other, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState });
    expect(foreign.body.error?.code).toBe(-32602);
    const forged = await rawModernCall(url, owner, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState: `${requestState.slice(0, -4)}AAAA` });
    expect(forged.body.error?.code).toBe(-32602);

    const done = await rawModernCall(url, owner, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState });
    expect(done.body.result?.resultType ?? 'complete', JSON.stringify(done.body)).toBe('complete');
    expect(JSON.stringify(done.body.result?.content)).toContain('Grace');

    // The call is over: its state continues nothing any more.
    const again = await rawModernCall(url, owner, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState });
    expect(again.body.error?.code).toBe(-32602);
    expect(again.body.error?.message).toContain('no longer has the call');
  });
});
