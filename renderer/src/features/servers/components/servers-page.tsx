// Servers: the list on the left, the chosen server on the right, and "Add server".
import { useState } from 'react';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { PageHeader } from '../../../common/components/page-header.tsx';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { DialogFormAddServer } from './dialog-form-add-server.tsx';
import { ListServers } from './list-servers.tsx';
import { ServerDetail } from './server-detail.tsx';
import '../servers.css';

export function ServersPage({ selectedId }: { readonly selectedId?: string }) {
  const servers = useHub((s) => s.servers);
  const [adding, setAdding] = useState(false);
  const selected = servers.find((s) => s.id === selectedId) ?? servers[0];
  const addButton = (
    <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
      Add server
    </button>
  );
  return (
    <div className="page page-split">
      <PageHeader title="Servers" description="The MCP servers MCP Tray hosts for every client. Write tools stay hidden until you turn write mode on." actions={addButton} />
      {servers.length === 0 ? (
        <EmptyState title="No servers yet" action={addButton}>
          <p>Add a command (e.g. npx -y @modelcontextprotocol/server-github) or a remote MCP URL. Its tokens go to the OS keychain.</p>
        </EmptyState>
      ) : (
        <div className="split">
          <ListServers servers={servers} selectedId={selected?.id} />
          {selected && <ServerDetail key={selected.id} server={selected} />}
        </div>
      )}
      {adding && <DialogFormAddServer onClose={() => setAdding(false)} />}
    </div>
  );
}
