// Which profile a client sees: a select on its row that binds the client (clients.profile).
import { control } from '../../../api/control-client.ts';
import { useAction } from '../../../common/hooks/use-action.ts';

export function SelectProfile({ client, label, current, names, onChanged }: { readonly client: string; readonly label: string; readonly current: string; readonly names: readonly string[]; readonly onChanged: () => void }) {
  const bind = useAction(async (profile: string) => {
    const result = await control.call('clients.profile', { client, profile });
    onChanged();
    return result;
  }, (result) => `${label} now sees profile ${result.profile}`);
  return (
    <select className="select select-small" aria-label={`Profile of ${label}`} value={current} disabled={bind.busy} onChange={(e) => void bind.run(e.target.value)}>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}
