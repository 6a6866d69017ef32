// Updates of the desktop app: where they stand, the channel (stable or beta), "Check for updates"
// and "Restart now" once a new version is downloaded (docs/updates.md). A headless hub, a checkout
// or a .deb install says how it is updated instead.
import { useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { PublicSettings, UpdateStatus } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useHubEvent } from '../../../common/hooks/use-hub-event.ts';
import { hubStore } from '../../../common/state/hub-store.ts';

export function SectionUpdates({ channel }: { readonly channel: PublicSettings['updateChannel'] }) {
  const [status, setStatus] = useState<UpdateStatus | undefined>();
  useEffect(() => {
    void control.call('updates.status', {}).then(setStatus, () => setStatus(undefined));
  }, []);
  useHubEvent((event) => {
    if (event.type === 'update-changed') setStatus(event.status);
  });
  const check = useAction(async () => setStatus(await control.call('updates.check', {})));
  const restart = useAction(async () => setStatus(await control.call('updates.restart', {})));
  const setChannel = useAction(async (next: PublicSettings['updateChannel']) => hubStore.setSettings(await control.call('settings.update', { updateChannel: next })), 'Update channel saved');
  if (!status) return <p className="muted">Looking at updates…</p>;
  const unsupported = status.phase === 'unsupported';
  return (
    <div className="stack" data-testid="updates">
      <p role="status" data-testid="update-status">
        MCP Tray {status.current}
        {status.message ? `: ${status.message}` : ''}
        {status.phase === 'downloading' && status.percent !== undefined ? ` (${status.percent}%)` : ''}
      </p>
      <div className="setting-row">
        <div className="setting-text">
          <label htmlFor="update-channel">Update channel</label>
          <p className="field-hint">Beta gets new versions first. Going back to stable waits for a stable version newer than this one.</p>
        </div>
        <div className="setting-control">
          <select id="update-channel" className="input input-narrow" value={channel} disabled={setChannel.busy} onChange={(e) => void setChannel.run(e.target.value as PublicSettings['updateChannel'])}>
            <option value="stable">Stable</option>
            <option value="beta">Beta</option>
          </select>
        </div>
      </div>
      <div className="button-row">
        {status.phase === 'ready' ? (
          <button type="button" className="btn btn-primary" disabled={restart.busy} onClick={() => void restart.run()}>
            Restart now
          </button>
        ) : (
          <button type="button" className="btn" disabled={unsupported || check.busy || status.phase === 'checking' || status.phase === 'downloading'} onClick={() => void check.run()}>
            Check for updates
          </button>
        )}
      </div>
    </div>
  );
}
