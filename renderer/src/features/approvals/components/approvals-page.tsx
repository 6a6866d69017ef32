import { EmptyState } from '../../../common/components/empty-state.tsx';
import { PageHeader } from '../../../common/components/page-header.tsx';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { hrefTo } from '../../../common/lib/router.ts';
import { CardApproval } from './card-approval.tsx';
import '../approvals.css';

/** The queue of write calls waiting for a decision, oldest first. */
export function ApprovalsPage() {
  const approvals = useHub((s) => s.approvals);
  const askServers = useHub((s) => s.servers.filter((x) => x.writeMode === 'ask').length);
  return (
    <div className="page">
      <PageHeader
        title="Approvals"
        description="Write calls from servers in “ask” mode wait here for your decision. Persisted “always approve” rules are listed in Settings."
      />
      {approvals.length === 0 ? (
        <EmptyState title="Nothing is waiting for approval">
          {askServers === 0 ? (
            <p>
              Every server's write mode is off or allow, so no call will ask. Turn write mode to “ask” for a server under <a href={hrefTo('servers')}>Servers</a> to
              review its write calls here.
            </p>
          ) : (
            <p>When a client calls a write tool, the request appears here and over whatever view is open.</p>
          )}
        </EmptyState>
      ) : (
        <div className="stack-lg">
          {approvals.map((approval) => (
            <CardApproval key={approval.id} approval={approval} />
          ))}
        </div>
      )}
    </div>
  );
}
