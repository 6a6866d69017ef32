// The call log as JSONL (one entry per line, for tools) or CSV (for spreadsheets).
import type { LogEntry } from '../contract/call-log-shapes.ts';

const CSV_COLUMNS = [
  'seq', 'id', 'startedAt', 'durationMs', 'clientId', 'clientLabel', 'clientName', 'clientVersion', 'transport', 'sessionId',
  'serverId', 'method', 'target', 'arguments', 'class', 'decision', 'outcome', 'resultBytes', 'preview', 'error', 'denyReason', 'editedArguments', 'effectPreview',
] as const;

export function toJsonl(entries: readonly LogEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length ? '\n' : '');
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}

export function toCsvRows(entries: readonly LogEntry[]): string {
  return entries
    .map((entry) =>
      CSV_COLUMNS.map((column) => {
        const value = entry[column];
        return csvCell(column === 'arguments' ? JSON.stringify(value) : value === undefined ? '' : column === 'editedArguments' ? JSON.stringify(value) : String(value));
      }).join(','),
    )
    .join('\n') + (entries.length ? '\n' : '');
}

function csvCell(text: string): string {
  // Cells starting with = + - @ are formulas to spreadsheets; a leading quote keeps them text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
