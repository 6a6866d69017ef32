// The OpenTelemetry SDK objects for one configuration: a tracer provider and a meter provider that
// send OTLP/HTTP (JSON) to the collector in settings. Built when telemetry is turned on, shut down
// (flushing what is queued) when it is turned off, changed, or the hub stops.
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { TelemetrySettings } from '../settings/schema.ts';
import { HUB_VERSION } from '../version.ts';
import { useTracePropagator } from './trace-meta.ts';

/** How long a shutdown may wait for the collector before the hub goes on without it. */
const SHUTDOWN_WAIT_MS = 5000;
const SPAN_EXPORT_DELAY_MS = 1000;

export interface OtelPipeline {
  readonly tracerProvider: TracerProvider;
  readonly meterProvider: MeterProvider;
  shutdown(): Promise<void>;
}

let contextManagerSet = false;

/** A span's context must follow a call through its awaits: one AsyncLocalStorage manager per process. */
function ensureContextManager(): void {
  if (contextManagerSet) return;
  contextManagerSet = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  useTracePropagator(new W3CTraceContextPropagator());
}

export function otelPipeline(settings: TelemetrySettings, headers: Record<string, string>): OtelPipeline {
  ensureContextManager();
  const base = settings.endpoint.replace(/\/+$/, '');
  const resource = resourceFromAttributes({ 'service.name': settings.serviceName, 'service.version': HUB_VERSION });
  const tracerProvider = new TracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${base}/v1/traces`, headers }), scheduledDelayMillis: SPAN_EXPORT_DELAY_MS })],
  });
  const intervalMs = settings.metricIntervalSeconds * 1000;
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics`, headers }),
        exportIntervalMillis: intervalMs,
        exportTimeoutMillis: Math.min(30_000, intervalMs),
      }),
    ],
  });
  return {
    tracerProvider,
    meterProvider,
    shutdown: async () => {
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
      const flushed = Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]).then(() => undefined);
      await Promise.race([flushed, gaveUp]);
      clearTimeout(timer);
    },
  };
}
