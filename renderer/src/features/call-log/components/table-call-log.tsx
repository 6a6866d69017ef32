// The call log as a virtualized grid: only the rows in view exist in the page, so 50,000 entries
// scroll like 50. Arrow keys, Page Up/Down, Home and End move the selection; the selected call
// shows in the detail pane. When new calls arrive while the user has scrolled down, the rows they
// read stay where they are.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { LogEntry } from '../../../api/contract-types.ts';
import { StatusPill } from '../../../common/components/status-pill.tsx';
import { formatClock, formatDuration } from '../../../common/lib/format.ts';
import { decisionView, outcomeView } from '../lib/labels.ts';

const ROW_H = 30;
const HEADER_H = 30;
const COLUMNS = ['Time', 'Client', 'Server', 'Tool', 'Decision', 'Outcome', 'Duration'];

export interface TableCallLogProps {
  readonly entries: readonly LogEntry[];
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly onLoadMore: () => void;
  readonly selected?: LogEntry;
  readonly onSelect: (entry: LogEntry | undefined) => void;
}

export const TableCallLog = memo(function TableCallLog({ entries, hasMore, loading, onLoadMore, selected, onSelect }: TableCallLogProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 12,
    scrollMargin: HEADER_H,
    scrollPaddingStart: HEADER_H,
    // No getItemKey: rows have one fixed height, so measurements need no identity, and a new key
    // function on every render would make the virtualizer recompute all of them each time.
  });
  const items = virtualizer.getVirtualItems();

  // Keep what the user reads in place when new rows arrive on top. Whether the user scrolled away
  // from the top is tracked on scroll: reading scrollTop here would force a layout on every batch.
  const previousTop = useRef<number | undefined>(undefined);
  const scrolledAway = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = previousTop.current;
    previousTop.current = entries[0]?.seq;
    if (!el || before === undefined || !scrolledAway.current) return;
    let added = 0;
    while (added < entries.length && entries[added]!.seq > before) added++;
    if (added > 0 && added < entries.length) el.scrollTop += added * ROW_H;
  }, [entries]);

  // Page older entries in as the end comes into view.
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loading && lastIndex >= entries.length - 25) onLoadMore();
  }, [hasMore, loading, lastIndex, entries.length, onLoadMore]);

  const selectedIndex = selected ? entries.findIndex((e) => e.seq === selected.seq) : -1;
  const move = (index: number) => {
    const next = Math.max(0, Math.min(entries.length - 1, index));
    const entry = entries[next];
    if (!entry) return;
    onSelect(entry);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_H) / ROW_H) - 1);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const from = selectedIndex === -1 ? -1 : selectedIndex;
    const target =
      event.key === 'ArrowDown' ? from + 1 : event.key === 'ArrowUp' ? from - 1 : event.key === 'PageDown' ? from + pageRows : event.key === 'PageUp' ? from - pageRows : event.key === 'Home' ? 0 : event.key === 'End' ? entries.length - 1 : undefined;
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === 'Escape' && selected) {
      event.preventDefault();
      onSelect(undefined);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="call-grid"
      role="grid"
      aria-label="Calls, newest first"
      aria-rowcount={entries.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selectedIndex >= 0 ? `call-${selected!.seq}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => void (scrolledAway.current = e.currentTarget.scrollTop > 0)}
      data-testid="call-grid"
      data-rows={entries.length}
    >
      <div role="rowgroup" className="call-grid-head">
        <div role="row" aria-rowindex={1} className="call-row call-row-head">
          {COLUMNS.map((name) => (
            <div key={name} role="columnheader" className={`call-cell col-${name.toLowerCase()}`}>
              {name}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="call-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const entry = entries[item.index]!;
          return <CallRow key={entry.seq} entry={entry} index={item.index} top={item.start - HEADER_H} selected={entry.seq === selected?.seq} onSelect={onSelect} />;
        })}
      </div>
    </div>
  );
});

interface CallRowProps {
  readonly entry: LogEntry;
  readonly index: number;
  readonly top: number;
  readonly selected: boolean;
  readonly onSelect: (entry: LogEntry) => void;
}

const CallRow = memo(function CallRow({ entry, index, top, selected, onSelect }: CallRowProps) {
  const decision = decisionView(entry.decision);
  const outcome = outcomeView(entry.outcome);
  return (
    <div
      role="row"
      id={`call-${entry.seq}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="call-row"
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(entry)}
      data-testid="call-row"
    >
      <div role="gridcell" className="call-cell col-time mono">
        {formatClock(entry.startedAt)}
      </div>
      <div role="gridcell" className="call-cell col-client" title={entry.clientId}>
        {entry.clientLabel}
      </div>
      <div role="gridcell" className="call-cell col-server">
        {entry.serverId}
      </div>
      <div role="gridcell" className="call-cell col-tool mono" title={entry.target}>
        {entry.target}
      </div>
      <div role="gridcell" className="call-cell col-decision">
        {/* Reads are most of the log and need no attention: plain text, not a pill. */}
        {entry.decision === 'auto-read' ? <span className="quiet-decision">{decision.label}</span> : <StatusPill tone={decision.tone} label={decision.label} />}
      </div>
      <div role="gridcell" className="call-cell col-outcome">
        <StatusPill tone={outcome.tone} label={outcome.label} />
      </div>
      <div role="gridcell" className="call-cell col-duration mono">
        {formatDuration(entry.durationMs)}
      </div>
    </div>
  );
});
