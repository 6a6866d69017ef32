// Install into (or uninstall from) one client's project file in a folder: the user names the folder
// (and optionally a profile), sees the exact file and change as a dry run, then confirms. The hub
// checks the folder exists and resolves it.
import { useState } from 'react';
import type { ClientRow, InstallResult } from '../../../api/contract-types.ts';
import { Dialog } from '../../../common/components/dialog.tsx';
import { DiffBlock } from '../../../common/components/diff-block.tsx';
import { Field } from '../../../common/components/field.tsx';
import { toastStore } from '../../../common/state/toast-store.ts';
import { useInstallChange } from '../hooks/use-install-change.ts';

export interface DialogInstallProjectProps {
  readonly row: ClientRow;
  readonly mode: 'install' | 'uninstall';
  /** The project folder of an existing install (uninstall), else asked for. */
  readonly project?: string;
  /** The profiles an entry may name (an entry naming an unknown one would show the IDE nothing). */
  readonly profiles?: readonly string[];
  readonly onClose: () => void;
  readonly onDone: () => void;
}

export function DialogInstallProject({ row, mode, project, profiles = [], onClose, onDone }: DialogInstallProjectProps) {
  const [folder, setFolder] = useState(project ?? '');
  const [profile, setProfile] = useState('');
  // What the preview was made for: the change is applied for exactly that folder and profile.
  const [asked, setAsked] = useState<{ folder: string; profile: string } | undefined>(project ? { folder: project, profile: '' } : undefined);
  const { preview, error, busy, apply } = useInstallChange(
    !asked ? undefined : mode === 'install' ? { mode, params: { client: row.id, project: asked.folder, ...(asked.profile ? { profile: asked.profile } : {}) } } : { mode, params: { client: row.id, project: asked.folder } },
  );

  const confirm = async () => {
    if (!asked) return;
    const result = await apply();
    if (!result) return;
    toastStore.show('success', mode === 'install' ? `Installed into ${row.label} for ${(result as InstallResult).project ?? asked.folder}. ${(result as InstallResult).reload}` : `Removed MCP Tray from ${row.label} in ${asked.folder}.`);
    onDone();
    onClose();
  };

  const current = asked && asked.folder === folder.trim() && asked.profile === profile.trim();
  return (
    <Dialog
      title={mode === 'install' ? `Install MCP Tray into a ${row.label} project` : `Uninstall MCP Tray from a ${row.label} project`}
      onClose={onClose}
      size="large"
      testId="install-project-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={`btn ${mode === 'install' ? 'btn-primary' : 'btn-danger'}`} disabled={busy || !current || !preview || !preview.changed} onClick={() => void confirm()}>
            {mode === 'install' ? 'Install' : 'Uninstall'}
          </button>
        </>
      }
    >
      <div className="stack">
        {mode === 'install' ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              setAsked({ folder: folder.trim(), profile: profile.trim() });
            }}
          >
            <Field label="Project folder" hint={<>The absolute path of an existing folder. MCP Tray writes <code>{row.projectConfig}</code> in it.</>}>
              {(p) => <input {...p} className="input mono" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/you/code/app" required />}
            </Field>
            <Field label="Profile (optional)" hint="The entry runs the bridge with this profile; none: the client’s own profile.">
              {(p) => (
                <select {...p} className="select" value={profile} onChange={(e) => setProfile(e.target.value)}>
                  <option value="">None (the client’s own profile)</option>
                  {profiles.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div>
              <button type="submit" className="btn" disabled={!folder.trim()}>
                Show the change
              </button>
            </div>
          </form>
        ) : (
          <p>
            Project folder: <code className="wrap">{project}</code>
          </p>
        )}
        {asked && !preview && !error && <p role="status">Working out the change…</p>}
        {error && (
          <p className="callout callout-danger" role="alert">
            {error}
          </p>
        )}
        {preview && (
          <>
            <p>
              Changes only the “mcp-tray” entry in <code className="wrap">{preview.path}</code>
              {preview.changed ? '; an existing file is backed up first.' : '.'}
            </p>
            <DiffBlock diff={preview.diff} label={`Change to ${preview.path}`} />
            {!preview.changed && <p className="muted">Nothing to change: it is already {mode === 'install' ? 'installed this way' : 'removed'}.</p>}
            <p className="muted">Afterwards: {row.reload}</p>
          </>
        )}
      </div>
    </Dialog>
  );
}
