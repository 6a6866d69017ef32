// A shared command server asked "its client" something (sampling, elicitation) while several clients
// (or none) had calls open, so MCP Tray could not tell whose it was and refused it. Giving each
// client session its own process fixes that for good: offered here in one click.
import { control } from '../../../api/control-client.ts';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { formatDateTime } from '../../../common/lib/format.ts';
import { hubStore } from '../../../common/state/hub-store.ts';

const WHAT: Record<string, string> = { 'sampling/createMessage': 'a model completion (sampling)', 'elicitation/create': 'input from the user (elicitation)' };

export function CalloutUnroutedRequest({ server }: { readonly server: ServerStatus }) {
  const perClient = useAction(
    async () => hubStore.upsertServer(await control.call('servers.set', { id: server.id, values: { sessions: 'per-client' } })),
    `${server.name} now runs one process per client session`,
  );
  const refused = server.unroutedRequest;
  if (!refused || !server.sessionsSettable || server.sessions !== 'shared') return null;
  const why = refused.sessions === 0 ? 'no client had a call open to it' : `${refused.sessions} client sessions had calls open to it`;
  return (
    <div className="callout callout-warn stack" role="status" data-testid="unrouted-request">
      <p>
        <strong>A request was refused.</strong> At {formatDateTime(refused.at)} this server asked its client for {WHAT[refused.method] ?? refused.method} while {why}, so
        MCP Tray could not tell whose it was. With one process per client session, every such request reaches the client whose call caused it.
      </p>
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={perClient.busy} onClick={() => void perClient.run()}>
          Use one process per client
        </button>
      </div>
    </div>
  );
}
