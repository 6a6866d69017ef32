// Asks before something consequential. With `acknowledge`, the confirm button stays disabled until
// the user ticks a box saying they understand (used for write mode "allow").
import { useState, type ReactNode } from 'react';
import { Dialog } from './dialog.tsx';

export interface DialogConfirmProps {
  readonly title: ReactNode;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly tone?: 'primary' | 'danger' | 'warning';
  readonly acknowledge?: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId?: string;
}

export function DialogConfirm({ title, children, confirmLabel, tone = 'primary', acknowledge, busy, onConfirm, onCancel, testId }: DialogConfirmProps) {
  const [acknowledged, setAcknowledged] = useState(false);
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      size="small"
      testId={testId}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={`btn btn-${tone}`} disabled={busy || (acknowledge !== undefined && !acknowledged)} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="stack">{children}</div>
      {acknowledge && (
        <label className="checkbox-row">
          <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          <span>{acknowledge}</span>
        </label>
      )}
    </Dialog>
  );
}
