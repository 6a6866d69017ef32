// Import the servers a client already configures: choose which, see which plaintext tokens move to
// the keychain, then MCP Tray takes them over and puts its own entry in the client (after a backup).
import { useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ClientRow, ImportableResult, ImportResult } from '../../../api/contract-types.ts';
import { Dialog } from '../../../common/components/dialog.tsx';
import { DiffBlock } from '../../../common/components/diff-block.tsx';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { hubStore } from '../../../common/state/hub-store.ts';

export function DialogImportServers({ row, onClose, onDone }: { readonly row: ClientRow; readonly onClose: () => void; readonly onDone: () => void }) {
  const [found, setFound] = useState<ImportableResult | undefined>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [deleteBackup, setDeleteBackup] = useState(false);
  const [result, setResult] = useState<ImportResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    control.call('clients.importable', { client: row.id }).then(
      (r) => {
        setFound(r);
        setChosen(new Set(r.servers.filter((s) => s.importable).map((s) => s.key)));
      },
      (e: Error) => setError(e.message),
    );
  }, [row.id]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await control.call('clients.import', { client: row.id, servers: [...chosen], deleteBackup }));
      void hubStore.reload();
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const withSecrets = found?.servers.filter((s) => chosen.has(s.key) && s.secrets.length > 0).length ?? 0;

  return (
    <Dialog
      title={`Import servers from ${row.label}`}
      onClose={onClose}
      size="large"
      testId="import-dialog"
      footer={
        result ? (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || chosen.size === 0} onClick={() => void run()}>
              Import {chosen.size || ''}
            </button>
          </>
        )
      }
    >
      {error && (
        <p className="callout callout-danger" role="alert">
          {error}
        </p>
      )}
      {!found && !error && <p role="status">Reading {row.label}’s configuration…</p>}
      {found && !result && found.servers.length === 0 && (
        <EmptyState title="Nothing to import">
          <p>
            <code>{found.path}</code> configures no servers besides MCP Tray.
          </p>
        </EmptyState>
      )}
      {found && !result && found.servers.length > 0 && (
        <div className="stack">
          <p>
            From <code className="wrap">{found.path}</code>. Imported servers start read-only (write mode off); their plaintext tokens move to the OS keychain, and{' '}
            {row.label} gets the single “mcp-tray” entry instead.
          </p>
          <ul className="check-list">
            {found.servers.map((s) => (
              <li key={s.key}>
                <label className="checkbox-row">
                  <input type="checkbox" disabled={!s.importable} checked={chosen.has(s.key)} onChange={(e) => toggle(s.key, e.target.checked)} />
                  <span>
                    <strong>{s.key}</strong> <span className="muted">→ {s.suggestedId}</span>
                    <div className="mono small wrap">{s.kind === 'http' ? s.url : [s.command, ...(s.args ?? [])].join(' ')}</div>
                    {s.secrets.length > 0 && <div className="small">to the keychain: {s.secrets.join(', ')}</div>}
                    {!s.importable && <div className="small error-text">{s.reason}</div>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {withSecrets > 0 && (
            <label className="checkbox-row">
              <input type="checkbox" checked={deleteBackup} onChange={(e) => setDeleteBackup(e.target.checked)} />
              <span>Delete the backup of the old file afterwards (it holds the plaintext tokens)</span>
            </label>
          )}
        </div>
      )}
      {result && (
        <div className="stack">
          <p role="status">
            Imported {result.imported.length} {result.imported.length === 1 ? 'server' : 'servers'}: {result.imported.map((i) => i.id).join(', ') || 'none'}.
          </p>
          {result.skipped.map((s) => (
            <p key={s.key} className="muted">
              Skipped {s.key}: {s.reason}
            </p>
          ))}
          {result.backupsWithSecrets.length > 0 && (
            <p className="callout callout-warn">These backups still hold plaintext tokens: {result.backupsWithSecrets.join(', ')}</p>
          )}
          <DiffBlock diff={result.diff} label={`Change to ${result.path}`} />
          <p className="muted">Afterwards: {result.reload}</p>
        </div>
      )}
    </Dialog>
  );
}
