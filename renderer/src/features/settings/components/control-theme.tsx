// Light, dark, or as the OS says; saved at once (it is a hub setting, so every window follows).
import { control } from '../../../api/control-client.ts';
import type { PublicSettings } from '../../../api/contract-types.ts';
import { useAction } from '../../../common/hooks/use-action.ts';
import { hubStore } from '../../../common/state/hub-store.ts';

const CHOICES: ReadonlyArray<{ value: PublicSettings['theme']; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ControlTheme({ theme }: { readonly theme: PublicSettings['theme'] }) {
  const save = useAction(async (value: PublicSettings['theme']) => hubStore.setSettings(await control.call('settings.update', { theme: value })));
  return (
    <fieldset className="setting-row setting-fieldset">
      <legend className="visually-hidden">Theme</legend>
      <div className="setting-text">
        <span className="field-label" aria-hidden="true">
          Theme
        </span>
        <p className="field-hint">Every MCP Tray window follows it.</p>
      </div>
      <div className="setting-control radio-row">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="radio">
            <input type="radio" name="theme" value={choice.value} checked={theme === choice.value} disabled={save.busy} onChange={() => void save.run(choice.value)} /> {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
