// Everything the user needs to decide: who asks (verified client id and what it says it is), which
// server and tool, what the tool does, what the call would change (its preview), and the exact arguments.
import type { ApprovalInfo } from '../../../api/contract-types.ts';
import { Badge } from '../../../common/components/badge.tsx';
import { JsonBlock } from '../../../common/components/json-block.tsx';
import { DeadlineCountdown } from './deadline-countdown.tsx';
import { PreviewEffect } from './preview-effect.tsx';

export function ApprovalDetails({ approval }: { readonly approval: ApprovalInfo }) {
  const a = approval.annotations;
  return (
    <div className="approval-details">
      <dl className="facts">
        <dt>Client</dt>
        <dd data-testid="approval-client">
          <strong>{approval.clientLabel}</strong> <span className="muted">({approval.client})</span>
          {approval.clientInfo && (
            <span className="muted">
              {' '}
              · {approval.clientInfo.name} {approval.clientInfo.version}
            </span>
          )}
        </dd>
        <dt>Server</dt>
        <dd data-testid="approval-server">{approval.server}</dd>
        <dt>Tool</dt>
        <dd data-testid="approval-tool">
          <code>{approval.tool}</code>
          {approval.exposedName !== approval.tool && <span className="muted"> (as {approval.exposedName})</span>}{' '}
          <Badge tone="write">write</Badge>
          {a?.destructiveHint && <Badge tone="danger">destructive</Badge>}
          {a?.idempotentHint && <Badge>idempotent</Badge>}
          {a?.openWorldHint && <Badge>open world</Badge>}
        </dd>
        {approval.description && (
          <>
            <dt>Does</dt>
            <dd className="approval-description">{approval.description}</dd>
          </>
        )}
        <dt>Deadline</dt>
        <dd>
          <DeadlineCountdown deadline={approval.deadline} />
        </dd>
      </dl>
      <PreviewEffect preview={approval.preview} />
      <h3 className="section-label">Arguments</h3>
      <JsonBlock value={approval.arguments} label="Arguments of the call" testId="approval-arguments" />
    </div>
  );
}
