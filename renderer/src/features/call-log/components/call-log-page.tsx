// Activity: every call, live, with filters, search, details and export (docs/call-log.md).
import { useMemo, useState } from 'react';
import type { LogEntry } from '../../../api/contract-types.ts';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { PageHeader } from '../../../common/components/page-header.tsx';
import { useDebouncedValue } from '../../../common/hooks/use-debounced-value.ts';
import { formatCount } from '../../../common/lib/format.ts';
import { hrefTo } from '../../../common/lib/router.ts';
import { useCallLog } from '../hooks/use-call-log.ts';
import { activeFilters, type LogFilters } from '../lib/log-filters.ts';
import { BarCallLogFilters } from './bar-call-log-filters.tsx';
import { ButtonsExport } from './buttons-export.tsx';
import { PaneCallDetail } from './pane-call-detail.tsx';
import { TableCallLog } from './table-call-log.tsx';
import '../call-log.css';

export function CallLogPage() {
  const [filters, setFilters] = useState<LogFilters>({});
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search, 250);
  const query = useMemo(() => activeFilters({ ...filters, search: debouncedSearch }), [filters, debouncedSearch]);
  const { snapshot, loadMore } = useCallLog(query);
  const [selected, setSelected] = useState<LogEntry | undefined>();

  const filtered = Object.keys(query).length > 0;

  return (
    <div className="page page-fill">
      <PageHeader title="Activity" description="Every call through MCP Tray, as it happens: who called what, with which arguments, what was decided and how it ended." actions={<ButtonsExport filters={query} />} />
      <BarCallLogFilters filters={filters} search={search} onSearch={setSearch} onChange={setFilters} entries={snapshot.entries} />
      <p className="result-count" data-testid="call-count" data-count={snapshot.total}>
        {snapshot.loading && snapshot.entries.length === 0 ? 'Loading…' : `${formatCount(snapshot.total)} ${snapshot.total === 1 ? 'call' : 'calls'}${filtered ? ' match' : ''}`}
        {snapshot.error && <span className="error-text"> — {snapshot.error}</span>}
      </p>
      <div className="call-log-body">
        {snapshot.entries.length === 0 && !snapshot.loading ? (
          filtered ? (
            <EmptyState title="No calls match these filters">
              <p>Clear a filter or change the search to see more.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No calls yet">
              <p>
                Calls appear here live as soon as a client uses a tool. Install MCP Tray into an IDE under <a href={hrefTo('clients')}>Clients</a>, then ask it to use one of
                your servers.
              </p>
            </EmptyState>
          )
        ) : (
          <TableCallLog entries={snapshot.entries} hasMore={snapshot.hasMore} loading={snapshot.loading} onLoadMore={loadMore} selected={selected} onSelect={setSelected} />
        )}
        {selected && <PaneCallDetail entry={selected} onClose={() => setSelected(undefined)} />}
      </div>
    </div>
  );
}
