// The four decisions, each an explicit button. None is the default: no key press approves unless
// the user has moved focus onto an approve button. Buttons arm half a second after they appear,
// so a click or key meant for what was under the modal cannot decide it.
import { useEffect, useId, useState } from 'react';
import type { ApprovalInfo } from '../../../api/contract-types.ts';
import { useDecide, type Decision } from '../hooks/use-decide.ts';

const ARM_DELAY_MS = 500;

export function ActionsApproval({ approval, onDecided }: { readonly approval: ApprovalInfo; readonly onDecided?: () => void }) {
  const { decide, busy } = useDecide();
  const [reason, setReason] = useState('');
  const [armed, setArmed] = useState(false);
  const reasonId = useId();

  useEffect(() => {
    setArmed(false);
    const timer = setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [approval.id]);

  const run = (decision: Decision) => {
    void decide(approval.id, decision, decision === 'deny' ? reason.trim() : undefined).then(onDecided);
  };
  const disabled = busy || !armed;

  return (
    <div className="approval-actions">
      <div className="deny-reason">
        <label htmlFor={reasonId} className="field-label">
          Reason for denying <span className="muted">(optional, returned to the model)</span>
        </label>
        <input id={reasonId} className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-danger" disabled={disabled} onClick={() => run('deny')}>
          Deny
        </button>
        <span className="spacer" />
        <button type="button" className="btn" disabled={disabled} onClick={() => run('approve-always')} title={`Persisted rule for ${approval.clientLabel}; revoke it in Settings`}>
          Always approve for {approval.clientLabel}
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => run('approve-session')}>
          Approve for this session
        </button>
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => run('approve-once')}>
          Approve once
        </button>
      </div>
    </div>
  );
}
