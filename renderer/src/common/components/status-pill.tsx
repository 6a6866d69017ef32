// A state shown as text plus color (never color alone), with a shape that differs by tone.
export type Tone = 'ok' | 'busy' | 'warn' | 'error' | 'off' | 'info';

export interface StatusPillProps {
  readonly tone: Tone;
  readonly label: string;
  readonly title?: string;
  readonly testId?: string;
}

export function StatusPill({ tone, label, title, testId }: StatusPillProps) {
  return (
    <span className={`pill pill-${tone}`} title={title} data-testid={testId}>
      <span className="pill-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
