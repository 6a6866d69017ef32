// Edits what `servers.set` may change (name, startup, whether clients share one process, roots, a
// bundled server's options, its sandbox and allowed hosts), and removes the server. Lists (roots, repos) are edited comma-separated.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { DialogConfirm } from '../../../common/components/dialog-confirm.tsx';
import { Field } from '../../../common/components/field.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { navigate } from '../../../common/lib/router.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { optionLabel } from '../lib/option-labels.ts';

const asText = (value: string | readonly string[]) => (typeof value === 'string' ? value : value.join(', '));

export function FormServerSettings({ server }: { readonly server: ServerStatus }) {
  // The bundled filesystem keeps its roots among its options; every other server has a `roots` setting of its own.
  const ownRoots = !('roots' in server.options);
  const initial: Record<string, string> = {
    name: server.name,
    startup: server.startup as string,
    ...(server.sessionsSettable ? { sessions: server.sessions as string } : {}),
    ...(ownRoots ? { roots: asText(server.roots) } : {}),
    ...Object.fromEntries(Object.entries(server.options).map(([k, v]) => [k, asText(v)])),
    ...(server.sandbox.settable ? { sandbox: server.sandbox.level, allowedHosts: server.sandbox.allowedHosts.join(', ') } : {}),
  };
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [removing, setRemoving] = useState(false);
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== initial[k]));
  const save = useAction(async () => hubStore.upsertServer(await control.call('servers.set', { id: server.id, values: changed })), 'Saved; the server restarts if it was running');
  const remove = useAction(async () => {
    const result = await control.call('servers.remove', { id: server.id });
    navigate('servers');
    return result;
  }, (r) => `Removed ${r.removed}${r.secretsDeleted ? ` and ${r.secretsDeleted} keychain secrets` : ''}`);

  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((prev) => ({ ...prev, [key]: e.target.value }));
  return (
    <div className="stack-lg">
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <Field label="Display name">{(p) => <input {...p} className="input" value={values.name ?? ''} onChange={set('name')} required maxLength={80} />}</Field>
        <Field label="Startup" hint="On demand: starts at its first call and stops when idle; its tool list is remembered.">
          {(p) => (
            <select {...p} className="select" value={values.startup} onChange={set('startup')}>
              <option value="eager">With the hub</option>
              <option value="on-demand">On demand</option>
            </select>
          )}
        </Field>
        {server.sessionsSettable && (
          <Field
            label="Clients"
            hint="One per client: each client session gets its own process at its first call (stopped when idle), so a server that asks its client for something (sampling, input, roots) or keeps state per session always deals with the right client."
          >
            {(p) => (
              <select {...p} className="select" value={values.sessions} onChange={set('sessions')}>
                <option value="shared">Share one process</option>
                <option value="per-client">One process per client session</option>
              </select>
            )}
          </Field>
        )}
        {ownRoots && (
          <Field label="Roots" hint="Comma-separated folders. The server gets them when it asks for roots on a session no single client owns; a per-client session gets its client's own roots.">
            {(p) => <input {...p} className="input mono" value={values.roots ?? ''} onChange={set('roots')} />}
          </Field>
        )}
        {server.sandbox.settable && (
          <Field
            label="Sandbox"
            hint="Standard: no other processes, keychain, MCP Tray data or protected paths; its folders writable only with write mode on. Strict: also no network but the allowed hosts. Changing it restarts the server."
          >
            {(p) => (
              <select {...p} className="select" value={values.sandbox} onChange={set('sandbox')}>
                <option value="standard">Standard</option>
                <option value="strict">Strict: no network but the allowed hosts</option>
                <option value="off">Off: runs as you</option>
              </select>
            )}
          </Field>
        )}
        {server.sandbox.settable && values.sandbox === 'strict' && (
          <Field label="Allowed hosts" hint="Comma-separated: api.github.com:443, *.example.com, 127.0.0.1:8080. Reached through MCP Tray’s proxy; nothing else is.">
            {(p) => <input {...p} className="input mono" value={values.allowedHosts ?? ''} onChange={set('allowedHosts')} />}
          </Field>
        )}
        {Object.keys(server.options).map((key) => (
          <Field key={key} label={optionLabel(key, Array.isArray(server.options[key])).label} hint={optionLabel(key, Array.isArray(server.options[key])).hint}>
            {(p) => <input {...p} className="input mono" value={values[key] ?? ''} onChange={set(key)} />}
          </Field>
        ))}
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={save.busy || Object.keys(changed).length === 0}>
            Save changes
          </button>
        </div>
      </form>
      <section className="danger-zone" aria-labelledby="danger-title">
        <h3 id="danger-title" className="section-label">
          Remove this server
        </h3>
        <p className="muted">Stops it, removes it from every client's tool list, and deletes its secrets from the keychain.</p>
        <button type="button" className="btn btn-ghost-danger" onClick={() => setRemoving(true)}>
          Remove {server.name}…
        </button>
      </section>
      {removing && (
        <DialogConfirm title={`Remove ${server.name}?`} confirmLabel="Remove server" tone="danger" busy={remove.busy} onCancel={() => setRemoving(false)} onConfirm={() => void remove.run().then(() => setRemoving(false))}>
          <p>Its definition and its keychain secrets are deleted. The call log keeps its past calls.</p>
        </DialogConfirm>
      )}
    </div>
  );
}
