// A long text (a tool's description) shown as two lines, with "more" to read the rest: a table of
// forty tools stays a table.
import { useState } from 'react';

const LONG = 140;

export function ClampedText({ text, className = '' }: { readonly text: string; readonly className?: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > LONG;
  return (
    <div className={className}>
      <div className={long && !open ? 'clamped' : undefined}>{text}</div>
      {long && (
        <button type="button" className="link-button small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}
