// A per-client server's own process (or remote session) of each client session: whose it is, its
// state, pid, uptime and restarts. A command server's idle ones stop and start again at their
// client's next call.
import type { ClientProcessInfo, ServerStatus } from '../../../api/contract-types.ts';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { StatusPill } from '../../../common/components/status-pill.tsx';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { useNow } from '../../../common/hooks/use-now.ts';
import { formatSpan } from '../../../common/lib/format.ts';
import { processView } from '../lib/server-state.ts';

export function PanelClientProcesses({ server }: { readonly server: ServerStatus }) {
  const now = useNow(1000);
  const idleSeconds = useHub((state) => state.settings?.perClientIdleSeconds);
  const remote = server.kind === 'http';
  const what = remote ? 'session' : 'process';
  return (
    <section aria-labelledby={`client-processes-${server.id}`} data-testid="client-processes">
      <h3 id={`client-processes-${server.id}`} className="section-label">
        {remote ? 'Sessions per client' : 'Processes per client'}
      </h3>
      {server.clientProcesses.length === 0 ? (
        <EmptyState title={`No client has its own ${what} yet`}>
          <p>
            Each client session gets its own {what} of this server at its first call, so what the server asks or tells one client
            never reaches another.{!remote && idleSeconds !== undefined && ` A process that idles for ${idleSeconds} s is stopped.`}
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={`${remote ? 'Sessions' : 'Processes'} of ${server.name} per client`}>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">State</th>
                {!remote && <th scope="col">Process</th>}
                <th scope="col">Up for</th>
                <th scope="col">Restarts</th>
              </tr>
            </thead>
            <tbody>
              {server.clientProcesses.map((p) => (
                <ProcessRow key={p.sessionId} process={p} remote={remote} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ProcessRow({ process, remote, now }: { readonly process: ClientProcessInfo; readonly remote: boolean; readonly now: number }) {
  const view = processView(process, now, remote);
  return (
    <tr data-testid={`client-process-${process.clientId}`}>
      <td>
        {process.clientLabel} <span className="muted mono">{process.sessionId.slice(0, 8)}</span>
      </td>
      <td>
        <StatusPill tone={view.tone} label={view.label} />
        {view.detail && <span className="muted"> {view.detail}</span>}
      </td>
      {!remote && <td className="mono">{process.pid ?? '—'}</td>}
      <td>{process.startedAt && process.state === 'running' ? formatSpan(now - Date.parse(process.startedAt)) : '—'}</td>
      <td>{process.failures}</td>
    </tr>
  );
}
