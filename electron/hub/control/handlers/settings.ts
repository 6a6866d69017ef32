// Control handlers: hub-wide settings. A port change applies at the next start of the hub.
import type { PublicSettings, SettingsResults } from '../../contract/api/settings.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';
import type { Settings } from '../../settings/schema.ts';

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

export function settingsHandlers(hub: Hub): SettingsHandlers {
  return {
    async 'settings.get'() {
      return publicSettings(hub.settings.get());
    },
    async 'settings.update'(changes) {
      const next = hub.settings.update((s) => {
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) (s as Record<string, unknown>)[key] = value;
      });
      hub.emit({ type: 'settings-changed' });
      return publicSettings(next);
    },
  };
}
