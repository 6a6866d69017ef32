// The persisted "always approve this tool for this client" rules, each revocable.
import { useCallback, useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { AlwaysRule } from '../../../api/contract-types.ts';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { formatDateTime } from '../../../common/lib/format.ts';
import { DataTable } from '../../../common/components/data-table.tsx';

export function TableRules() {
  const [rules, setRules] = useState<readonly AlwaysRule[] | undefined>();
  const load = useCallback(() => control.call('rules.list', {}).then(setRules, () => setRules([])), []);
  useEffect(() => void load(), [load]);
  const revoke = useAction(async (id: string) => {
    await control.call('rules.revoke', { id });
    await load();
  }, 'Rule revoked; that tool asks again');

  if (!rules) return <p role="status">Loading rules…</p>;
  if (rules.length === 0) {
    return (
      <EmptyState title="No “always approve” rules">
        <p>Choose “Always approve for …” on an approval to stop being asked for that tool and client. Rules show here, and you can revoke them.</p>
      </EmptyState>
    );
  }
  return (
    <DataTable label="Always-approve rules" columns={['Client', 'Server', 'Tool', 'Since']} actions>
      {rules.map((rule) => (
        <tr key={rule.id}>
          <td>{rule.clientId}</td>
          <td>{rule.serverId}</td>
          <td>
            <code>{rule.tool}</code>
          </td>
          <td>{formatDateTime(rule.createdAt)}</td>
          <td className="cell-actions">
            <button type="button" className="btn btn-small btn-ghost-danger" disabled={revoke.busy} onClick={() => void revoke.run(rule.id)} aria-label={`Revoke rule for ${rule.tool} (${rule.clientId})`}>
              Revoke
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
