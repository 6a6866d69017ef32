// The four decisions, each an explicit button. None is the default: no key press approves unless
// the user has moved focus onto an approve button. Buttons arm half a second after they appear,
// so a click or key meant for what was under the modal cannot decide it. "Edit arguments" lets the
// user approve this one call with arguments of their own (the hub checks them against the tool's
// input schema; a refusal is shown here and the call keeps waiting).
import { useEffect, useId, useState } from 'react';
import type { ApprovalInfo } from '../../../api/contract-types.ts';
import { useDecide, type Decision } from '../hooks/use-decide.ts';
import { editableText, parseEditedArguments } from '../lib/edited-arguments.ts';

const ARM_DELAY_MS = 500;

export function ActionsApproval({ approval, onDecided }: { readonly approval: ApprovalInfo; readonly onDecided?: () => void }) {
  const { decide, busy } = useDecide();
  const [reason, setReason] = useState('');
  const [armed, setArmed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(() => editableText(approval.arguments));
  const [problem, setProblem] = useState<string | undefined>();
  const reasonId = useId();
  const editorId = useId();
  const problemId = useId();

  useEffect(() => {
    setArmed(false);
    setEditing(false);
    setText(editableText(approval.arguments));
    setProblem(undefined);
    const timer = setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [approval.id, approval.arguments]);

  const run = (decision: Decision) => {
    void decide(approval.id, decision, decision === 'deny' ? reason.trim() : undefined).then(() => onDecided?.());
  };
  const runEdited = () => {
    const parsed = parseEditedArguments(text);
    if ('error' in parsed) return setProblem(parsed.error);
    setProblem(undefined);
    void decide(approval.id, 'approve-once', undefined, parsed.value).then((refused) => (refused ? setProblem(refused) : onDecided?.()));
  };
  const disabled = busy || !armed;

  return (
    <div className="approval-actions">
      {editing ? (
        <div className="edit-arguments" data-testid="edit-arguments">
          <label htmlFor={editorId} className="field-label">
            Arguments to run with <span className="muted">(JSON; the client is told they were edited)</span>
          </label>
          <textarea
            id={editorId}
            className="textarea mono"
            rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
            value={text}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(undefined);
            }}
          />
          {problem && (
            <p id={problemId} className="edit-arguments-problem" role="alert" data-testid="edit-arguments-problem">
              {problem}
            </p>
          )}
        </div>
      ) : (
        <div className="deny-reason">
          <label htmlFor={reasonId} className="field-label">
            Reason for denying <span className="muted">(optional, returned to the model)</span>
          </label>
          <input id={reasonId} className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
        </div>
      )}
      {editing ? (
        <div className="button-row">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              setEditing(false);
              setProblem(undefined);
              setText(editableText(approval.arguments));
            }}
          >
            Cancel edits
          </button>
          <span className="spacer" />
          <button type="button" className="btn btn-primary" disabled={disabled} onClick={runEdited}>
            Approve once with these arguments
          </button>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="btn btn-danger" disabled={disabled} onClick={() => run('deny')}>
            Deny
          </button>
          <button type="button" className="btn" disabled={disabled} onClick={() => setEditing(true)}>
            Edit arguments
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
      )}
    </div>
  );
}
