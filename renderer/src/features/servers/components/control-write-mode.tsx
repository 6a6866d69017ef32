// The write-mode switch (docs/write-mode-and-approvals.md): off / ask / allow. Turning it on never happens on the first
// click: "ask" asks for confirmation, "allow" asks with a stronger warning and an explicit tick.
// Turning it off needs no confirmation.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ServerStatus, WriteMode } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { DialogConfirmWriteMode } from './dialog-confirm-write-mode.tsx';

const OPTIONS: ReadonlyArray<{ mode: WriteMode; label: string; hint: string }> = [
  { mode: 'off', label: 'Off', hint: 'read tools only; write tools hidden' },
  { mode: 'ask', label: 'Ask', hint: 'each write call waits for your approval' },
  { mode: 'allow', label: 'Allow', hint: 'write calls run without asking' },
];

export function ControlWriteMode({ server }: { readonly server: ServerStatus }) {
  const [confirming, setConfirming] = useState<'ask' | 'allow' | undefined>();
  const set = useAction(async (mode: WriteMode) => {
    const confirm = mode === 'off' ? undefined : mode;
    hubStore.upsertServer(await control.call('servers.writeMode', { id: server.id, mode, ...(confirm ? { confirm } : {}) }));
  });

  const choose = (mode: WriteMode) => {
    if (mode === server.writeMode) return;
    if (mode === 'off') void set.run('off');
    else setConfirming(mode);
  };

  return (
    <fieldset className="write-mode" data-testid="write-mode">
      <legend className="write-mode-legend">Write mode</legend>
      <div className="segmented" role="radiogroup" aria-label={`Write mode of ${server.name}`}>
        {OPTIONS.map((option) => (
          <label key={option.mode} className={`segment segment-${option.mode}`} data-checked={server.writeMode === option.mode}>
            <input
              type="radio"
              name={`write-mode-${server.id}`}
              value={option.mode}
              checked={server.writeMode === option.mode}
              disabled={set.busy}
              onChange={() => choose(option.mode)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <span className="write-mode-hint" aria-live="polite">
        {OPTIONS.find((o) => o.mode === server.writeMode)?.hint}
        {server.writeMode === 'allow' && <strong className="warning-text"> — no approval is asked</strong>}
      </span>
      {confirming && (
        <DialogConfirmWriteMode
          server={server}
          mode={confirming}
          busy={set.busy}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void set.run(confirming).then(() => setConfirming(undefined))}
        />
      )}
    </fieldset>
  );
}
