// The call log filters of the Activity view: server, client, decision, outcome, and a search over tool, arguments and
// result preview. The choices come from the hub's servers, the connected clients and the clients
// seen in the loaded log.
import { useMemo } from 'react';
import type { LogEntry, SessionInfo } from '../../../api/contract-types.ts';
import { useHub } from '../../../common/hooks/use-hub.ts';
import type { LogFilters } from '../lib/log-filters.ts';
import { DECISIONS, OUTCOMES } from '../lib/labels.ts';

export interface BarCallLogFiltersProps {
  readonly filters: LogFilters;
  readonly search: string;
  readonly onSearch: (text: string) => void;
  readonly onChange: (filters: LogFilters) => void;
  readonly entries: readonly LogEntry[];
}

export function BarCallLogFilters({ filters, search, onSearch, onChange, entries }: BarCallLogFiltersProps) {
  const hubServers = useHub((s) => s.servers);
  const sessions = useHub((s) => s.sessions);
  const servers = useMemo(() => [...new Set([...hubServers.map((s) => s.id), ...(filters.server ? [filters.server] : [])])].sort(), [hubServers, filters.server]);
  const clients = useClientOptions(sessions, entries, filters.client);
  const set = (key: keyof LogFilters) => (e: React.ChangeEvent<HTMLSelectElement>) => onChange({ ...filters, [key]: e.target.value || undefined });
  const any = filters.server || filters.client || filters.decision || filters.outcome || search;
  return (
    <div className="filter-bar" role="search" aria-label="Filter calls">
      <input type="search" className="input filter-search" placeholder="Search tool, arguments, result…" aria-label="Search calls" value={search} onChange={(e) => onSearch(e.target.value)} />
      <select className="select" aria-label="Server" value={filters.server ?? ''} onChange={set('server')}>
        <option value="">All servers</option>
        {servers.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Client" value={filters.client ?? ''} onChange={set('client')}>
        <option value="">All clients</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label === c.id ? c.id : `${c.label} (${c.id})`}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Decision" value={filters.decision ?? ''} onChange={set('decision')}>
        <option value="">All decisions</option>
        {Object.entries(DECISIONS).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Outcome" value={filters.outcome ?? ''} onChange={set('outcome')}>
        <option value="">All outcomes</option>
        {Object.entries(OUTCOMES).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {any && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            onSearch('');
            onChange({});
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}

/** Clients to filter by: connected ones, ones seen in the newest loaded calls, and the current choice. */
function useClientOptions(sessions: readonly SessionInfo[], entries: readonly LogEntry[], current?: string) {
  return useMemo(() => {
    const byId = new Map<string, string>();
    for (const s of sessions) byId.set(s.id, s.label);
    for (const e of entries.slice(0, 2000)) if (!byId.has(e.clientId)) byId.set(e.clientId, e.clientLabel);
    if (current && !byId.has(current)) byId.set(current, current);
    return [...byId].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [sessions, entries, current]);
}
