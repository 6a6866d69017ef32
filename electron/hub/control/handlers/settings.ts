// Control handlers: hub-wide settings. A port change applies at the next start of the deps.
import type { PublicSettings, SettingsResults } from '../../contract/api/settings.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { Settings } from '../../settings/schema.ts';
import type { SettingsStore } from '../../settings/store.ts';

type SettingsHandlers = Pick<Handlers, keyof SettingsResults>;

function publicSettings(s: Settings): PublicSettings {
  return {
    port: s.port,
    approvalDeadlineSeconds: s.approvalDeadlineSeconds,
    onDemandIdleSeconds: s.onDemandIdleSeconds,
    callLog: { ...s.callLog },
    startAtLogin: s.startAtLogin,
    theme: s.theme,
  };
}

export interface SettingsHandlerDeps {
  readonly settings: Pick<SettingsStore, 'get' | 'update'>;
  /** Tells every UI that settings changed. */
  settingsChanged(): void;
}

export function settingsHandlers(deps: SettingsHandlerDeps): SettingsHandlers {
  return {
    async 'settings.get'() {
      return publicSettings(deps.settings.get());
    },
    async 'settings.update'(changes) {
      const next = deps.settings.update((s) => {
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) (s as Record<string, unknown>)[key] = value;
      });
      deps.settingsChanged();
      return publicSettings(next);
    },
  };
}
