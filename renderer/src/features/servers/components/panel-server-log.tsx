// The live stderr of a server (and the hub's notes about it), following the end unless the user
// scrolled up to read.
import { useLayoutEffect, useRef } from 'react';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { formatClock } from '../../../common/lib/format.ts';
import { useServerLog } from '../hooks/use-server-log.ts';

export function PanelServerLog({ serverId }: { readonly serverId: string }) {
  const { lines, error } = useServerLog(serverId);
  const ref = useRef<HTMLDivElement>(null);
  const follow = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  if (error) return <p className="callout callout-danger">{error}</p>;
  if (lines.length === 0) {
    return (
      <EmptyState title="Nothing logged yet">
        <p>What the server writes to stderr appears here as it happens (the last 2,000 lines are kept).</p>
      </EmptyState>
    );
  }
  return (
    <div
      ref={ref}
      className="log-block"
      role="log"
      aria-label="Server log"
      tabIndex={0}
      data-testid="server-log"
      onScroll={(e) => {
        const el = e.currentTarget;
        follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.map((line, i) => (
        <div key={i} className={`log-line log-${line.stream}`}>
          <span className="log-time">{formatClock(line.at)}</span>
          <span className="log-text">{line.text}</span>
        </div>
      ))}
    </div>
  );
}
