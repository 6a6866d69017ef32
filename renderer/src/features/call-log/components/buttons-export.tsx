// Export what the filters show, as JSONL or CSV.
import { useState } from 'react';
import { downloadText } from '../../../common/lib/download.ts';
import { formatCount } from '../../../common/lib/format.ts';
import { toastStore } from '../../../common/state/toast-store.ts';
import { fetchAllEntries, toCsv, toJsonl } from '../lib/export-log.ts';
import type { LogFilters } from '../lib/log-filters.ts';

export function ButtonsExport({ filters }: { readonly filters: LogFilters }) {
  const [progress, setProgress] = useState<number | undefined>();
  const run = async (format: 'jsonl' | 'csv') => {
    setProgress(0);
    try {
      const entries = await fetchAllEntries(filters, setProgress);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      if (format === 'jsonl') downloadText(`mcp-tray-calls-${stamp}.jsonl`, toJsonl(entries), 'application/x-ndjson');
      else downloadText(`mcp-tray-calls-${stamp}.csv`, toCsv(entries), 'text/csv');
      toastStore.show('success', `Exported ${formatCount(entries.length)} calls`);
    } catch (error) {
      toastStore.show('error', `Export failed: ${(error as Error).message}`);
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <div className="button-group" role="group" aria-label="Export">
      {progress !== undefined && (
        <span className="muted" role="status">
          Exporting {formatCount(progress)}…
        </span>
      )}
      <button type="button" className="btn" disabled={progress !== undefined} onClick={() => void run('jsonl')}>
        Export JSONL
      </button>
      <button type="button" className="btn" disabled={progress !== undefined} onClick={() => void run('csv')}>
        Export CSV
      </button>
    </div>
  );
}
