// Where settings.json lives and how it is written, for both runtimes: conf here (headless), and
// electron-store in the app (electron/shell/electron-store-backend.ts), which is conf underneath and
// takes these very options. One options object, so the two cannot drift apart: same file, same
// format, same mode. The hub never imports electron-store; the app passes its backend in.
import Conf from 'conf';

/** What SettingsStore needs from conf or electron-store: both expose the whole store as `.store`. */
export interface SettingsBackend {
  store: Record<string, unknown>;
}

/** The options of settings.json in a data dir, in electron-store's terms (`name` is the file's). */
export function settingsFileOptions(dataDir: string) {
  return { cwd: dataDir, name: 'settings', clearInvalidConfig: false, configFileMode: 0o600 } as const;
}

/** The headless backend: conf with the shared options (conf calls the file name `configName`). */
export function confSettingsBackend(dataDir: string): SettingsBackend {
  const { name, ...options } = settingsFileOptions(dataDir);
  return new Conf<Record<string, unknown>>({ ...options, configName: name, projectName: 'mcp-tray' });
}
