// Settings inside Electron (SPEC §4.1): electron-store on the same settings.json, in the same data
// dir and with the same options as the headless hub's conf backend (settings/store.ts), so both
// runtimes read and write one file. The schema check is the hub's own (SettingsStore), in both.
import Store from 'electron-store';
import type { SettingsBackend } from '../hub/settings/store.ts';

export function electronSettingsBackend(dataDir: string): SettingsBackend {
  return new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });
}
