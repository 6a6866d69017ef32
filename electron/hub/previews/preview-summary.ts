// A preview in one line: what the call log keeps of what the prompt showed, and the PREVIEW column
// of `mcp-tray approvals list`.
import type { ApprovalPreview } from '../contract/contract.ts';

/** One line for the call log: what the user was shown before approving. */
export function previewSummary(preview: ApprovalPreview): string {
  switch (preview.kind) {
    case 'diff': {
      const lines = preview.diff.split('\n');
      const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
      const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
      return `diff of ${preview.path}${preview.created ? ' (new file)' : ''}: +${added} -${removed}`;
    }
    case 'move':
      return `move ${preview.from} -> ${preview.to}${preview.targetExists ? ' (target exists)' : ''}`;
    case 'rows':
      return `${preview.command}: ${preview.rowsAffected ?? 'no count of'} rows affected (rolled back)`;
    case 'lists':
      return preview.summary;
    case 'none':
      return `no preview: ${preview.reason}`;
  }
}
