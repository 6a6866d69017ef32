// An approval's preview as the terminal shows it (`mcp-tray approvals show`): the diff as it is,
// a statement's rows as a table, lists as indented lines, or "no preview" with the reason.
import type { ApprovalPreview } from '../hub/contract/contract.ts';
import { table } from './output.ts';

export function previewText(preview: ApprovalPreview): string {
  switch (preview.kind) {
    case 'diff':
      return `Preview: ${preview.created ? 'new file' : 'changes to'} ${preview.path}\n${preview.diff.endsWith('\n') ? preview.diff : `${preview.diff}\n`}`;
    case 'move':
      return `Preview: move ${preview.from} -> ${preview.to}\nTarget exists: ${preview.targetExists ? 'yes' : 'no'}${preview.note ? `\n${preview.note}` : ''}\n`;
    case 'rows': {
      const head = `Preview (run in a transaction that was rolled back): ${preview.command}, ${preview.rowsAffected ?? 'no count of'} row(s) affected\n`;
      const rows = preview.columns.length ? table([[...preview.columns], ...preview.rows.map((row) => row.map((cell) => (cell === null ? 'NULL' : typeof cell === 'string' ? cell : JSON.stringify(cell))))]) : '';
      return `${head}${rows}${preview.note ? `${preview.note}\n` : ''}`;
    }
    case 'lists':
      return `Preview: ${preview.summary}\n${preview.sections.map((section) => `${section.title}:\n${section.items.map((item) => `  ${item}`).join('\n')}\n`).join('')}`;
    case 'none':
      return `No preview: ${preview.reason}\n`;
  }
}
