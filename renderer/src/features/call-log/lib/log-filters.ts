// The call log filters of the Activity view, and the same test the hub applies, for entries that arrive live.
import type { LogEntry } from '../../../api/contract-types.ts';

export interface LogFilters {
  readonly server?: string;
  readonly client?: string;
  readonly decision?: string;
  readonly outcome?: string;
  readonly search?: string;
}

export function activeFilters(filters: LogFilters): LogFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as LogFilters;
}

/** Substring search over tool, arguments and preview, case-insensitive, as the hub's trigram index. */
export function matchesFilters(entry: LogEntry, filters: LogFilters): boolean {
  if (filters.server && entry.serverId !== filters.server) return false;
  if (filters.client && entry.clientId !== filters.client) return false;
  if (filters.decision && entry.decision !== filters.decision) return false;
  if (filters.outcome && entry.outcome !== filters.outcome) return false;
  const search = filters.search?.trim().toLowerCase();
  if (search) {
    const haystack = `${entry.target}\n${JSON.stringify(entry.arguments ?? null)}\n${entry.preview}`.toLowerCase();
    if (!haystack.includes(search)) return false;
  }
  return true;
}
