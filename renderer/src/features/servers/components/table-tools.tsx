// A server's tools: how each is classed (and why), whether clients see it, and the user's
// overrides: class read/write (or the server's own hint), and disabled. Treating as read a tool the
// server does not mark read-only asks first, like turning write mode on.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ServerStatus, ToolInfo } from '../../../api/contract-types.ts';
import { Badge } from '../../../common/components/badge.tsx';
import { DialogConfirm } from '../../../common/components/dialog-confirm.tsx';
import { ClampedText } from '../../../common/components/clamped-text.tsx';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { hubStore } from '../../../common/state/hub-store.ts';

type Change = { class?: 'read' | 'write' | null; disabled?: boolean; confirm?: 'read' };

export function TableTools({ server }: { readonly server: ServerStatus }) {
  const override = useAction(async (tool: string, change: Change) => hubStore.upsertServer(await control.call('servers.toolOverride', { id: server.id, tool, ...change })));
  const [confirming, setConfirming] = useState<ToolInfo | undefined>();
  const change = (tool: ToolInfo, next: Change) => {
    if (next.class === 'read' && tool.annotations?.readOnlyHint !== true) setConfirming(tool);
    else void override.run(tool.name, next);
  };
  if (server.tools.length === 0) {
    return (
      <EmptyState title="No tools listed">
        <p>{server.state === 'running' ? 'The server is running but lists no tools.' : 'Tools appear once the server has started and listed them.'}</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table" aria-label={`Tools of ${server.name}`}>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Class</th>
            <th scope="col">Your choice</th>
          </tr>
        </thead>
        <tbody>
          {server.tools.map((tool) => (
            <ToolRow key={tool.name} tool={tool} busy={override.busy} onChange={(next) => change(tool, next)} />
          ))}
        </tbody>
      </table>
      {confirming && (
        <DialogConfirm
          title={`Treat ${confirming.name} as a read tool?`}
          confirmLabel="Treat as read"
          tone="danger"
          busy={override.busy}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            const tool = confirming;
            setConfirming(undefined);
            void override.run(tool.name, { class: 'read', confirm: 'read' });
          }}
          testId="confirm-treat-as-read"
        >
          <p>
            {server.name} {confirming.annotations?.destructiveHint ? 'marks this tool destructive' : 'does not mark this tool read-only'}. As a read tool, every
            connected client can call it with write mode off, and no call waits for your approval.
          </p>
          <p className="muted">The change is recorded in the server's log.</p>
        </DialogConfirm>
      )}
    </div>
  );
}

function ToolRow({ tool, busy, onChange }: { tool: ToolInfo; busy: boolean; onChange: (change: Change) => void }) {
  const serverSays = tool.annotations?.readOnlyHint ? 'read' : 'write';
  return (
    <tr className="tool-row">
      <td>
        <div className="tool-name">
          <code>{tool.name}</code>
          {tool.exposedName !== tool.name && <span className="muted"> as {tool.exposedName}</span>}
          {tool.annotations?.destructiveHint && <Badge tone="danger">destructive</Badge>}
        </div>
        {tool.description && <ClampedText text={tool.description} className="tool-description" />}
      </td>
      <td>
        <Badge tone={tool.class === 'write' ? 'write' : 'neutral'}>{tool.class}</Badge>
        <div className="muted small">{tool.classSource === 'user' ? 'your choice' : 'server hint'}</div>
        <div className="small">{tool.listed ? 'clients see it' : <span className="muted">{tool.disabled ? 'hidden: disabled' : 'hidden: write mode off'}</span>}</div>
      </td>
      <td>
        <select
          className="select select-small tool-class-select"
          aria-label={`Treat ${tool.name} as`}
          value={tool.classSource === 'user' ? tool.class : 'auto'}
          disabled={busy}
          onChange={(e) => onChange({ class: e.target.value === 'auto' ? null : (e.target.value as 'read' | 'write') })}
        >
          <option value="auto">Auto ({serverSays})</option>
          <option value="read">Read</option>
          <option value="write">Write</option>
        </select>
        <label className="check-label small">
          <input type="checkbox" aria-label={`Enable ${tool.name}`} checked={!tool.disabled} disabled={busy} onChange={(e) => onChange({ disabled: !e.target.checked })} />
          Enabled
        </label>
      </td>
    </tr>
  );
}
