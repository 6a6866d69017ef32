import type { ReactNode } from 'react';

/** A small label beside a name: "write", "destructive", "user override". */
export function Badge({ tone = 'neutral', children, title }: { readonly tone?: 'neutral' | 'write' | 'danger' | 'accent'; readonly children: ReactNode; readonly title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
