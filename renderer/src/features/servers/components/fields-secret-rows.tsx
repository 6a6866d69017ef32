// Secret env vars or headers of a new server: a name and a password field per row. The values go
// to the keychain when the server is added.
export interface SecretRow {
  readonly name: string;
  readonly value: string;
}

export function FieldsSecretRows({ kind, rows, onChange }: { readonly kind: 'env' | 'header'; readonly rows: readonly SecretRow[]; readonly onChange: (rows: readonly SecretRow[]) => void }) {
  const setRow = (index: number, patch: Partial<SecretRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const noun = kind === 'env' ? 'environment variable' : 'header';
  return (
    <fieldset className="field field-wide">
      <legend className="field-label">Secrets</legend>
      <p className="field-hint">Each secret {noun} is stored in the OS keychain, never in a file.</p>
      {rows.map((row, index) => (
        <div className="secret-row" key={index}>
          <input
            className="input mono"
            aria-label={`Secret ${noun} ${index + 1} name`}
            placeholder={kind === 'env' ? 'GITHUB_PERSONAL_ACCESS_TOKEN' : 'Authorization'}
            value={row.name}
            onChange={(e) => setRow(index, { name: e.target.value })}
          />
          <input
            className="input mono"
            type="password"
            autoComplete="new-password"
            aria-label={`Secret ${noun} ${index + 1} value`}
            placeholder="value"
            value={row.value}
            onChange={(e) => setRow(index, { value: e.target.value })}
          />
          <button type="button" className="btn btn-ghost btn-small" aria-label={`Remove secret ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { name: '', value: '' }])}>
          Add secret {noun}
        </button>
      </div>
    </fieldset>
  );
}
