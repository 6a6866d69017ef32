// Control handlers: hub-wide settings. A port change applies at the next start of the hub; a change
// of the denied paths restarts the servers that enforce them.
import type { PublicSettings, SettingsResults } from '../../contract/api/settings.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';
import { DEFAULT_DENIED_PATHS } from '../../settings/denied-path-defaults.ts';
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
    deniedPaths: [...s.deniedPaths],
  };
}

export function settingsHandlers(hub: Hub): SettingsHandlers {
  return {
    async 'settings.get'() {
      return publicSettings(hub.settings.get());
    },
    async 'settings.update'(changes) {
      const { deniedPaths, ...rest } = changes;
      const before = hub.settings.get().deniedPaths;
      const next = hub.settings.update((s) => {
        for (const [key, value] of Object.entries(rest)) if (value !== undefined) (s as Record<string, unknown>)[key] = value;
        if (deniedPaths !== undefined) s.deniedPaths = deniedPaths === 'defaults' ? [...DEFAULT_DENIED_PATHS] : [...new Set(deniedPaths.map((p) => p.trim()).filter(Boolean))];
      });
      if (JSON.stringify(before) !== JSON.stringify(next.deniedPaths)) await hub.servers.deniedPathsChanged();
      hub.emit({ type: 'settings-changed' });
      return publicSettings(next);
    },
  };
}
