// "Install the command-line tool": `mcp-tray` on PATH, the way an editor installs its own command
// (where it goes depends on the OS; the hub says where and whether it is there).
import { useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { CliToolChange, CliToolInfo } from '../../../api/contract-types.ts';
import { PathText } from '../../../common/components/path-text.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';

export function SectionCliTool() {
  const [info, setInfo] = useState<CliToolInfo | undefined>();
  const [last, setLast] = useState<CliToolChange | undefined>();
  useEffect(() => {
    void control.call('cliTool.status', {}).then(setInfo, () => setInfo(undefined));
  }, []);
  const apply = (change: CliToolChange) => {
    setInfo(change.status);
    setLast(change);
    return change;
  };
  const install = useAction(async () => apply(await control.call('cliTool.install', {})), 'Installed the mcp-tray command');
  const uninstall = useAction(async () => apply(await control.call('cliTool.uninstall', {})), 'Removed the mcp-tray command');
  if (!info) return <p className="muted">Looking for the mcp-tray command…</p>;
  return (
    <div className="stack" data-testid="cli-tool">
      <p>
        The <code>mcp-tray</code> command controls this hub from a terminal (status, servers, approvals, the call log).{' '}
        {info.installed ? 'It is installed at ' : 'It goes to '}
        <PathText path={info.command} label="place of the mcp-tray command" />.
      </p>
      {info.conflict && <p className="callout callout-warn">Another program is already at that place; MCP Tray leaves it alone. Move it away to install.</p>}
      <div className="button-row">
        {info.installed ? (
          <button type="button" className="btn" disabled={uninstall.busy} onClick={() => void uninstall.run()}>
            Remove the command-line tool
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={install.busy || info.conflict} onClick={() => void install.run()}>
            Install the command-line tool
          </button>
        )}
      </div>
      {last && (last.notes.length > 0 || last.skipped.length > 0) && (
        <ul className="callout callout-warn plain-list" role="status">
          {[...last.skipped, ...last.notes].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
