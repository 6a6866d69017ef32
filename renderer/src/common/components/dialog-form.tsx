// A dialog whose body is one form: Cancel and the submit button sit in the footer, outside the
// form, so the button names the form by id; Enter in a field submits as it would inside it.
import { useId } from 'react';
import { Dialog, type DialogProps } from './dialog.tsx';

export interface DialogFormProps extends Omit<DialogProps, 'footer'> {
  readonly submitLabel: string;
  readonly submitDisabled: boolean;
  /** Called on submit, after the browser's own submission is prevented. */
  readonly onSubmit: () => void;
  readonly formClassName: string;
  /** `off` for forms whose fields hold secrets. */
  readonly autoComplete?: 'off';
}

export function DialogForm({ submitLabel, submitDisabled, onSubmit, formClassName, autoComplete, children, ...dialog }: DialogFormProps) {
  const formId = useId();
  return (
    <Dialog
      {...dialog}
      footer={
        <>
          <button type="button" className="btn" onClick={dialog.onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className={formClassName}
        autoComplete={autoComplete}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
