// W3C trace context in an MCP request's `_meta` (the carrier OpenTelemetry's MCP conventions use):
// `traceparent` and `tracestate` keys, read from the client's request and written into the request
// the hub sends upstream. Without a span of the hub's own, `_meta` passes through untouched.
import { context, trace, ROOT_CONTEXT, type Context, type TextMapGetter, type TextMapPropagator, type TextMapSetter } from '@opentelemetry/api';

type Meta = Record<string, unknown>;

/**
 * The W3C propagator, given by the telemetry pipeline when it loads (otel-pipeline.ts): there are
 * no spans to carry before that, so the hub need not load OpenTelemetry's core until then.
 */
let propagator: TextMapPropagator | undefined;

export function useTracePropagator(w3c: TextMapPropagator): void {
  propagator = w3c;
}

const getter: TextMapGetter<Meta> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => (typeof carrier[key] === 'string' ? carrier[key] : undefined),
};

const setter: TextMapSetter<Meta> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** The client's trace context from `_meta`, or the root context when it sent none (or a malformed one). */
export function contextFromMeta(meta: Meta | undefined): Context {
  if (!meta || !propagator) return ROOT_CONTEXT;
  return propagator.extract(ROOT_CONTEXT, meta, getter);
}

/** `_meta` for the upstream request: the hub's current span as the parent, the rest as the client sent it. */
export function withTraceContext(meta: Meta | undefined): Meta | undefined {
  const active = context.active();
  const span = trace.getSpan(active);
  if (!span || !propagator || !trace.isSpanContextValid(span.spanContext())) return meta;
  const carrier: Meta = { ...meta };
  delete carrier.traceparent;
  delete carrier.tracestate;
  propagator.inject(active, carrier, setter);
  return carrier;
}
