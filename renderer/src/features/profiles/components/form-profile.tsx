// Creates or edits one profile: its name, the servers it shows, optionally only some of their
// tools (none ticked: every tool of that server), and tool search mode. The hub checks it all.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ProfileInfo, ServerStatus } from '../../../api/contract-types.ts';
import { SwitchToggle } from '../../../common/components/switch-toggle.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';

interface Draft {
  name: string;
  servers: string[];
  tools: string[];
  toolSearch: boolean;
}

export function FormProfile({ servers, editing, onDone, onCancel }: { readonly servers: readonly ServerStatus[]; readonly editing?: ProfileInfo; readonly onDone: () => void; readonly onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => ({ name: editing?.name ?? '', servers: [...(editing?.servers ?? [])], tools: [...(editing?.tools ?? [])], toolSearch: editing?.toolSearch ?? false }));
  const save = useAction(
    async (d: Draft) => {
      const tools = d.tools.filter((t) => d.servers.includes(t.slice(0, t.indexOf(':'))));
      const result = editing
        ? await control.call('profiles.set', { name: d.name, servers: d.servers, tools, toolSearch: d.toolSearch })
        : await control.call('profiles.add', { name: d.name.trim(), servers: d.servers, tools: tools.length > 0 ? tools : undefined, toolSearch: d.toolSearch });
      onDone();
      return result;
    },
    (result) => `Profile ${result.name} saved`,
  );
  const toggle = (list: string[], item: string, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const title = editing ? `Edit profile ${editing.name}` : 'New profile';

  return (
    <form
      className="profile-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(draft);
      }}
    >
      <h3 className="profile-form-title">{title}</h3>
      <label className="profile-field">
        <span className="field-label">Name</span>
        <input className="input" value={draft.name} readOnly={editing !== undefined} placeholder="e.g. web" pattern="[a-z0-9][a-z0-9\-]{0,31}" required onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <div className="profile-servers" role="group" aria-labelledby="profile-servers-label">
        <span id="profile-servers-label" className="field-label">
          Servers
        </span>
        {servers.length === 0 && <p className="muted">No servers yet: add one in Servers first.</p>}
        <ul className="check-list">
          {servers.map((server) => {
            const on = draft.servers.includes(server.id);
            const chosen = draft.tools.filter((t) => t.startsWith(`${server.id}:`)).length;
            return (
              <li key={server.id}>
                <label className="check-row">
                  <input type="checkbox" checked={on} onChange={(e) => setDraft({ ...draft, servers: toggle(draft.servers, server.id, e.target.checked) })} />
                  <span>
                    <strong>{server.id}</strong> <span className="muted">{server.name !== server.id ? server.name : ''}</span>
                  </span>
                </label>
                {on && server.tools.length > 0 && (
                  <details className="profile-tools">
                    <summary>
                      Tools of {server.id}: {chosen === 0 ? `all ${server.tools.length}` : `${chosen} of ${server.tools.length}`}
                    </summary>
                    <p className="field-hint">Tick only the tools this profile shows; none ticked shows every tool of {server.id}.</p>
                    <ul className="check-list profile-tool-list">
                      {server.tools.map((tool) => {
                        const key = `${server.id}:${tool.name}`;
                        return (
                          <li key={key}>
                            <label className="check-row">
                              <input type="checkbox" checked={draft.tools.includes(key)} onChange={(e) => setDraft({ ...draft, tools: toggle(draft.tools, key, e.target.checked) })} />
                              <code>{tool.name}</code>
                              <span className="muted small">{tool.class}</span>
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="profile-search">
        <span className="field-label" aria-hidden="true">
          Tool search
        </span>
        <SwitchToggle label="Tool search" checked={draft.toolSearch} onChange={(toolSearch) => setDraft({ ...draft, toolSearch })} />
        <span className="field-hint">Clients see two tools, search_tools and call_tool, instead of every tool: far fewer tokens in each prompt. Write mode and approvals apply to the tools they call.</span>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.busy || draft.servers.length === 0 || draft.name.trim() === ''}>
          Save profile
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
