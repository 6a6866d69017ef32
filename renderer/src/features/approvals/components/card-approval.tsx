import type { ApprovalInfo } from '../../../api/contract-types.ts';
import { formatClock } from '../../../common/lib/format.ts';
import { ActionsApproval } from './actions-approval.tsx';
import { ApprovalDetails } from './approval-details.tsx';

/** One request in the queue. */
export function CardApproval({ approval }: { readonly approval: ApprovalInfo }) {
  return (
    <article className="card approval-card" aria-label={`${approval.clientLabel} wants ${approval.tool} on ${approval.server}`} data-testid="approval-card">
      <header className="card-header">
        <h2 className="card-title">
          <code>{approval.tool}</code> on {approval.server}
        </h2>
        <span className="muted">requested {formatClock(approval.requestedAt)}</span>
      </header>
      <ApprovalDetails approval={approval} />
      <ActionsApproval approval={approval} />
    </article>
  );
}
