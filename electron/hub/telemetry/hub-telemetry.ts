// What the hub tells OpenTelemetry (docs/telemetry.md): a span per call with the MCP semantic
// conventions' attributes, its parent the client's `traceparent`; the approval wait as a child span;
// metrics for calls, latency, approval waits, server restarts and open sessions. Off (the default),
// nothing is built and nothing is sent. Settings changes rebuild the pipeline.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Counter, type Histogram, type Span, type Tracer } from '@opentelemetry/api';
import type { CallRecord } from '../contract/call-log-shapes.ts';
import type { CallRecorder } from '../call-log/call-record.ts';
import type { TelemetrySettings } from '../settings/schema.ts';
import type { OtelPipeline } from './otel-pipeline.ts';
import { contextFromMeta } from './trace-meta.ts';

const SCOPE = 'mcp-tray';

/** What a span is opened with, before the hub has decided anything. */
export interface CallSpanStart {
  readonly method: string;
  readonly target: string;
  readonly serverId: string;
  readonly clientId: string;
  readonly clientName?: string;
  readonly sessionId: string;
  readonly transport: 'socket' | 'http';
  readonly requestId?: string | number;
  /** The client's request `_meta`, where its `traceparent` is. */
  readonly meta?: Record<string, unknown>;
}

export interface SessionCount {
  readonly clientId: string;
  readonly transport: 'socket' | 'http';
}

interface Instruments {
  readonly tracer: Tracer;
  readonly calls: Counter;
  readonly duration: Histogram;
  readonly approvalWait: Histogram;
  readonly restarts: Counter;
}

export class HubTelemetry {
  readonly #sessions: () => readonly SessionCount[];
  #settings: TelemetrySettings | undefined;
  #pipeline: OtelPipeline | undefined;
  #on: Instruments | undefined;
  readonly #approvals = new Map<string, { span: Span; started: number; attributes: Attributes }>();
  readonly #serverStates = new Map<string, string>();
  /** The spans opened for calls, so a record finds its own span and no other. */
  readonly #callSpans = new WeakSet<Span>();

  constructor(sessions: () => readonly SessionCount[]) {
    this.#sessions = sessions;
  }

  get enabled(): boolean {
    return this.#on !== undefined;
  }

  /** Applies settings: builds, rebuilds or shuts down the exporters. */
  async configure(settings: TelemetrySettings, headers: Record<string, string>): Promise<void> {
    const previous = this.#pipeline;
    this.#pipeline = undefined;
    this.#on = undefined;
    this.#settings = settings;
    await previous?.shutdown();
    if (!settings.enabled) return;
    // The OpenTelemetry SDK (about 7 MB of heap) loads the first time telemetry is turned on, not
    // in every hub.
    const { otelPipeline } = await import('./otel-pipeline.ts');
    if (this.#settings !== settings) return; // settings changed again while it loaded
    const pipeline = otelPipeline(settings, headers);
    const meter = pipeline.meterProvider.getMeter(SCOPE);
    this.#pipeline = pipeline;
    this.#on = {
      tracer: pipeline.tracerProvider.getTracer(SCOPE),
      calls: meter.createCounter('mcp_tray.calls', { description: 'Calls (tools/call, resources/read, prompts/get) by server, tool, client, decision and outcome', unit: '{call}' }),
      duration: meter.createHistogram('mcp.server.operation.duration', { description: 'How long a call took in MCP Tray, approval wait included', unit: 's' }),
      approvalWait: meter.createHistogram('mcp_tray.approval.wait.duration', { description: 'How long a call waited for the user\'s approval', unit: 's' }),
      restarts: meter.createCounter('mcp_tray.server.restarts', { description: 'Restarts of a server after it exited', unit: '{restart}' }),
    };
    meter.createObservableUpDownCounter('mcp_tray.sessions.open', { description: 'Client sessions open, by client and transport', unit: '{session}' }).addCallback((result) => {
      const counts = new Map<string, { attributes: Attributes; n: number }>();
      for (const session of this.#sessions()) {
        const key = `${session.clientId}\0${session.transport}`;
        const entry = counts.get(key) ?? { attributes: { 'mcp_tray.client.id': session.clientId, 'network.transport': networkTransport(session.transport) }, n: 0 };
        entry.n++;
        counts.set(key, entry);
      }
      for (const { attributes, n } of counts.values()) result.observe(n, attributes);
    });
  }

  /** Flushes and stops exporting (the hub is stopping). */
  async shutdown(): Promise<void> {
    const pipeline = this.#pipeline;
    this.#pipeline = undefined;
    this.#on = undefined;
    await pipeline?.shutdown();
  }

