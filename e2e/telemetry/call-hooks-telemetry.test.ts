// The call hooks in one process with the real OpenTelemetry SDK sending to the OTLP receiver
// stand-in: a call over a limit gets its span (decision rate-limited) and is counted; arguments go
// on spans only when turned on, and then redacted as in the call log; turning export off mid-run
// stops the sending. The hub end to end is in otel-export.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { CallRecord } from '../../electron/hub/contract/call-log-shapes.ts';
import { CallInProgress } from '../../electron/hub/call-log/call-in-progress.ts';
import { KnownSecrets } from '../../electron/hub/call-log/redact.ts';
import { createCallHooks } from '../../electron/hub/gateway/call-hooks.ts';
import { ClientSession } from '../../electron/hub/gateway/client-session.ts';
import type { Extra } from '../../electron/hub/gateway/forward.ts';
import { CallLimiter } from '../../electron/hub/limits/call-limiter.ts';
import { TelemetrySettingsSchema, type CallLimit } from '../../electron/hub/settings/schema.ts';
import { HubTelemetry } from '../../electron/hub/telemetry/hub-telemetry.ts';
import { startOtlpReceiver, type OtlpReceiver } from '../helpers/otlp-receiver.ts';

const extra = (requestId: number) => ({ requestId, signal: new AbortController().signal }) as unknown as Extra;

describe('call hooks with telemetry and limits (one process, real SDK, OTLP receiver stand-in)', () => {
  let receiver: OtlpReceiver | undefined;
  afterEach(async () => receiver?.close());

  async function setup(exportArguments: boolean, limits: CallLimit[] = []) {
    receiver = await startOtlpReceiver();
    const secrets = new KnownSecrets();
    secrets.add('sk-live-this-is-a-known-secret');
    const telemetry = new HubTelemetry(() => []);
    await telemetry.configure(TelemetrySettingsSchema.parse({ enabled: true, endpoint: receiver.url, exportArguments, metricIntervalSeconds: 1 }), {});
    const logged: CallRecord[] = [];
    const recorder = telemetry.observing({ record: (entry) => void logged.push(entry) });
    const hooks = createCallHooks({ limiter: new CallLimiter(() => limits), telemetry, recorder, secrets });
    const session = new ClientSession({ clientId: 'cursor', label: 'Cursor', transport: 'socket' }, undefined);
    const call = async (n: number, args: Record<string, unknown>) => {
      const target = { serverId: 'github', method: 'tools/call', target: 'create_issue', arguments: args, class: 'write' } as const;
      return hooks.around(session, target, undefined, extra(n), async () => {
        new CallInProgress(session, target, recorder, secrets).finish({ decision: 'allow-mode', outcome: 'ok', result: { content: [] } });
        return 'ran';
      });
    };
    return { telemetry, logged, call, receiver };
  }

  it('a call over a limit: refused before it runs, its span says rate-limited, and it is counted', async () => {
    const { telemetry, logged, call, receiver } = await setup(false, [{ id: 'limit-1', client: 'cursor', perMinute: 2 }]);
    expect(await call(1, {})).toBe('ran');
    expect(await call(2, {})).toBe('ran');
    const refused = await call(3, {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(McpError);
    expect((refused as McpError).code).toBe(-32029);
    expect(logged.map((r) => r.decision)).toEqual(['allow-mode', 'allow-mode', 'rate-limited']);
    await telemetry.shutdown();

    const spans = receiver.spans().filter((s) => s.name === 'tools/call create_issue');
    expect(spans).toHaveLength(3);
    const limited = spans.find((s) => s.attributes['jsonrpc.request.id'] === '3')!;
    expect(limited.attributes).toMatchObject({ 'mcp_tray.decision': 'rate-limited', 'mcp_tray.outcome': 'refused', 'error.type': 'refused' });
    expect(limited.status?.code).toBe(2); // ERROR
    const calls = receiver.lastPoints('mcp_tray.calls');
    expect(calls.reduce((n, p) => n + p.value, 0)).toBe(3);
    expect(calls.find((p) => p.attributes['mcp_tray.decision'] === 'rate-limited')?.value).toBe(1);
  });

  it('arguments go on spans only when turned on, redacted as in the call log', async () => {
    const off = await setup(false);
    await off.call(1, { title: 'hello', token: 'sk-live-this-is-a-known-secret' });
    await off.telemetry.shutdown();
    expect(off.receiver.spans()[0]!.attributes['mcp_tray.arguments']).toBeUndefined();
    await off.receiver.close();

    const on = await setup(true);
    await on.call(1, { title: 'hello', token: 'sk-live-this-is-a-known-secret' });
    await on.telemetry.shutdown();
    const args = String(on.receiver.spans()[0]!.attributes['mcp_tray.arguments']);
    expect(args).toContain('hello');
    expect(args).not.toContain('sk-live-this-is-a-known-secret');
    expect(args).toBe(JSON.stringify(on.logged[0]!.arguments));
  });

  it('turned off: nothing more is sent, and calls still run', async () => {
    const { telemetry, call, receiver } = await setup(false);
    await call(1, {});
    await telemetry.configure(TelemetrySettingsSchema.parse({ enabled: false, endpoint: receiver.url }), {});
    const sent = receiver.requests.length;
    expect(sent).toBeGreaterThan(0);
    expect(await call(2, {})).toBe('ran');
    await telemetry.shutdown();
    expect(receiver.requests.length).toBe(sent);
    expect(telemetry.enabled).toBe(false);
  });
});
