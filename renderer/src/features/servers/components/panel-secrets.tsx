// The server's secrets: whether each is set, and set/replace/delete. Values go to the keychain
// once and are never shown, fetched or kept by the UI.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { SecretInfo, ServerStatus } from '../../../api/contract-types.ts';
import { DialogConfirm } from '../../../common/components/dialog-confirm.tsx';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { StatusPill } from '../../../common/components/status-pill.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { DialogFormSecret } from './dialog-form-secret.tsx';
import { DataTable } from '../../../common/components/data-table.tsx';

export function PanelSecrets({ server }: { readonly server: ServerStatus }) {
  const [editing, setEditing] = useState<SecretInfo | undefined>();
  const [deleting, setDeleting] = useState<SecretInfo | undefined>();
  const remove = useAction((secret: SecretInfo) => control.call('secrets.delete', { server: server.id, name: secret.name }), 'Secret deleted from the keychain');

  if (server.secrets.length === 0) {
    return (
      <EmptyState title="No secrets">
        <p>This server declares no secret environment variables or headers. Secrets are declared when a server is added; their values live in the OS keychain.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted">Values are stored in the OS keychain and never shown here. Setting one restarts the server so it picks it up.</p>
      <DataTable label={`Secrets of ${server.name}`} columns={['Name', 'Passed as', 'Status']} actions>
        {server.secrets.map((secret) => (
          <tr key={`${secret.kind}:${secret.name}`} data-testid={`secret-${secret.name}`}>
            <td>
              <code>{secret.name}</code>
            </td>
            <td>{secret.kind === 'env' ? 'environment variable' : secret.kind === 'header' ? 'HTTP header' : 'OAuth client secret (optional)'}</td>
            <td>{secret.set ? <StatusPill tone="ok" label="Set" /> : <StatusPill tone="warn" label="Not set" />}</td>
            <td className="cell-actions">
              <button type="button" className="btn btn-small" onClick={() => setEditing(secret)}>
                {secret.set ? 'Replace…' : 'Set…'}
              </button>
              {secret.set && (
                <button type="button" className="btn btn-small btn-ghost-danger" onClick={() => setDeleting(secret)} aria-label={`Delete ${secret.name}`}>
                  Delete
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {editing && <DialogFormSecret server={server} secret={editing} onClose={() => setEditing(undefined)} />}
      {deleting && (
        <DialogConfirm
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete from keychain"
          tone="danger"
          busy={remove.busy}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void remove.run(deleting).then(() => setDeleting(undefined))}
        >
          <p>
            {server.name} will not start without it until you set it again.
          </p>
        </DialogConfirm>
      )}
    </>
  );
}
