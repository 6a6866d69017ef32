import { useId, type ReactNode } from 'react';

/** One setting: what it is and what it does on the left, its control on the right. */
export function RowSetting({ label, hint, children }: { readonly label: string; readonly hint?: ReactNode; readonly children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="setting-row">
      <div className="setting-text">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
      <div className="setting-control">{children({ id, 'aria-describedby': hintId })}</div>
    </div>
  );
}
