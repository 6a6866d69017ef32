// Export of the call log as the filters show it: every matching entry, fetched page by page from
// the hub, written as JSONL (one entry per line) or CSV, built here and saved through a Blob link.
import { control } from '../../../api/control-client.ts';
import type { LogEntry } from '../../../api/contract-types.ts';
import type { LogFilters } from './log-filters.ts';

const PAGE = 1000;

export async function fetchAllEntries(filters: LogFilters, onProgress: (count: number) => void): Promise<LogEntry[]> {
  const all: LogEntry[] = [];
  let before: number | undefined;
  do {
    const page = await control.call('callLog.query', { ...filters, limit: PAGE, ...(before !== undefined ? { before } : {}) });
    all.push(...page.entries);
    onProgress(all.length);
    before = page.nextBefore;
  } while (before !== undefined);
  return all;
}

export function toJsonl(entries: readonly LogEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

const COLUMNS: ReadonlyArray<[string, (e: LogEntry) => unknown]> = [
  ['seq', (e) => e.seq],
  ['id', (e) => e.id],
  ['startedAt', (e) => e.startedAt],
  ['durationMs', (e) => e.durationMs],
  ['clientId', (e) => e.clientId],
  ['clientLabel', (e) => e.clientLabel],
  ['clientName', (e) => e.clientName],
  ['clientVersion', (e) => e.clientVersion],
  ['transport', (e) => e.transport],
  ['sessionId', (e) => e.sessionId],
  ['serverId', (e) => e.serverId],
  ['method', (e) => e.method],
  ['target', (e) => e.target],
  ['arguments', (e) => JSON.stringify(e.arguments ?? null)],
  ['class', (e) => e.class],
  ['decision', (e) => e.decision],
  ['outcome', (e) => e.outcome],
  ['resultBytes', (e) => e.resultBytes],
  ['preview', (e) => e.preview],
  ['error', (e) => e.error],
  ['denyReason', (e) => e.denyReason],
];

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  // Quote what needs it; a leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: readonly LogEntry[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const entry of entries) lines.push(COLUMNS.map(([, get]) => csvCell(get(entry))).join(','));
  return lines.join('\r\n') + '\r\n';
}
