// What the call would change, computed by MCP Tray through the server before asking, without side
// effects: a diff of the file, a move, the rows a statement changes (from a transaction that was
// rolled back), or lists (a commit's files, what a reset loses, entities created or deleted). When
// there is none, why; the arguments below are then all there is to go on.
import { useId } from 'react';
import type { ApprovalPreview } from '../../../api/contract-types.ts';
import { Badge } from '../../../common/components/badge.tsx';
import { DiffBlock } from '../../../common/components/diff-block.tsx';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function PreviewEffect({ preview }: { readonly preview: ApprovalPreview | undefined }) {
  const titleId = useId();
  return (
    <section className="preview-effect" aria-labelledby={titleId} data-testid="approval-preview" data-kind={preview?.kind ?? 'none'}>
      <h3 className="section-label" id={titleId}>
        What it would change
      </h3>
      <PreviewBody preview={preview} />
    </section>
  );
}

function PreviewBody({ preview }: { readonly preview: ApprovalPreview | undefined }) {
  if (!preview) return <p className="preview-none">No preview for this call.</p>;
  switch (preview.kind) {
    case 'diff':
      return (
        <>
          <p className="preview-summary">
            {preview.created ? 'Creates' : 'Changes'} <code>{preview.path}</code>
            {preview.created && <Badge>new file</Badge>}
          </p>
          <DiffBlock diff={preview.diff} label={`Changes to ${preview.path}: removed (-) and added (+) lines`} />
        </>
      );
    case 'move':
      return (
        <dl className="facts preview-move">
          <dt>From</dt>
          <dd>
            <code>{preview.from}</code>
          </dd>
          <dt>To</dt>
          <dd>
            <code>{preview.to}</code> {preview.targetExists ? <Badge tone="danger">exists</Badge> : <Badge>does not exist yet</Badge>}
          </dd>
          {preview.note && (
            <>
              <dt>Note</dt>
              <dd>{preview.note}</dd>
            </>
          )}
        </dl>
      );
    case 'rows':
      return (
        <>
          <p className="preview-summary" data-testid="preview-rows-affected">
            {preview.command}: <strong>{preview.rowsAffected ?? 'no count of'}</strong> row{preview.rowsAffected === 1 ? '' : 's'} affected{' '}
            <span className="muted">(tried in a transaction that was rolled back)</span>
          </p>
          {preview.columns.length > 0 && (
            <div className="preview-table-wrap" tabIndex={0} role="region" aria-label="Changed rows, as they would be">
              <table className="table preview-rows" aria-label="Changed rows">
                <thead>
                  <tr>
                    {preview.columns.map((column, i) => (
                      <th key={i} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c}>{cellText(cell)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.note && <p className="hint">{preview.note}</p>}
        </>
      );
    case 'lists':
      return (
        <>
          <p className="preview-summary">{preview.summary}</p>
          {preview.sections.map((section, i) => (
            <div key={i} className="preview-list">
              <h4>{section.title}</h4>
              <ul>
                {section.items.map((item, j) => (
                  <li key={j}>
                    <code>{item}</code>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      );
    case 'none':
      return (
        <p className="preview-none" data-testid="preview-none">
          No preview: {preview.reason}. Check the arguments below.
        </p>
      );
  }
}
