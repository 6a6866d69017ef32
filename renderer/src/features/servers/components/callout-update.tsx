// A server added from the catalog whose registry entry has a newer version: what it is and a button
// to move to it. Updating keeps the id, secrets, write mode, rules and settings.
import { control } from '../../../api/control-client.ts';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { hubStore } from '../../../common/state/hub-store.ts';

export function CalloutUpdate({ server }: { readonly server: ServerStatus }) {
  const update = useAction(
    async () => {
      const result = await control.call('catalog.update', { id: server.id });
      hubStore.upsertServer(result.server);
      return result;
    },
    (r) => `Updated ${server.name} from ${r.from} to ${r.to}; its secrets, write mode and settings are kept${r.secretsToSet.length ? `. It needs a new secret: ${r.secretsToSet.map((s) => s.name).join(', ')}` : ''}`,
  );
  if (!server.update || !server.source) return null;
  return (
    <div className="callout update-callout" role="status" data-testid="update-available">
      <span>
        <strong>Update available:</strong> {server.source.name} {server.update.version} (this server runs {server.source.version}).
      </span>
      <button type="button" className="btn btn-small btn-primary" disabled={update.busy} onClick={() => void update.run()}>
        Update to {server.update.version}
      </button>
    </div>
  );
}
