// Control handlers: hub-wide settings. A port change applies at the next start of the hub; a change
// of the denied paths restarts the servers that enforce them.
import type { PublicSettings, SettingsResults } from '../../contract/api/settings.ts';
import type { Handlers } from '../../contract/contract.ts';
import { DEFAULT_DENIED_PATHS } from '../../settings/denied-path-defaults.ts';
import type { Settings } from '../../settings/schema.ts';
import type { SettingsStore } from '../../settings/store.ts';

type SettingsHandlers = Pick<Handlers, keyof SettingsResults>;

function publicSettings(s: Settings): PublicSettings {
  return {
    port: s.port,
    approvalDeadlineSeconds: s.approvalDeadlineSeconds,
    onDemandIdleSeconds: s.onDemandIdleSeconds,
    perClientIdleSeconds: s.perClientIdleSeconds,
    perClientMax: s.perClientMax,
    callLog: { ...s.callLog },
    startAtLogin: s.startAtLogin,
    theme: s.theme,
    updateChannel: s.updateChannel,
    deniedPaths: [...s.deniedPaths],
    registryUrl: s.registryUrl,
  };
}

export interface SettingsHandlerDeps {
  readonly settings: Pick<SettingsStore, 'get' | 'update'>;
  /** Tells every UI that settings changed. */
  settingsChanged(): void;
  /** Restarts the servers that enforce the denied paths. */
  deniedPathsChanged(): Promise<void>;
}

export function settingsHandlers(deps: SettingsHandlerDeps): SettingsHandlers {
  return {
    async 'settings.get'() {
      return publicSettings(deps.settings.get());
    },
    async 'settings.update'(changes) {
      const { deniedPaths, ...rest } = changes;
      const before = deps.settings.get().deniedPaths;
      const next = deps.settings.update((s) => {
        for (const [key, value] of Object.entries(rest)) if (value !== undefined) (s as Record<string, unknown>)[key] = value;
        if (deniedPaths !== undefined) s.deniedPaths = deniedPaths === 'defaults' ? [...DEFAULT_DENIED_PATHS] : [...new Set(deniedPaths.map((p) => p.trim()).filter(Boolean))];
      });
      if (JSON.stringify(before) !== JSON.stringify(next.deniedPaths)) await deps.deniedPathsChanged();
      deps.settingsChanged();
      return publicSettings(next);
    },
  };
}
