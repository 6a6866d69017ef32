// Rate limits: how many calls a client may make per minute and at once, to a server or one of its
// tools. Each limit is listed in words and removable; the form adds one (or changes the limit
// with the same client, server and tool). The same list as `mcp-tray limits`.
import { useCallback, useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { LimitInfo } from '../../../api/contract-types.ts';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { DataTable } from '../../../common/components/data-table.tsx';

interface Draft {
  client: string;
  server: string;
  tool: string;
  perMinute: string;
  concurrent: string;
}

const EMPTY: Draft = { client: '', server: '', tool: '', perMinute: '', concurrent: '' };

export function SectionLimits() {
  const servers = useHub((s) => s.servers);
  const sessions = useHub((s) => s.sessions);
  const [limits, setLimits] = useState<readonly LimitInfo[] | undefined>();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const load = useCallback(() => control.call('limits.list', {}).then(setLimits, () => setLimits([])), []);
  useEffect(() => void load(), [load]);
  const remove = useAction(async (id: string) => {
    await control.call('limits.remove', { id });
    await load();
  }, 'Limit removed');
  const add = useAction(
    async (d: Draft) => {
      const result = await control.call('limits.set', {
        client: d.client.trim() || undefined,
        server: d.server || undefined,
        tool: d.tool.trim() || undefined,
        perMinute: d.perMinute === '' ? undefined : Number(d.perMinute),
        concurrent: d.concurrent === '' ? undefined : Number(d.concurrent),
      });
      await load();
      setDraft(EMPTY);
      return result;
    },
    (result) => `${result.created ? 'Limit added' : 'Limit changed'}: ${result.limit.description}`,
  );
  const knownClients = [...new Set(sessions.map((s) => s.id))].sort();

  return (
    <div className="limits">
      <p className="field-hint">
        Counts tool calls, resource reads and prompts. A call over a limit never reaches its server: the client is told which limit and when to retry, and the Activity view shows it as “Rate limited”. A field left empty matches every client, server or tool, and the calls it matches share one budget.
      </p>
      {!limits ? (
        <p role="status">Loading limits…</p>
      ) : limits.length === 0 ? (
        <EmptyState title="No rate limits">
          <p>Every client may call as often as it likes. Add a limit below to keep a runaway agent from hammering a server or the API behind it.</p>
        </EmptyState>
      ) : (
        <DataTable label="Rate limits" columns={['Client', 'Server', 'Tool', 'Per minute', 'At once']} actions>
          {limits.map((limit) => (
            <tr key={limit.id} title={limit.description}>
              <td>{limit.client ?? 'Any'}</td>
              <td>{limit.server ?? 'Any'}</td>
              <td>{limit.tool ? <code>{limit.tool}</code> : 'Any'}</td>
              <td>{limit.perMinute ?? '—'}</td>
              <td>{limit.concurrent ?? '—'}</td>
              <td className="cell-actions">
                <button type="button" className="btn btn-small btn-ghost-danger" disabled={remove.busy} onClick={() => void remove.run(limit.id)} aria-label={`Remove limit ${limit.id}: ${limit.description}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form
        className="limit-add"
        aria-label="Add a rate limit"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run(draft);
        }}
      >
        <label className="limit-field">
          <span className="field-label">Client</span>
          <input className="input" list="limit-clients" placeholder="Any" value={draft.client} onChange={(e) => setDraft({ ...draft, client: e.target.value })} />
          <datalist id="limit-clients">
            {knownClients.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </label>
        <label className="limit-field">
          <span className="field-label">Server</span>
          <select className="select" value={draft.server} onChange={(e) => setDraft({ ...draft, server: e.target.value })}>
            <option value="">Any</option>
            {servers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </label>
        <label className="limit-field">
          <span className="field-label">Tool</span>
          <input className="input" placeholder={draft.server ? 'Any' : 'Pick a server first'} disabled={!draft.server} value={draft.tool} onChange={(e) => setDraft({ ...draft, tool: e.target.value })} />
        </label>
        <label className="limit-field limit-number">
          <span className="field-label">Per minute</span>
          <input className="input" type="number" min={1} max={1000000} value={draft.perMinute} onChange={(e) => setDraft({ ...draft, perMinute: e.target.value })} />
        </label>
        <label className="limit-field limit-number">
          <span className="field-label">At once</span>
          <input className="input" type="number" min={1} max={10000} value={draft.concurrent} onChange={(e) => setDraft({ ...draft, concurrent: e.target.value })} />
        </label>
        <button type="submit" className="btn" disabled={add.busy || (draft.perMinute === '' && draft.concurrent === '')}>
          Add limit
        </button>
      </form>
    </div>
  );
}
