// Settings inside Electron: electron-store with the hub's own options for settings.json
// (hub/settings/settings-backend.ts), so the app and `mcp-tray serve` read and write one file in one
// format. The schema check is the hub's own (SettingsStore), in both.
import Store from 'electron-store';
import { settingsFileOptions, type SettingsBackend } from '../hub/settings/settings-backend.ts';

export function electronSettingsBackend(dataDir: string): SettingsBackend {
  return new Store<Record<string, unknown>>(settingsFileOptions(dataDir));
}
