/** A unified diff, added and removed lines marked by color and by their +/- sign. */
export function DiffBlock({ diff, label }: { readonly diff: string; readonly label: string }) {
  if (!diff.trim()) return <p className="muted">No change to the file.</p>;
  return (
    <pre className="diff-block" aria-label={label} tabIndex={0}>
      {diff.split('\n').map((line, i) => (
        <span key={i} className={line.startsWith('+') && !line.startsWith('+++') ? 'diff-add' : line.startsWith('-') && !line.startsWith('---') ? 'diff-del' : line.startsWith('@@') ? 'diff-hunk' : undefined}>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
