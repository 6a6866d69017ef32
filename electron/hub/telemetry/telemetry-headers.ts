// The headers sent with every export: the plain ones from settings, and those named secret, read
// from the keychain (account `telemetry:header:<name>`). Secret values become known secrets, so
// logs and the call log redact them.
import type { KnownSecrets } from '../call-log/redact.ts';
import { accounts, type SecretStore } from '../secrets/keychain.ts';
import type { TelemetrySettings } from '../settings/schema.ts';

export interface ExportHeaders {
  readonly headers: Record<string, string>;
  /** Secret headers named in settings whose value could not be read (the export goes without them). */
  readonly missing: string[];
}

export async function exportHeaders(settings: TelemetrySettings, keychain: SecretStore, known: KnownSecrets): Promise<ExportHeaders> {
  const headers = { ...settings.headers };
  const missing: string[] = [];
  if (settings.secretHeaders.length === 0) return { headers, missing };
  const available = (await keychain.status()).available;
  for (const name of settings.secretHeaders) {
    const value = available ? await keychain.get(accounts.telemetryHeader(name)).catch(() => null) : null;
    if (value === null) {
      missing.push(name);
      continue;
    }
    known.add(value);
    headers[name] = value;
  }
  return { headers, missing };
}
