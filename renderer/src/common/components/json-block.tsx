/** Arguments and previews, exactly as sent: pretty JSON in monospace, scrollable, selectable. */
export function JsonBlock({ value, label, testId }: { readonly value: unknown; readonly label: string; readonly testId?: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <pre className="json-block" aria-label={label} tabIndex={0} data-testid={testId}>
      {text}
    </pre>
  );
}
