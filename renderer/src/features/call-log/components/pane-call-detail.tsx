// Everything the log holds about one call: who, what, the exact (redacted) arguments, the decision
// and why, the outcome, timing and a preview of the result.
import type { LogEntry } from '../../../api/contract-types.ts';
import { JsonBlock } from '../../../common/components/json-block.tsx';
import { StatusPill } from '../../../common/components/status-pill.tsx';
import { formatBytes, formatDateTime, formatDuration } from '../../../common/lib/format.ts';
import { decisionView, outcomeView } from '../lib/labels.ts';

export function PaneCallDetail({ entry, onClose }: { readonly entry: LogEntry; readonly onClose: () => void }) {
  const decision = decisionView(entry.decision);
  const outcome = outcomeView(entry.outcome);
  return (
    <aside className="detail-pane" aria-labelledby="call-detail-title" data-testid="call-detail">
      <header className="detail-pane-header">
        <h2 id="call-detail-title" className="detail-pane-title">
          <code>{entry.target}</code> <span className="muted">on {entry.serverId}</span>
        </h2>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="detail-pane-body">
        <div className="pill-row">
          <StatusPill tone={decision.tone} label={decision.label} testId="detail-decision" />
          <StatusPill tone={outcome.tone} label={outcome.label} testId="detail-outcome" />
          <span className="muted" data-testid="detail-duration">
            {formatDuration(entry.durationMs)}
          </span>
        </div>
        {entry.denyReason && (
          <p className="callout callout-warn">
            <strong>Reason given:</strong> {entry.denyReason}
          </p>
        )}
        {entry.error && (
          <p className="callout callout-danger">
            <strong>Error:</strong> {entry.error}
          </p>
        )}
        <dl className="facts facts-compact">
          <dt>Started</dt>
          <dd>{formatDateTime(entry.startedAt)}</dd>
          <dt>Duration</dt>
          <dd>{formatDuration(entry.durationMs)}</dd>
          <dt>Client</dt>
          <dd>
            {entry.clientLabel} <span className="muted">({entry.clientId})</span>
            {entry.clientName && (
              <div className="muted">
                {entry.clientName} {entry.clientVersion}
              </div>
            )}
          </dd>
          <dt>Transport</dt>
          <dd>
            {entry.transport === 'socket' ? 'bridge (local socket)' : 'HTTP'} <span className="muted mono small">session {entry.sessionId.slice(0, 8)}</span>
          </dd>
          <dt>Method</dt>
          <dd className="mono">{entry.method}</dd>
          <dt>Class</dt>
          <dd>{entry.class}</dd>
          <dt>Result</dt>
          <dd>{formatBytes(entry.resultBytes)}</dd>
        </dl>
        <h3 className="section-label">{entry.editedArguments === undefined ? 'Arguments' : 'Arguments the client sent'}</h3>
        <JsonBlock value={entry.arguments ?? {}} label={entry.editedArguments === undefined ? 'Arguments' : 'Arguments the client sent'} testId="detail-arguments" />
        {entry.editedArguments !== undefined && (
          <>
            <h3 className="section-label">Arguments it ran with (edited by you)</h3>
            <JsonBlock value={entry.editedArguments} label="Arguments it ran with (edited by you)" testId="detail-edited-arguments" />
          </>
        )}
        {entry.preview && (
          <>
            <h3 className="section-label">Result preview</h3>
            <JsonBlock value={entry.preview} label="Result preview" />
          </>
        )}
      </div>
    </aside>
  );
}
