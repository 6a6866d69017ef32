// The confirmation before write mode goes on: which write tools clients will see, and for "allow",
// that they will run without asking (the user must tick that they understand).
import type { ServerStatus } from '../../../api/contract-types.ts';
import { DialogConfirm } from '../../../common/components/dialog-confirm.tsx';

export interface DialogConfirmWriteModeProps {
  readonly server: ServerStatus;
  readonly mode: 'ask' | 'allow';
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function DialogConfirmWriteMode({ server, mode, busy, onConfirm, onCancel }: DialogConfirmWriteModeProps) {
  const writes = server.tools.filter((t) => t.class === 'write' && !t.disabled);
  const destructive = writes.filter((t) => t.annotations?.destructiveHint);
  const names = (list: typeof writes) => list.map((t) => t.name).join(', ');
  const toolLine =
    writes.length === 0 ? (
      <p>It lists no write tools right now; any it lists later will be covered too.</p>
    ) : (
      <p>
        Write tools ({writes.length}): <code className="wrap">{names(writes)}</code>
      </p>
    );

  if (mode === 'ask') {
    return (
      <DialogConfirm title={`Turn write mode on for ${server.name}?`} confirmLabel="Turn on (ask)" busy={busy} onConfirm={onConfirm} onCancel={onCancel} testId="confirm-write-mode">
        <p>Clients will see the write tools of {server.name} and can call them. Each call waits for your approval here, showing the exact arguments.</p>
        {toolLine}
      </DialogConfirm>
    );
  }
  return (
    <DialogConfirm
      title={`Let ${server.name} write without asking?`}
      confirmLabel="Allow without asking"
      tone="danger"
      busy={busy}
      acknowledge={`I understand that write calls to ${server.name} will run without my approval.`}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="confirm-write-mode"
    >
      <div className="callout callout-danger" role="note">
        With “allow”, every connected client can run these tools at once, with any arguments, and nothing asks you first. Calls are still logged.
      </div>
      {toolLine}
      {destructive.length > 0 && (
        <p>
          Destructive: <code className="wrap">{names(destructive)}</code>
        </p>
      )}
      <p className="muted">“Ask” keeps clients able to write, one approved call at a time.</p>
    </DialogConfirm>
  );
}
