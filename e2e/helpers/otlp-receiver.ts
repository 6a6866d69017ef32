// A stand-in for an OpenTelemetry Collector (none can be installed from the package registries
// reachable here): an OTLP/HTTP receiver on loopback in the test process that keeps every export
// it is sent, decoded from OTLP JSON (what @opentelemetry/exporter-*-otlp-http send), with the
// request headers. It decodes; it does not aggregate, so a test reads exactly what was sent.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface OtlpRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

type AnyValue = { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean };
type KeyValue = { key: string; value: AnyValue };

export interface ExportedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, string | number | boolean | undefined>;
  readonly status?: { code?: number; message?: string };
  readonly resource: Record<string, string | number | boolean | undefined>;
}

export interface MetricPoint {
  readonly name: string;
  readonly attributes: Record<string, string | number | boolean | undefined>;
  /** A sum's value, or a histogram's count. */
  readonly value: number;
}

export interface OtlpReceiver {
  readonly url: string;
  readonly requests: OtlpRequest[];
  spans(): ExportedSpan[];
  /** The data points of the last metrics export that has `name` (exports are cumulative). */
  lastPoints(name: string): MetricPoint[];
  close(): Promise<void>;
}

const plain = (value: AnyValue): string | number | boolean | undefined =>
  value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.doubleValue ?? value.boolValue;
const attributes = (list: KeyValue[] | undefined) => Object.fromEntries((list ?? []).map((kv) => [kv.key, plain(kv.value)]));

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: OtlpRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      if (!String(req.headers['content-type']).includes('application/json')) {
        res.writeHead(415).end();
        return;
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans() {
      const spans: ExportedSpan[] = [];
      for (const request of requests.filter((r) => r.path === '/v1/traces')) {
        for (const rs of (request.body.resourceSpans ?? []) as Array<{ resource?: { attributes?: KeyValue[] }; scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }> }>) {
          const resource = attributes(rs.resource?.attributes);
          for (const ss of rs.scopeSpans ?? []) {
            for (const span of ss.spans ?? []) {
              spans.push({
                traceId: span.traceId as string,
                spanId: span.spanId as string,
                parentSpanId: (span.parentSpanId as string | undefined) || undefined,
                name: span.name as string,
                kind: span.kind as number,
                attributes: attributes(span.attributes as KeyValue[]),
                status: span.status as ExportedSpan['status'],
                resource,
              });
            }
          }
        }
      }
      return spans;
    },
    lastPoints(name) {
      for (const request of requests.filter((r) => r.path === '/v1/metrics').reverse()) {
        const points: MetricPoint[] = [];
        for (const rm of (request.body.resourceMetrics ?? []) as Array<{ scopeMetrics?: Array<{ metrics?: Array<Record<string, unknown>> }> }>) {
          for (const sm of rm.scopeMetrics ?? []) {
            for (const metric of sm.metrics ?? []) {
              if (metric.name !== name) continue;
              const sum = metric.sum as { dataPoints?: Array<{ attributes?: KeyValue[]; asInt?: string | number; asDouble?: number }> } | undefined;
              const histogram = metric.histogram as { dataPoints?: Array<{ attributes?: KeyValue[]; count?: string | number }> } | undefined;
              for (const point of sum?.dataPoints ?? []) points.push({ name, attributes: attributes(point.attributes), value: Number(point.asInt ?? point.asDouble ?? 0) });
              for (const point of histogram?.dataPoints ?? []) points.push({ name, attributes: attributes(point.attributes), value: Number(point.count ?? 0) });
            }
          }
        }
        if (points.length > 0) return points;
      }
      return [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
