// A file path that may be long: cut in the middle when it does not fit (the file name stays), the
// full path on hover, and a button that copies it.
import { useState } from 'react';
import { splitPath } from '../lib/middle-ellipsis.ts';
import { IconCopy } from './icon-copy.tsx';

export function PathText({ path, label = 'path' }: { readonly path: string; readonly label?: string }) {
  const [copied, setCopied] = useState(false);
  const { head, tail } = splitPath(path);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(path);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span className="path-text">
      <code className="path-text-value" title={path}>
        {head && <span className="path-text-head">{head}</span>}
        <span className="path-text-tail">{tail}</span>
      </code>
      <button type="button" className="btn btn-ghost btn-icon path-text-copy" onClick={() => void copy()} aria-label={`Copy the ${label}: ${path}`} title={copied ? 'Copied' : 'Copy'}>
        {copied ? '✓' : <IconCopy />}
      </button>
    </span>
  );
}