  /** Runs a call inside its span (the client's trace as parent); without telemetry, just runs it. */
  async inCallSpan<T>(start: CallSpanStart, run: () => Promise<T>): Promise<T> {
    const on = this.#on;
    if (!on) return run();
    const tool = start.method === 'tools/call';
    const attributes: Attributes = {
      'mcp.method.name': start.method,
      'mcp.session.id': start.sessionId,
      'network.transport': networkTransport(start.transport),
      'mcp_tray.server.id': start.serverId,
      'mcp_tray.client.id': start.clientId,
      ...(start.clientName ? { 'mcp_tray.client.name': start.clientName } : {}),
      ...(start.requestId !== undefined ? { 'jsonrpc.request.id': String(start.requestId) } : {}),
      ...(tool ? { 'gen_ai.tool.name': start.target, 'gen_ai.operation.name': 'execute_tool' } : {}),
      ...(start.method === 'prompts/get' ? { 'gen_ai.prompt.name': start.target } : {}),
    };
    // A resource URI can be long and unbounded in number: it is not in the span name (nor here; the
    // call log has it, redacted).
    const name = start.method === 'resources/read' ? start.method : `${start.method} ${start.target}`;
    const span = on.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, contextFromMeta(start.meta));
    this.#callSpans.add(span);
    try {
      return await context.with(trace.setSpan(context.active(), span), run);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  /** A recorder that tells telemetry about each logged call, then passes it on. */
  observing(recorder: CallRecorder): CallRecorder {
    return { record: (entry) => (this.#recorded(entry), recorder.record(entry)) };
  }

  /** The call's approval wait begins (called inside the call's span): a child span until it is decided. */
  approvalRequested(id: string, serverId: string, tool: string, clientId: string): void {
    const on = this.#on;
    if (!on) return;
    const attributes: Attributes = { 'mcp_tray.server.id': serverId, 'gen_ai.tool.name': tool, 'mcp_tray.client.id': clientId };
    const span = on.tracer.startSpan('mcp-tray approval wait', { kind: SpanKind.INTERNAL, attributes }, context.active());
    this.#approvals.set(id, { span, started: performance.now(), attributes });
  }

  approvalResolved(id: string, decision: string): void {
    const pending = this.#approvals.get(id);
    if (!pending) return;
    this.#approvals.delete(id);
    pending.span.setAttribute('mcp_tray.approval.decision', decision);
    pending.span.end();
    this.#on?.approvalWait.record((performance.now() - pending.started) / 1000, { ...pending.attributes, 'mcp_tray.approval.decision': decision });
  }

  /** A server's state changed: entering "restarting" is a restart after it exited. */
  serverState(serverId: string, state: string): void {
    const before = this.#serverStates.get(serverId);
    this.#serverStates.set(serverId, state);
    if (state === 'restarting' && before !== 'restarting') this.#on?.restarts.add(1, { 'mcp_tray.server.id': serverId });
  }

  #recorded(entry: CallRecord): void {
    const on = this.#on;
    if (!on) return;
    const attributes: Attributes = {
      'mcp.method.name': entry.method,
      'mcp_tray.server.id': entry.serverId,
      'mcp_tray.client.id': entry.clientId,
      'mcp_tray.decision': entry.decision,
      'mcp_tray.outcome': entry.outcome,
      ...(entry.method === 'tools/call' ? { 'gen_ai.tool.name': entry.target } : {}),
      ...(entry.outcome !== 'ok' ? { 'error.type': entry.outcome } : {}),
    };
    on.calls.add(1, attributes);
    on.duration.record(entry.durationMs / 1000, attributes);
    // The record is made inside the call's span: the decision and outcome go on it.
    const span = trace.getActiveSpan();
    if (!span || !this.#callSpans.has(span)) return;
    span.setAttributes({ 'mcp_tray.decision': entry.decision, 'mcp_tray.outcome': entry.outcome, 'mcp_tray.call.id': entry.id });
    if (entry.method === 'resources/read') span.setAttribute('mcp.resource.uri', entry.target);
    if (entry.outcome !== 'ok') {
      span.setAttribute('error.type', entry.outcome);
      span.setStatus({ code: SpanStatusCode.ERROR, message: entry.error ?? entry.outcome });
    }
    // Arguments only when the user turned it on, and then as the call log keeps them (redacted).
    if (this.#settings?.exportArguments) span.setAttribute('mcp_tray.arguments', JSON.stringify(entry.arguments));
  }
}

/** The semantic conventions' network.transport: the local socket is a pipe, HTTP runs on TCP. */
function networkTransport(transport: 'socket' | 'http'): string {
  return transport === 'socket' ? 'pipe' : 'tcp';
}
