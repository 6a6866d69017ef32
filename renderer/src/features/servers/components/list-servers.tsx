// The server list beside the detail: name, state, tool counts, write mode and sandbox at a glance.
import type { ServerStatus } from '../../../api/contract-types.ts';
import { hrefTo } from '../../../common/lib/router.ts';
import { setupNeeded } from '../lib/option-labels.ts';
import { describeExit, WRITE_MODE_LABEL } from '../lib/server-state.ts';
import { PillServerState } from './pill-server-state.tsx';

/** What keeps a server from running, in a line (the detail has the rest). */
function attention(server: ServerStatus): string | undefined {
  if (server.state === 'crashed') return describeExit(server) ? `Gave up: ${describeExit(server)}` : 'Gave up after repeated crashes';
  if (server.state === 'keychain-unavailable' || server.state === 'not-installed' || (server.state === 'stopped' && server.problem)) return server.problem;
  if (server.state === 'needs-sign-in') return 'Sign in to use its tools';
  if (server.auth?.pendingScope) return 'Asks for more permission: sign in again';
  return setupNeeded(server);
}

export function ListServers({ servers, selectedId }: { readonly servers: readonly ServerStatus[]; readonly selectedId?: string }) {
  return (
    <ul className="server-list" aria-label="Servers">
      {servers.map((server) => (
        <li key={server.id}>
          <a className="server-item" href={hrefTo('servers', server.id)} aria-current={server.id === selectedId ? 'true' : undefined} data-testid={`server-item-${server.id}`}>
            <span className="server-item-top">
              <span className="server-item-name">{server.name}</span>
              <PillServerState server={server} />
            </span>
            <span className="server-item-meta">
              <span>{server.id}</span>
              {setupNeeded(server) ? (
                <span>not set up</span>
              ) : (
                <span>
                  {server.toolCounts.read} read · {server.toolCounts.write} write
                </span>
              )}
              <span className={`write-mode-tag write-mode-${server.writeMode}`}>{WRITE_MODE_LABEL[server.writeMode]}</span>
              {server.update && (
                <span className="update-tag" data-testid={`update-tag-${server.id}`}>
                  update {server.update.version}
                </span>
              )}
              {(server.heldTools ?? []).some((h) => !h.rejected) && (
                <span className="held-tag" data-testid={`held-tag-${server.id}`}>
                  {(server.heldTools ?? []).filter((h) => !h.rejected).length} to review
                </span>
              )}
              {server.sandbox.settable && <span title={server.sandbox.sandboxed ? undefined : server.sandbox.reason}>{server.sandbox.sandboxed ? `sandboxed${server.sandbox.level === 'strict' ? ' (strict)' : ''}` : 'not sandboxed'}</span>}
            </span>
            {attention(server) && <span className={`server-item-problem${server.state === 'stopped' || setupNeeded(server) ? '' : ' is-error'}`}>{attention(server)}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
