// A server's state in full: why it is in it, uptime, process, what it offers, its sandbox, what it says about
// itself (its MCP instructions: e.g. the bundled postgres server says here why pg_query needs
// approval with this connection), its last exit.
import type { ServerStatus } from '../../../api/contract-types.ts';
import { useNow } from '../../../common/hooks/use-now.ts';
import { formatDateTime } from '../../../common/lib/format.ts';
import { setupNeeded } from '../lib/option-labels.ts';
import { stateView } from '../lib/server-state.ts';
import { CalloutUnroutedRequest } from './callout-unrouted-request.tsx';
import { PanelClientProcesses } from './panel-client-processes.tsx';
import { PanelSandbox } from './panel-sandbox.tsx';

export function PanelOverview({ server }: { readonly server: ServerStatus }) {
  const now = useNow(1000);
  const view = stateView(server, now);
  const exit = server.lastExit;
  return (
    <div className="stack">
      {(server.state === 'crashed' || server.state === 'keychain-unavailable' || server.problem) && server.state !== 'needs-sign-in' && (
        <div className={`callout ${view.tone === 'error' ? 'callout-danger' : 'callout-warn'}`} role="status">
          <strong>{view.label}:</strong> {view.detail}
        </div>
      )}
      <CalloutUnroutedRequest server={server} />
      {setupNeeded(server) && (
        <div className="callout callout-warn" role="status" data-testid="setup-needed">
          {setupNeeded(server)}.
        </div>
      )}
      {server.instructions && (
        <section aria-label="What the server says">
          <h3 className="section-label">The server says</h3>
          <p className="callout server-instructions">{server.instructions}</p>
        </section>
      )}
      <dl className="facts">
        <dt>State</dt>
        <dd>
          {view.label}
          {view.detail && <span className="muted"> — {view.detail}</span>}
        </dd>
        <dt>Offers</dt>
        <dd>
          {server.toolCounts.read} read tools, {server.toolCounts.write} write tools, {server.resourceCount} resources, {server.promptCount} prompts
        </dd>
        {server.serverInfo && (
          <>
            <dt>Reports as</dt>
            <dd>
              {server.serverInfo.name} {server.serverInfo.version}
            </dd>
          </>
        )}
        {server.pid !== undefined && (
          <>
            <dt>Process</dt>
            <dd>pid {server.pid}</dd>
          </>
        )}
        <dt>Clients</dt>
        <dd>
          {server.sessions === 'per-client'
            ? server.kind === 'http'
              ? 'each client session has its own session with the remote server'
              : 'each client session gets its own process'
            : 'every client shares one process'}
        </dd>
        <dt>Startup</dt>
        <dd>{server.startup === 'eager' ? 'with the hub' : 'on demand (at its first call; stops when idle)'}</dd>
        <dt>Runs</dt>
        <dd>
          <code className="wrap">{server.launch}</code>
        </dd>
      </dl>
      <PanelSandbox server={server} />
      {server.sessions === 'per-client' && <PanelClientProcesses server={server} />}
      {exit && (
        <section aria-label="Last exit">
          <h3 className="section-label">Last exit</h3>
          <p>
            {exit.signal ? `signal ${exit.signal}` : exit.code !== null ? `exit code ${exit.code}` : 'did not start'} at {formatDateTime(exit.at)}
            {exit.reason && ` — ${exit.reason}`}
          </p>
          {exit.stderrTail.length > 0 && (
            <details className="more-details">
              <summary>More: the last lines it printed</summary>
              <pre className="log-block log-block-short" tabIndex={0} aria-label="Last lines of stderr">
                {exit.stderrTail.join('\n')}
              </pre>
            </details>
          )}
        </section>
      )}
    </div>
  );
}
