// OpenTelemetry export end to end: a real hub sends OTLP/HTTP to a stand-in collector (an OTLP
// receiver in this test process: e2e/helpers/otlp-receiver.ts; no Collector can be installed here).
// An SDK client over the bridge, as an IDE, sends calls with a `traceparent` in `_meta`; the test
// server records the `_meta` it receives. Checked: each call's span, its attributes and its parent;
// the approval wait as a child span; the context passed on to the server; metrics that count the
// run's calls exactly; header values from the keychain. Then: export off sends nothing.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ApprovalInfo, ServerStatus } from '../../electron/hub/contract/contract.ts';
import type { TelemetryInfo } from '../../electron/hub/contract/api/telemetry.ts';
import { HubClient } from '../../electron/cli/hub-client.ts';
import { callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { startOtlpReceiver, type OtlpReceiver } from '../helpers/otlp-receiver.ts';
import { testSecret } from '../helpers/test-secrets.ts';

const SERVER_KIND = 2; // OTLP SPAN_KIND_SERVER

function clientTrace() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

async function control<T>(dataDir: string, run: (hub: HubClient) => Promise<T>): Promise<T> {
  const hub = await HubClient.connect(dataDir);
  try {
    return await run(hub);
  } finally {
    hub.close();
  }
}

describe('OpenTelemetry export to an OTLP receiver (stand-in for a Collector)', () => {
  let receiver: OtlpReceiver;
  let dataDir: string;
  let callsFile: string;
  let hub: HubProcess | undefined;
  let ide: Client | undefined;
  const token = testSecret('otel-token');
  const trace = clientTrace();
  const secondTrace = clientTrace();

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    dataDir = tempDir();
    callsFile = path.join(dataDir, 'calls.jsonl');
    writeSettings(dataDir, {
      servers: [testServerDefinition('counter', ['--calls-file', callsFile], { writeMode: 'ask' })],
      telemetry: { enabled: true, endpoint: receiver.url, serviceName: 'mcp-tray-test', headers: { 'x-team': 'tools' }, metricIntervalSeconds: 1 },
    });
    hub = await startHub(dataDir);
  });

  afterAll(async () => {
    await ide?.close().catch(() => undefined);
    await hub?.stop();
    await receiver?.close();
  });

  it('a secret header value goes to the keychain; settings only name it', async () => {
    const info = await control(dataDir, (h) => h.request('telemetry.secretHeader.set', { name: 'Authorization', value: `Bearer ${token}` }));
    expect(info.secretHeaders).toEqual([{ name: 'Authorization', set: true }]);
    const shown = await control(dataDir, (h) => h.request('telemetry.get'));
    expect(JSON.stringify(shown)).not.toContain(token);
    expect((shown satisfies TelemetryInfo).headers).toEqual({ 'x-team': 'tools' });
  });

  it('exports a span per call, the client\'s traceparent as parent, the approval wait as a child, and passes the context to the server', async () => {
    ide = await connectBridge(dataDir, 'cursor');
    await waitFor('an export of open sessions that counts this client', () =>
      receiver.requests.some((r) => r.path === '/v1/metrics' && JSON.stringify(r.body).includes('mcp_tray.sessions.open') && JSON.stringify(r.body).includes('"cursor"')),
    );
    for (let i = 0; i < 3; i++) expect((await ide.callTool({ name: 'peek', arguments: {}, _meta: { traceparent: trace.traceparent } })).isError).toBeFalsy();
    expect((await ide.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();

    const bump = ide.callTool({ name: 'bump', arguments: { by: 2, note: 'not exported' }, _meta: { traceparent: secondTrace.traceparent } });
    const approval = await waitFor('the pending approval', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.tool === 'bump'));
    expect((await cli(dataDir, ['approvals', 'approve', approval.id])).code).toBe(0);
    expect((await bump).isError).toBeFalsy();

    // A crash the supervisor restarts from: one server restart.
    const { pid } = callsReceived(callsFile).at(-1) as unknown as { pid: number };
    process.kill(pid, 'SIGKILL');
    await waitFor('the counter server running again', async () => {
      const servers = await cliJson<ServerStatus[]>(dataDir, ['servers', 'list']);
      const counter = servers.find((s) => s.id === 'counter');
      return counter?.state === 'running' && counter.pid !== pid;
    }, 30_000);

    await ide.close();
    ide = undefined;
    // Stopping the hub flushes what is queued: every span and the last metrics.
    await hub!.stop();
    hub = undefined;

    const spans = receiver.spans();
    const peeks = spans.filter((s) => s.name === 'tools/call peek');
    expect(peeks).toHaveLength(4);
    const traced = peeks.filter((s) => s.traceId === trace.traceId);
    expect(traced).toHaveLength(3);
    for (const span of traced) {
      expect(span.parentSpanId).toBe(trace.spanId);
      expect(span.kind).toBe(SERVER_KIND);
      expect(span.attributes).toMatchObject({
        'mcp.method.name': 'tools/call',
        'gen_ai.tool.name': 'peek',
        'gen_ai.operation.name': 'execute_tool',
        'mcp_tray.server.id': 'counter',
        'mcp_tray.client.id': 'cursor',
        'mcp_tray.client.name': 'cursor-ide',
        'mcp_tray.decision': 'auto-read',
        'mcp_tray.outcome': 'ok',
        'network.transport': 'pipe',
      });
      expect(span.attributes['mcp.session.id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(span.attributes['mcp_tray.arguments']).toBeUndefined();
      expect(span.resource['service.name']).toBe('mcp-tray-test');
    }
    const untraced = peeks.find((s) => s.traceId !== trace.traceId)!;
    expect(untraced.parentSpanId).toBeUndefined();

    // The server got the hub's span as its parent, in _meta.
    const received = callsReceived(callsFile).filter((c) => c.tool === 'peek');
    expect(received).toHaveLength(4);
    const hubSpanIds = new Set(peeks.map((s) => s.spanId));
    const propagated = received.map((c) => String(c.meta?.traceparent ?? ''));
    expect(propagated.filter((tp) => tp.startsWith(`00-${trace.traceId}-`))).toHaveLength(3);
    for (const tp of propagated) {
      const [, traceId, spanId] = tp.split('-');
      expect(hubSpanIds.has(spanId!), `${tp} names a span of the hub`).toBe(true);
      expect(peeks.find((s) => s.spanId === spanId)!.traceId).toBe(traceId);
    }

    const bumpSpan = spans.find((s) => s.name === 'tools/call bump')!;
    expect(bumpSpan).toMatchObject({ traceId: secondTrace.traceId, parentSpanId: secondTrace.spanId });
    expect(bumpSpan.attributes).toMatchObject({ 'mcp_tray.decision': 'approved-once', 'mcp_tray.outcome': 'ok' });
    const wait = spans.find((s) => s.name === 'mcp-tray approval wait')!;
    expect(wait).toMatchObject({ traceId: secondTrace.traceId, parentSpanId: bumpSpan.spanId });
    expect(wait.attributes['mcp_tray.approval.decision']).toBe('approved-once');
    expect(JSON.stringify(receiver.requests.map((r) => r.body))).not.toContain('not exported');

    // Metrics count exactly this run's calls.
    const calls = receiver.lastPoints('mcp_tray.calls');
    const count = (tool: string) => calls.filter((p) => p.attributes['gen_ai.tool.name'] === tool).reduce((n, p) => n + p.value, 0);
    expect(count('peek')).toBe(4);
    expect(count('bump')).toBe(1);
    expect(calls.reduce((n, p) => n + p.value, 0)).toBe(5);
    expect(calls.find((p) => p.attributes['gen_ai.tool.name'] === 'bump')!.attributes).toMatchObject({
      'mcp_tray.client.id': 'cursor',
      'mcp_tray.server.id': 'counter',
      'mcp_tray.decision': 'approved-once',
      'mcp_tray.outcome': 'ok',
    });
    expect(receiver.lastPoints('mcp.server.operation.duration').reduce((n, p) => n + p.value, 0)).toBe(5);
    expect(receiver.lastPoints('mcp_tray.approval.wait.duration')).toMatchObject([{ value: 1, attributes: { 'gen_ai.tool.name': 'bump', 'mcp_tray.approval.decision': 'approved-once' } }]);
    expect(receiver.lastPoints('mcp_tray.server.restarts')).toMatchObject([{ value: 1, attributes: { 'mcp_tray.server.id': 'counter' } }]);

    // Every export carried the plain header and the one from the keychain.
    const afterSecret = receiver.requests.filter((r) => r.headers.authorization !== undefined);
    expect(afterSecret.length).toBeGreaterThan(0);
    for (const request of afterSecret) expect(request.headers).toMatchObject({ authorization: `Bearer ${token}`, 'x-team': 'tools' });
  });
});

describe('OpenTelemetry export off (the default)', () => {
  it('sends nothing, and the client\'s traceparent reaches the server as it sent it', async () => {
    const receiver = await startOtlpReceiver();
    const dataDir = tempDir();
    const callsFile = path.join(dataDir, 'calls.jsonl');
    // An endpoint is set, export is not turned on: nothing may arrive there.
    writeSettings(dataDir, { servers: [testServerDefinition('counter', ['--calls-file', callsFile])], telemetry: { endpoint: receiver.url, metricIntervalSeconds: 1 } });
    const hub = await startHub(dataDir);
    const trace = clientTrace();
    try {
      const ide = await connectBridge(dataDir, 'cursor');
      for (let i = 0; i < 3; i++) await ide.callTool({ name: 'peek', arguments: {}, _meta: { traceparent: trace.traceparent } });
      await ide.close();
      expect((await control(dataDir, (h) => h.request('telemetry.get'))).enabled).toBe(false);
    } finally {
      await hub.stop();
    }
    expect(callsReceived(callsFile).map((c) => c.meta?.traceparent)).toEqual([trace.traceparent, trace.traceparent, trace.traceparent]);
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });
});
