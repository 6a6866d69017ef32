// Profiles (docs/profiles.md): which servers and tools a client sees. The built-in "default" shows
// every enabled server; the others are listed with who uses them, and edited in the form below.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ProfileInfo, ProfilesOverview } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { FormProfile } from './form-profile.tsx';
import '../profiles.css';
import { DataTable } from '../../../common/components/data-table.tsx';

export function SectionProfiles({ overview, onChanged }: { readonly overview: ProfilesOverview | undefined; readonly onChanged: () => void }) {
  const servers = useHub((s) => s.servers);
  const [editing, setEditing] = useState<ProfileInfo | 'new' | undefined>();
  const remove = useAction(async (name: string) => {
    const result = await control.call('profiles.remove', { name });
    onChanged();
    return result;
  }, 'Profile removed');
  if (!overview) return <p role="status">Loading profiles…</p>;
  const done = () => {
    setEditing(undefined);
    onChanged();
  };

  return (
    <div className="profiles">
      <p className="field-hint">
        A profile is the set of servers (and, if you like, only some of their tools) a client sees. Bind a client to one in the table of IDEs below; an IDE entry or HTTP token made with <code>--profile</code> wins over that. A call to a tool outside the profile is refused and shows in Activity as “Blocked: not in profile”.
      </p>
      <DataTable label="Profiles" columns={['Profile', 'Servers', 'Tools', 'Tool search', 'Used by']} actions>
        {overview.profiles.map((profile) => {
          const builtIn = profile.name === 'default';
          return (
            <tr key={profile.name} data-testid={`profile-${profile.name}`}>
              <td>
                <strong>{profile.name}</strong>
                {profile.sessions > 0 && <span className="connected-tag"> · {profile.sessions} connected</span>}
              </td>
              <td>{builtIn ? <span className="muted">every enabled server</span> : profile.servers.join(', ')}</td>
              <td>{profile.tools ? `${profile.tools.length} chosen` : <span className="muted">all</span>}</td>
              <td>{profile.toolSearch ? 'On' : 'Off'}</td>
              <td>{builtIn ? <span className="muted">clients bound to none</span> : profile.usedBy.join('; ') || <span className="muted">nobody</span>}</td>
              <td className="cell-actions">
                {!builtIn && (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(profile)} aria-label={`Edit profile ${profile.name}`}>
                      Edit…
                    </button>
                    <button type="button" className="btn btn-small btn-ghost-danger" disabled={remove.busy} onClick={() => void remove.run(profile.name)} aria-label={`Remove profile ${profile.name}`}>
                      Remove
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {editing ? (
        <FormProfile key={editing === 'new' ? 'new' : editing.name} servers={servers} editing={editing === 'new' ? undefined : editing} onDone={done} onCancel={() => setEditing(undefined)} />
      ) : (
        <button type="button" className="btn" onClick={() => setEditing('new')}>
          New profile…
        </button>
      )}
    </div>
  );
}
