// Hub-wide settings: HTTP port (next start), approval deadline, call-log retention, the catalog's
// registry, start at login.
// Saved together.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { PublicSettings } from '../../../api/contract-types.ts';
import { SwitchToggle } from '../../../common/components/switch-toggle.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { RowSetting } from './row-setting.tsx';

export function FormSettings({ settings }: { readonly settings: PublicSettings }) {
  const [draft, setDraft] = useState(settings);
  const save = useAction(async (next: Partial<PublicSettings>) => hubStore.setSettings(await control.call('settings.update', next)), 'Settings saved');
  const edited = (s: PublicSettings) => JSON.stringify([s.port, s.approvalDeadlineSeconds, s.callLog, s.startAtLogin, s.perClientIdleSeconds, s.perClientMax, s.registryUrl]);
  const dirty = edited(draft) !== edited(settings);
  const num = (value: string) => (value === '' ? 0 : Number(value));

  return (
    <form
      aria-label="Hub settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({
          port: draft.port,
          approvalDeadlineSeconds: draft.approvalDeadlineSeconds,
          callLog: draft.callLog,
          startAtLogin: draft.startAtLogin,
          perClientIdleSeconds: draft.perClientIdleSeconds,
          perClientMax: draft.perClientMax,
          registryUrl: draft.registryUrl,
        });
      }}
    >
      <RowSetting label="HTTP port" hint="For HTTP clients and the web UI, on 127.0.0.1 only; 0 picks a free port. Takes effect the next time MCP Tray starts.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={0} max={65535} value={draft.port} onChange={(e) => setDraft({ ...draft, port: num(e.target.value) })} />}
      </RowSetting>
      <RowSetting label="Approval deadline (seconds)" hint="A write call nobody decides within this time is denied as timed out.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={5} max={3600} value={draft.approvalDeadlineSeconds} onChange={(e) => setDraft({ ...draft, approvalDeadlineSeconds: num(e.target.value) })} />}
      </RowSetting>
      <RowSetting label="Keep calls for (days)" hint="Older calls leave the log.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={1} max={3650} value={draft.callLog.retentionDays} onChange={(e) => setDraft({ ...draft, callLog: { ...draft.callLog, retentionDays: num(e.target.value) } })} />}
      </RowSetting>
      <RowSetting label="Call log size limit (MB)" hint="When the log outgrows it, the oldest calls go first.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={10} max={100000} value={draft.callLog.maxMegabytes} onChange={(e) => setDraft({ ...draft, callLog: { ...draft.callLog, maxMegabytes: num(e.target.value) } })} />}
      </RowSetting>
      <RowSetting label="Idle client process stops after (seconds)" hint="For servers that run one process per client session: a process that served no call for this long is stopped; it starts again at its client's next call.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={5} max={86400} value={draft.perClientIdleSeconds} onChange={(e) => setDraft({ ...draft, perClientIdleSeconds: num(e.target.value) })} />}
      </RowSetting>
      <RowSetting label="Processes per server, at most" hint="For servers that run one process per client session: the next client is told why it has to wait.">
        {(p) => <input {...p} className="input input-narrow" type="number" min={1} max={64} value={draft.perClientMax} onChange={(e) => setDraft({ ...draft, perClientMax: num(e.target.value) })} />}
      </RowSetting>
      <RowSetting label="Registry URL" hint="The MCP Registry the Catalog searches and checks for updates (a company may run its own). When it cannot be reached, the Catalog shows the offline snapshot bundled with MCP Tray.">
        {(p) => <input {...p} className="input" type="url" required value={draft.registryUrl} onChange={(e) => setDraft({ ...draft, registryUrl: e.target.value.trim() })} />}
      </RowSetting>
      <div className="setting-row">
        <div className="setting-text">
          <span className="field-label">Start at login</span>
          <p className="field-hint">
            Applies to the desktop app. For the headless hub, run <code>mcp-tray service install</code>.
          </p>
        </div>
        <div className="setting-control">
          <SwitchToggle checked={draft.startAtLogin} label="Start MCP Tray at login" onChange={(on) => setDraft({ ...draft, startAtLogin: on })} />
        </div>
      </div>
      <div className="panel-footer">
        {dirty && (
          <button type="button" className="btn btn-ghost" onClick={() => setDraft(settings)}>
            Discard changes
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={!dirty || save.busy}>
          Save settings
        </button>
      </div>
    </form>
  );
}
