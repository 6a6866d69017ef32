// Install into (or uninstall from) one client. A dry run first shows the exact file and the change
// (or the client CLI command); nothing is written until the user confirms.
import { useState } from 'react';
import type { ClientRow, InstallResult } from '../../../api/contract-types.ts';
import { Dialog } from '../../../common/components/dialog.tsx';
import { DiffBlock } from '../../../common/components/diff-block.tsx';
import { toastStore } from '../../../common/state/toast-store.ts';
import { useInstallChange } from '../hooks/use-install-change.ts';

export interface DialogInstallClientProps {
  readonly row: ClientRow;
  readonly mode: 'install' | 'uninstall';
  readonly onClose: () => void;
  readonly onDone: () => void;
}

export function DialogInstallClient({ row, mode, onClose, onDone }: DialogInstallClientProps) {
  const [http, setHttp] = useState(row.installed?.transport === 'http');
  const { preview, error, busy, apply } = useInstallChange(mode === 'install' ? { mode, params: { client: row.id, http } } : { mode, params: { client: row.id } });

  const confirm = async () => {
    const result = await apply();
    if (!result) return;
    toastStore.show('success', mode === 'install' ? `Installed into ${row.label}. ${(result as InstallResult).reload}` : `Removed MCP Tray from ${row.label}. ${row.reload}`);
    onDone();
    onClose();
  };

  const commands = preview?.commands ?? [];
  return (
    <Dialog
      title={mode === 'install' ? `Install MCP Tray into ${row.label}` : `Uninstall MCP Tray from ${row.label}`}
      onClose={onClose}
      size="large"
      testId="install-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={`btn ${mode === 'install' ? 'btn-primary' : 'btn-danger'}`} disabled={busy || !preview || !preview.changed} onClick={() => void confirm()}>
            {mode === 'install' ? 'Install' : 'Uninstall'}
          </button>
        </>
      }
    >
      <div className="stack">
        {mode === 'install' && row.http.supported && (
          <label className="checkbox-row">
            <input type="checkbox" checked={http} onChange={(e) => setHttp(e.target.checked)} />
            <span>Connect over HTTP with a per-client token (kept in the keychain) instead of the bridge</span>
          </label>
        )}
        {!preview && !error && <p role="status">Working out the change…</p>}
        {error && (
          <p className="callout callout-danger" role="alert">
            {error}
          </p>
        )}
        {preview && (
          <>
            <p>
              {preview.via === 'cli' ? 'Runs the client’s own CLI, which changes' : 'Changes only the “mcp-tray” entry in'} <code className="wrap">{preview.path}</code>
              {'backup' in preview || preview.changed ? '; the original is backed up first.' : '.'}
            </p>
            {commands.length > 0 && (
              <pre className="json-block" aria-label="Commands">
                {commands.join('\n')}
              </pre>
            )}
            <DiffBlock diff={preview.diff} label={`Change to ${preview.path}`} />
            {!preview.changed && <p className="muted">Nothing to change: it is already {mode === 'install' ? 'installed this way' : 'removed'}.</p>}
            {'notes' in preview && preview.notes.map((note) => <p key={note} className="muted">{note}</p>)}
            <p className="muted">Afterwards: {row.reload}</p>
          </>
        )}
      </div>
    </Dialog>
  );
}
