// An on/off switch: a button with role="switch", its state in words beside it.
export interface SwitchToggleProps {
  readonly checked: boolean;
  readonly label: string;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
  readonly showState?: boolean;
}

export function SwitchToggle({ checked, label, onChange, disabled, showState = true }: SwitchToggleProps) {
  return (
    <button type="button" role="switch" aria-checked={checked} aria-label={label} className="switch" disabled={disabled} onClick={() => onChange(!checked)}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {showState && <span className="switch-text">{checked ? 'On' : 'Off'}</span>}
    </button>
  );
}
