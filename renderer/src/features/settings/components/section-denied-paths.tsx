// The paths no bundled server may reach (the filesystem server today, the sandbox later): MCP Tray's
// data folder always, and the list the user keeps here, credential stores by default. Each change is
// saved at once; the filesystem server restarts with it.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { hubStore } from '../../../common/state/hub-store.ts';

const IDE_MCP_CONFIGS = '<ide-mcp-configs>';

export function SectionDeniedPaths({ deniedPaths }: { readonly deniedPaths: readonly string[] }) {
  const dataDir = useHub((s) => s.info?.dataDir);
  const [draft, setDraft] = useState('');
  const save = useAction(async (next: string[] | 'defaults') => hubStore.setSettings(await control.call('settings.update', { deniedPaths: next })), 'Protected paths saved');
  const add = () => {
    const entry = draft.trim();
    if (!entry) return;
    void save.run([...deniedPaths, entry]).then(() => setDraft(''));
  };
  return (
    <div className="denied-paths">
      <p className="field-hint">
        Bundled servers never read, list or change these, whatever folders you give them. “~” is your home folder. Always protected as well: MCP Tray's own data folder
        {dataDir ? (
          <>
            {' '}
            (<code className="wrap">{dataDir}</code>)
          </>
        ) : null}
        .
      </p>
      <ul className="denied-list" aria-label="Protected paths">
        {deniedPaths.map((entry) => (
          <li key={entry} className="denied-item">
            <code className="wrap">{entry === IDE_MCP_CONFIGS ? 'Every IDE’s MCP config file' : entry}</code>
            <button type="button" className="btn btn-small btn-ghost-danger" disabled={save.busy} onClick={() => void save.run(deniedPaths.filter((p) => p !== entry))} aria-label={`Stop protecting ${entry}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="denied-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor="denied-path-input" className="visually-hidden">
          Path to protect
        </label>
        <input id="denied-path-input" className="input" placeholder="~/secrets" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="btn" disabled={save.busy || draft.trim() === ''}>
          Protect
        </button>
        <button type="button" className="btn btn-ghost" disabled={save.busy} onClick={() => void save.run('defaults')}>
          Restore defaults
        </button>
      </form>
    </div>
  );
}
