// The approval modal over any view. It opens for pending requests this window has not set aside;
// Escape (or ×) sets the request aside without deciding it: it stays in the Approvals queue. When a
// request is decided elsewhere it leaves at once (approval-resolved).
import { useState } from 'react';
import { Dialog } from '../../../common/components/dialog.tsx';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { ActionsApproval } from './actions-approval.tsx';
import '../approvals.css';
import { ApprovalDetails } from './approval-details.tsx';

export function ModalApproval() {
  const approvals = useHub((s) => s.approvals);
  const [setAside, setSetAside] = useState<ReadonlySet<string>>(() => new Set());
  const waiting = approvals.filter((a) => !setAside.has(a.id));
  const current = waiting[0];
  if (!current) return null;

  const dismiss = () => setSetAside((prev) => new Set(prev).add(current.id));
  return (
    <Dialog
      key={current.id}
      title={
        <>
          Approve a write call?
          {waiting.length > 1 && <span className="muted title-suffix"> 1 of {waiting.length}</span>}
        </>
      }
      onClose={dismiss}
      size="large"
      className="approval-modal"
      testId="approval-modal"
    >
      <p className="lead">
        <strong>{current.clientLabel}</strong> wants to run <code>{current.tool}</code> on <strong>{current.server}</strong>. The call waits until you decide.
      </p>
      <ApprovalDetails approval={current} />
      <ActionsApproval approval={current} />
      <p className="hint">Escape closes this window without deciding; the request stays under Approvals.</p>
    </Dialog>
  );
}
