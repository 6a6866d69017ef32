// The clients connected right now: who (verified id and what they say they are), over what and in
// which protocol version, since when, how busy, and a way to disconnect one. A 2026-07-28 client has
// no connection: its row is the session the hub keeps for it (docs/protocol-eras.md).
import { control } from '../../../api/control-client.ts';
import type { SessionInfo } from '../../../api/contract-types.ts';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useNow } from '../../../common/hooks/use-now.ts';
import { formatAgo, formatCount } from '../../../common/lib/format.ts';
import { DataTable } from '../../../common/components/data-table.tsx';

/** Where a session's profile came from, in words (docs/profiles.md). */
const PROFILE_SOURCE: Readonly<Record<SessionInfo['profileSource'], string>> = {
  entry: "from the IDE entry's --profile",
  token: "from its HTTP token",
  client: "the client's profile",
  default: 'no profile chosen',
};

export function TableSessions({ sessions }: { readonly sessions: readonly SessionInfo[] }) {
  const now = useNow(5000);
  const disconnect = useAction((sessionId: string) => control.call('sessions.disconnect', { sessionId }), 'Disconnected');
  if (sessions.length === 0) {
    return (
      <EmptyState title="No clients connected">
        <p>Install MCP Tray into an IDE below, then start (or reload) the IDE: it connects through the bridge and shows up here.</p>
      </EmptyState>
    );
  }
  return (
    <DataTable label="Connected clients" columns={['Client (reports as)', 'Connection', 'Profile', 'Connected', 'Last call', { label: 'Calls', numeric: true }, { label: 'Waiting', numeric: true }]} actions>
      {sessions.map((s) => (
        <tr key={s.sessionId} data-testid={`session-${s.id}`}>
          <td>
            <strong>{s.label}</strong> <span className="muted">({s.id})</span>
            <div className="muted small">{s.clientInfo ? `${s.clientInfo.name} ${s.clientInfo.version}` : 'not yet initialized'}</div>
          </td>
          {/* How it is connected: the transport, then the protocol revision it speaks. */}
          <td>
            {s.transport === 'socket' ? 'bridge' : 'HTTP'}
            <div className="muted small" data-testid="session-protocol">
              {s.protocolVersion ?? 'not yet initialized'}
              {s.era === 'modern' && ' (stateless)'}
            </div>
          </td>
          <td>
            {s.profile}
            <div className="muted small">{PROFILE_SOURCE[s.profileSource]}</div>
          </td>
          <td>{formatAgo(s.since, now)}</td>
          <td>{s.lastCallAt ? formatAgo(s.lastCallAt, now) : <span className="muted">none yet</span>}</td>
          <td className="num">{formatCount(s.calls)}</td>
          <td className="num">{s.pendingApprovals > 0 ? <strong className="attention-text">{s.pendingApprovals}</strong> : 0}</td>
          <td className="cell-actions">
            <button type="button" className="btn btn-small" disabled={disconnect.busy} onClick={() => void disconnect.run(s.sessionId)} aria-label={`Disconnect ${s.label} session`}>
              Disconnect
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
