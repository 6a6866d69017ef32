import { useId, type ReactNode } from 'react';

/** A labelled form control with an optional hint; the control gets the id and aria-describedby. */
export function Field({ label, hint, children }: { readonly label: string; readonly hint?: ReactNode; readonly children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, 'aria-describedby': hintId })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
