// Adds a server: a command (stdio) or a remote URL (Streamable HTTP), with plain env/headers and
// secret ones whose values go straight to the keychain. New servers start read-only.
import { useRef, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import { DialogForm } from '../../../common/components/dialog-form.tsx';
import { Field } from '../../../common/components/field.tsx';
import { navigate } from '../../../common/lib/router.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { toastStore } from '../../../common/state/toast-store.ts';
import { buildDefinition, slugify, type ServerDraft } from '../lib/build-definition.ts';
import { FieldsSecretRows, type SecretRow } from './fields-secret-rows.tsx';

const EMPTY: Omit<ServerDraft, 'secrets'> = { kind: 'stdio', id: '', name: '', startup: 'eager', command: '', args: '', pairs: '', url: '', oauthClientId: '', oauthScopes: '', sandbox: 'standard' };

function sandboxNote(server: { readonly sandbox: { readonly settable: boolean; readonly sandboxed: boolean; readonly level: string; readonly reason?: string } }): string {
  if (!server.sandbox.settable) return '';
  return server.sandbox.sandboxed ? ` Sandboxed (${server.sandbox.level}).` : ` Not sandboxed: ${server.sandbox.reason}.`;
}

/** What each sandbox level lets the server reach (docs/sandbox.md); its page then lists it exactly. */
const SANDBOX_HINTS = {
  standard:
    'It cannot see other processes, the keychain, MCP Tray’s data or your protected paths; it reads the rest of your files, writes only its package cache (its folders too once write mode is on), and has the network.',
  strict: 'As standard, and its network reaches only the hosts you list on its page (Settings → Allowed hosts), through MCP Tray’s proxy.',
  off: 'It runs with everything you can reach: your files, your keychain, other programs’ environments. Only for a server you trust like any program you run.',
} as const;

export function DialogFormAddServer({ onClose }: { readonly onClose: () => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const [idTouched, setIdTouched] = useState(false);
  const [secrets, setSecrets] = useState<readonly SecretRow[]>([]);
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);

  const update = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const stdio = draft.kind === 'stdio';

  const submit = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const definition = buildDefinition({ ...draft, secrets });
      const server = await control.call('servers.add', { definition });
      hubStore.upsertServer(server);
      let stored = 0;
      for (const secret of secrets) {
        if (!secret.name.trim() || !secret.value) continue;
        await control.call('secrets.set', { server: server.id, name: secret.name.trim(), value: secret.value });
        stored++;
      }
      if (server.kind === 'http' && draft.oauthClientId?.trim() && clientSecret) {
        await control.call('secrets.set', { server: server.id, name: 'oauth-client-secret', value: clientSecret });
        stored++;
      }
      const signIn = server.state === 'needs-sign-in' ? ' It needs you to sign in: use Sign in on its page.' : '';
      toastStore.show('success', `Added ${server.name}${stored ? `; ${stored} secret${stored > 1 ? 's' : ''} stored in the keychain` : ''}. Write mode is off.${sandboxNote(server)}${signIn}`);
      navigate('servers', server.id);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title="Add a server"
      onClose={onClose}
      size="large"
      initialFocus={firstField}
      testId="add-server-dialog"
      submitLabel="Add server"
      submitDisabled={busy}
      onSubmit={() => void submit()}
      formClassName="form-grid"
    >
      <fieldset className="field field-wide">
        <legend className="field-label">Kind</legend>
        <div className="radio-row">
          <label className="radio">
            <input type="radio" name="kind" checked={stdio} onChange={() => update({ kind: 'stdio', pairs: '' })} /> Command (stdio)
          </label>
          <label className="radio">
            <input type="radio" name="kind" checked={!stdio} onChange={() => update({ kind: 'http', pairs: '' })} /> Remote URL (Streamable HTTP)
          </label>
        </div>
      </fieldset>
      <Field label="Name">
        {(p) => <input {...p} ref={firstField} className="input" value={draft.name} maxLength={80} onChange={(e) => update({ name: e.target.value, ...(idTouched ? {} : { id: slugify(e.target.value) }) })} placeholder="GitHub" />}
      </Field>
      <Field label="Id" hint="Lowercase letters, digits and “-”, at most 24; used in the CLI and logs.">
        {(p) => <input {...p} className="input mono" value={draft.id} maxLength={24} onChange={(e) => (setIdTouched(true), update({ id: e.target.value }))} placeholder="github" required />}
      </Field>
      {stdio ? (
        <>
          <Field label="Command" hint="Run without a shell, with a small environment plus your login PATH.">
            {(p) => <input {...p} className="input mono" value={draft.command} onChange={(e) => update({ command: e.target.value })} placeholder="npx" required />}
          </Field>
          <Field label="Arguments" hint="One per line.">
            {(p) => <textarea {...p} className="textarea mono" rows={3} value={draft.args} onChange={(e) => update({ args: e.target.value })} placeholder={'-y\n@modelcontextprotocol/server-github'} />}
          </Field>
          <Field label="Environment" hint="KEY=VALUE per line, not secret. Put tokens under Secrets below.">
            {(p) => <textarea {...p} className="textarea mono" rows={2} value={draft.pairs} onChange={(e) => update({ pairs: e.target.value })} />}
          </Field>
          <Field label="Sandbox" hint={SANDBOX_HINTS[draft.sandbox ?? 'standard']}>
            {(p) => (
              <select {...p} className="select" value={draft.sandbox} onChange={(e) => update({ sandbox: e.target.value as 'standard' | 'strict' | 'off' })}>
                <option value="standard">Standard</option>
                <option value="strict">Strict: no network but the hosts you list</option>
                <option value="off">Off: runs as you</option>
              </select>
            )}
          </Field>
        </>
      ) : (
        <>
          <Field label="URL">
            {(p) => <input {...p} className="input mono" type="url" value={draft.url} onChange={(e) => update({ url: e.target.value })} placeholder="https://mcp.example.com/mcp" required />}
          </Field>
          <Field label="Headers" hint="Name: value per line, not secret. Put tokens under Secrets below.">
            {(p) => <textarea {...p} className="textarea mono" rows={2} value={draft.pairs} onChange={(e) => update({ pairs: e.target.value })} />}
          </Field>
          <fieldset className="field field-wide">
            <legend className="field-label">Sign-in (OAuth)</legend>
            <p className="field-hint">
              A server that asks for a sign-in gets a Sign in button; MCP Tray registers itself with its authorization server. Fill these in only if that server offers no
              registration and you registered a client there (redirect URI http://127.0.0.1/callback).
            </p>
            <div className="form-grid">
              <Field label="Client id">
                {(p) => <input {...p} className="input mono" value={draft.oauthClientId} onChange={(e) => update({ oauthClientId: e.target.value })} autoComplete="off" />}
              </Field>
              <Field label="Client secret" hint="Stored in the OS keychain; leave empty for a public client.">
                {(p) => <input {...p} className="input mono" type="password" autoComplete="new-password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} />}
              </Field>
              <Field label="Scopes" hint="Space-separated; only when the server does not say which.">
                {(p) => <input {...p} className="input mono" value={draft.oauthScopes} onChange={(e) => update({ oauthScopes: e.target.value })} />}
              </Field>
            </div>
          </fieldset>
        </>
      )}
      <Field label="Startup">
        {(p) => (
          <select {...p} className="select" value={draft.startup} onChange={(e) => update({ startup: e.target.value as ServerDraft['startup'] })}>
            <option value="eager">With the hub</option>
            <option value="on-demand">On demand (at first call)</option>
          </select>
        )}
      </Field>
      <FieldsSecretRows kind={stdio ? 'env' : 'header'} rows={secrets} onChange={setSecrets} />
      {error && (
        <p className="callout callout-danger field-wide" role="alert">
          {error}
        </p>
      )}
    </DialogForm>
  );
}
