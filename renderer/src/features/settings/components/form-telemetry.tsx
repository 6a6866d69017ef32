// OpenTelemetry export: off by default. Where to send (an OTLP/HTTP collector), under which service
// name, how often metrics go, whether arguments go on spans (redacted as in the call log), and the
// headers sent with each export; a secret header's value goes to the keychain and is never shown.
import { useCallback, useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { TelemetryInfo } from '../../../api/contract-types.ts';
import { SwitchToggle } from '../../../common/components/switch-toggle.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { RowSetting } from './row-setting.tsx';

type Editable = Pick<TelemetryInfo, 'enabled' | 'endpoint' | 'serviceName' | 'exportArguments' | 'metricIntervalSeconds'> & { headers: string };

const editable = (t: TelemetryInfo): Editable => ({
  enabled: t.enabled,
  endpoint: t.endpoint,
  serviceName: t.serviceName,
  exportArguments: t.exportArguments,
  metricIntervalSeconds: t.metricIntervalSeconds,
  headers: Object.entries(t.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n'),
});

/** "Name: value" lines → headers; a line without a colon is kept whole as a name, and the hub says why it is refused. */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon === -1) headers[line] = '';
    else headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function FormTelemetry() {
  const [info, setInfo] = useState<TelemetryInfo | undefined>();
  const load = useCallback(() => control.call('telemetry.get', {}).then(setInfo, () => undefined), []);
  useEffect(() => void load(), [load]);
  if (!info) return <p role="status">Loading telemetry settings…</p>;
  return <TelemetryFields key={JSON.stringify(info)} info={info} onSaved={setInfo} />;
}

function TelemetryFields({ info, onSaved }: { readonly info: TelemetryInfo; readonly onSaved: (info: TelemetryInfo) => void }) {
  const [draft, setDraft] = useState(() => editable(info));
  const [secret, setSecret] = useState({ name: '', value: '' });
  const save = useAction(async (d: Editable) => {
    const { headers, ...rest } = d;
    onSaved(await control.call('telemetry.update', { ...rest, headers: parseHeaders(headers) }));
  }, 'Telemetry settings saved');
  const keep = useAction(async (s: { name: string; value: string }) => {
    onSaved(await control.call('telemetry.secretHeader.set', { name: s.name.trim(), value: s.value }));
    setSecret({ name: '', value: '' });
  }, 'Header value kept in the keychain');
  const forget = useAction(async (name: string) => onSaved(await control.call('telemetry.secretHeader.delete', { name })), 'Secret header removed');
  const dirty = JSON.stringify(draft) !== JSON.stringify(editable(info));

  return (
    <>
      <form
        aria-label="Telemetry settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(draft);
        }}
      >
        <div className="setting-row">
          <div className="setting-text">
            <span className="field-label">Export traces and metrics</span>
            <p className="field-hint">A span per call (the approval wait as a child), and metrics for calls, latency, approval waits, server restarts and open sessions, sent over OTLP/HTTP.</p>
          </div>
          <div className="setting-control">
            <SwitchToggle checked={draft.enabled} label="Export traces and metrics" onChange={(on) => setDraft({ ...draft, enabled: on })} />
          </div>
        </div>
        <RowSetting label="Collector endpoint" hint="The OTLP/HTTP base address; traces go to /v1/traces, metrics to /v1/metrics under it.">
          {(p) => <input {...p} className="input" type="url" value={draft.endpoint} onChange={(e) => setDraft({ ...draft, endpoint: e.target.value })} />}
        </RowSetting>
        <RowSetting label="Service name" hint="How MCP Tray is named in your observability tool.">
          {(p) => <input {...p} className="input" value={draft.serviceName} onChange={(e) => setDraft({ ...draft, serviceName: e.target.value })} />}
        </RowSetting>
        <RowSetting label="Send metrics every (seconds)">
          {(p) => <input {...p} className="input input-narrow" type="number" min={1} max={3600} value={draft.metricIntervalSeconds} onChange={(e) => setDraft({ ...draft, metricIntervalSeconds: e.target.value === '' ? 0 : Number(e.target.value) })} />}
        </RowSetting>
        <RowSetting label="Headers" hint="One “Name: value” per line, sent with every export. Put tokens in the secret headers below instead.">
          {(p) => <textarea {...p} className="input" rows={2} spellCheck={false} value={draft.headers} onChange={(e) => setDraft({ ...draft, headers: e.target.value })} />}
        </RowSetting>
        <div className="setting-row">
          <div className="setting-text">
            <span className="field-label">Put arguments on spans</span>
            <p className="field-hint">Off by default. When on, each call’s arguments go on its span, redacted as in the call log.</p>
          </div>
          <div className="setting-control">
            <SwitchToggle checked={draft.exportArguments} label="Put arguments on spans" onChange={(on) => setDraft({ ...draft, exportArguments: on })} />
          </div>
        </div>
        <div className="panel-footer">
          {dirty && (
            <button type="button" className="btn btn-ghost" onClick={() => setDraft(editable(info))}>
              Discard changes
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={!dirty || save.busy}>
            Save telemetry
          </button>
        </div>
      </form>
      <div className="setting-text">
        <span className="field-label" id="telemetry-secrets-title">
          Secret headers
        </span>
        <p className="field-hint">Values are kept in the OS keychain and never shown again.</p>
      </div>
      {info.secretHeaders.length > 0 && (
        <ul className="telemetry-secrets" aria-labelledby="telemetry-secrets-title">
          {info.secretHeaders.map((h) => (
            <li key={h.name} className="telemetry-secret">
              <span>
                <code>{h.name}</code> {h.set ? '· set in the keychain' : '· no value in the keychain'}
              </span>
              <button type="button" className="btn btn-small btn-ghost-danger" disabled={forget.busy} onClick={() => void forget.run(h.name)} aria-label={`Remove secret header ${h.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="telemetry-secret-add"
        aria-label="Add a secret header"
        onSubmit={(e) => {
          e.preventDefault();
          void keep.run(secret);
        }}
      >
        <label htmlFor="telemetry-secret-name" className="visually-hidden">
          Header name
        </label>
        <input id="telemetry-secret-name" className="input" placeholder="Authorization" value={secret.name} onChange={(e) => setSecret({ ...secret, name: e.target.value })} />
        <label htmlFor="telemetry-secret-value" className="visually-hidden">
          Header value
        </label>
        <input id="telemetry-secret-value" className="input" type="password" autoComplete="off" placeholder="Value" value={secret.value} onChange={(e) => setSecret({ ...secret, value: e.target.value })} />
        <button type="submit" className="btn" disabled={keep.busy || !secret.name.trim() || !secret.value}>
          Keep in keychain
        </button>
      </form>
    </>
  );
}
