// Control API: OpenTelemetry export (endpoint, service name, headers; header values named secret
// live in the keychain and are only ever said to be set or not).
import { z } from 'zod';
import { HeaderNameSchema, TelemetrySettingsSchema } from '../../settings/schema.ts';

export interface TelemetryInfo {
  enabled: boolean;
  endpoint: string;
  serviceName: string;
  headers: Record<string, string>;
  /** Headers whose values are in the keychain; `set` says whether a value is stored. */
  secretHeaders: Array<{ name: string; set: boolean }>;
  exportArguments: boolean;
  metricIntervalSeconds: number;
}

const fields = TelemetrySettingsSchema.shape;

export const telemetryRequests = {
  'telemetry.get': z.object({}).strict(),
  'telemetry.update': z
    .object({
      enabled: fields.enabled.unwrap().optional(),
      endpoint: fields.endpoint.unwrap().optional(),
      serviceName: fields.serviceName.unwrap().optional(),
      headers: fields.headers.unwrap().optional(),
      exportArguments: fields.exportArguments.unwrap().optional(),
      metricIntervalSeconds: fields.metricIntervalSeconds.unwrap().optional(),
    })
    .strict(),
  /** Stores a header's value in the keychain and names the header in settings. */
  'telemetry.secretHeader.set': z.object({ name: HeaderNameSchema, value: z.string().min(1).max(4096) }).strict(),
  'telemetry.secretHeader.delete': z.object({ name: HeaderNameSchema }).strict(),
} as const;

export interface TelemetryResults {
  'telemetry.get': TelemetryInfo;
  'telemetry.update': TelemetryInfo;
  'telemetry.secretHeader.set': TelemetryInfo;
  'telemetry.secretHeader.delete': TelemetryInfo;
}
