// Sets or replaces one secret. The value stays in the password field only (not in React state or an
// attribute) until it is sent, once, to the keychain; then the field is cleared and the form is gone.
import { useRef, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { SecretInfo, ServerStatus } from '../../../api/contract-types.ts';
import { DialogForm } from '../../../common/components/dialog-form.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';

export function DialogFormSecret({ server, secret, onClose }: { readonly server: ServerStatus; readonly secret: SecretInfo; readonly onClose: () => void }) {
  const [hasValue, setHasValue] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const save = useAction(async () => {
    const field = input.current;
    if (!field?.value) return;
    await control.call('secrets.set', { server: server.id, name: secret.name, value: field.value });
    field.value = '';
    onClose();
  }, `${secret.name} saved to the keychain`);

  return (
    <DialogForm
      title={`${secret.set ? 'Replace' : 'Set'} ${secret.name}`}
      onClose={onClose}
      size="small"
      initialFocus={input}
      testId="secret-dialog"
      submitLabel="Save to keychain"
      submitDisabled={save.busy || !hasValue}
      onSubmit={() => void save.run()}
      formClassName="stack"
      autoComplete="off"
    >
      <p className="muted">
        The {secret.kind === 'env' ? 'environment variable' : 'header'} {secret.name} of {server.name}. It is stored in the OS keychain and never shown again.
      </p>
      <div className="field">
        <label htmlFor="secret-value" className="field-label">
          Value
        </label>
        <input
          id="secret-value"
          ref={input}
          className="input mono"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          onChange={(e) => setHasValue(e.target.value.length > 0)}
          data-testid="secret-value"
        />
      </div>
    </DialogForm>
  );
}
