// Adds a catalog entry: how it will run, its id, the values it asks for, and its secrets (sent with
// the add and stored in the keychain before the server exists). What cannot run here says why.
import { useEffect, useRef, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { CatalogEntryInfo, CatalogInputInfo, Result } from '../../../api/contract-types.ts';
import { DialogForm } from '../../../common/components/dialog-form.tsx';
import { Field } from '../../../common/components/field.tsx';
import { navigate } from '../../../common/lib/router.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { toastStore } from '../../../common/state/toast-store.ts';
import { choiceLabel } from '../lib/entry-labels.ts';

type Shown = Result<'catalog.show'>;

export function DialogAddEntry({ entry, onClose, onAdded }: { readonly entry: CatalogEntryInfo; readonly onClose: () => void; readonly onAdded: () => void }) {
  const title = entry.title ?? entry.name.slice(entry.name.indexOf('/') + 1);
  const [choice, setChoice] = useState<string | undefined>();
  const [shown, setShown] = useState<Shown | undefined>();
  const [id, setId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const idField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    setError(undefined);
    control
      .call('catalog.show', { name: entry.name, version: entry.version, choice })
      .then((result) => {
        if (!live) return;
        setShown(result);
        if (result.plan) setId((current) => current || result.plan!.suggestedId);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [entry.name, entry.version, choice]);

  const plan = shown?.plan;
  const usable = shown?.entry.choices.filter((c) => !c.unsupported) ?? [];
  const picked = usable.find((c) => c.id === plan?.choice);
  const missingRuntime = picked?.runtimeMissing ? picked.runtime : undefined;
  const plain = plan?.inputs.filter((i) => !i.secret) ?? [];
  const secret = plan?.inputs.filter((i) => i.secret && (i.kind === 'env' || i.kind === 'header')) ?? [];

  const submit = async () => {
    if (!plan) return;
    setError(undefined);
    setBusy(true);
    try {
      const inputs = Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== '' && plain.some((i) => i.key === key)));
      const given = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== ''));
      const result = await control.call('catalog.add', { name: entry.name, version: entry.version, id: id.trim(), choice: plan.choice, inputs, secrets: given });
      hubStore.upsertServer(result.server);
      const stored = Object.keys(given).length;
      const signIn = result.server.state === 'needs-sign-in' ? ' It needs you to sign in: use Sign in on its page.' : '';
      toastStore.show('success', `Added ${result.server.name}${stored ? `; ${stored} secret${stored > 1 ? 's' : ''} stored in the keychain` : ''}. Write mode is off.${signIn}`);
      onAdded();
      onClose();
      navigate('servers', result.server.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={`Add ${title}`}
      onClose={onClose}
      size="large"
      initialFocus={idField}
      testId="add-entry-dialog"
      submitLabel="Add server"
      submitDisabled={busy || !plan || missingRuntime !== undefined}
      onSubmit={() => void submit()}
      formClassName="form-grid"
    >
      <p className="field-wide muted">
        <code>{entry.name}</code> {entry.version}
        {shown?.source === 'offline' ? ' · from the offline snapshot' : ''}
      </p>
      {usable.length > 1 && (
        <Field label="Runs as">
          {(p) => (
            <select {...p} className="select" value={plan?.choice ?? ''} onChange={(e) => setChoice(e.target.value)}>
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {choiceLabel(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Id" hint="Lowercase letters, digits and “-”, at most 24; used in the CLI and logs.">
        {(p) => <input {...p} ref={idField} className="input mono" value={id} maxLength={24} onChange={(e) => setId(e.target.value)} required />}
      </Field>
      {plan && (
        <div className="field field-wide">
          <span className="field-label">Runs</span>
          <code className="wrap catalog-launch" data-testid="catalog-launch">
            {plan.launch || '—'}
          </code>
          <p className="field-hint">Version pinned. Started without a shell, read-only until you turn write mode on.</p>
        </div>
      )}
      {missingRuntime && (
        <p className="callout callout-warn field-wide" role="status">
          {missingRuntime} is not installed (not on your login PATH), so this cannot run here. Install it, or pick another way to run it above.
        </p>
      )}
      {plain.map((input) => (
        <InputField key={`${input.kind}:${input.key}`} input={input} value={values[input.key] ?? ''} onChange={(value) => setValues((v) => ({ ...v, [input.key]: value }))} />
      ))}
      {secret.length > 0 && (
        <fieldset className="field field-wide">
          <legend className="field-label">Secrets</legend>
          <p className="field-hint">Stored in the OS keychain, never in settings or logs.</p>
          <div className="form-grid">
            {secret.map((input) => (
              <Field
                key={input.key}
                label={`${input.key}${input.required ? '' : ' (optional)'}`}
                hint={[input.description, input.template ? `Stored as ${input.template.replace(`{${input.variable}}`, `<${input.variable}>`)}: enter the ${input.variable}.` : undefined].filter(Boolean).join(' ')}
              >
                {(p) => (
                  <input
                    {...p}
                    className="input mono"
                    type="password"
                    autoComplete="new-password"
                    required={input.required}
                    value={secrets[input.key] ?? ''}
                    onChange={(e) => setSecrets((s) => ({ ...s, [input.key]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      {plan?.notes.map((note) => (
        <p key={note} className="field-wide muted">
          Note: {note}
        </p>
      ))}
      {shown?.problem && (
        <p className="callout callout-danger field-wide" role="alert">
          Cannot be added: {shown.problem}
        </p>
      )}
      {error && (
        <p className="callout callout-danger field-wide" role="alert">
          {error}
        </p>
      )}
    </DialogForm>
  );
}

function InputField({ input, value, onChange }: { readonly input: CatalogInputInfo; readonly value: string; readonly onChange: (value: string) => void }) {
  const hint = [input.description, input.default !== undefined && !input.choices ? `Default: ${input.default}` : undefined].filter(Boolean).join(' · ') || undefined;
  return (
    <Field label={`${input.key}${input.required && input.default === undefined ? '' : ' (optional)'}`} hint={hint}>
      {(p) =>
        input.choices ? (
          <select {...p} className="select" value={value || input.default || ''} onChange={(e) => onChange(e.target.value)}>
            {!input.required && <option value="">(none)</option>}
            {input.choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...p}
            className="input mono"
            value={value}
            placeholder={input.placeholder ?? input.default ?? ''}
            required={input.required && input.default === undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
