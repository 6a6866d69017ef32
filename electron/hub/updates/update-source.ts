// What the hub knows of the desktop app's updates: a source the shell gives it (electron-updater
// lives in the Electron shell, electron/shell/app-updater.ts; the hub never imports Electron), or,
// for a headless hub, one that says how this install is updated instead (docs/updates.md).
import type { UpdateStatus } from '../contract/api/updates.ts';

export interface UpdateSource {
  status(): UpdateStatus;
  /** Looks for an update (and downloads one found in the background); resolves with the status once the check is answered. */
  check(): Promise<UpdateStatus>;
  /** Installs the downloaded update now: every server is stopped first, then the app restarts. */
  restart(): Promise<UpdateStatus>;
  onChange(listener: (status: UpdateStatus) => void): void;
}

export const HEADLESS_UPDATES = 'this hub runs without the desktop app (mcp-tray serve): update it the way it was installed (npm, or git pull in a checkout); the desktop app updates itself';

/** A source for an install the app does not update: every call answers with why. */
export function unsupportedUpdates(current: string, channel: () => UpdateStatus['channel'], message: string): UpdateSource {
  const status = (): UpdateStatus => ({ phase: 'unsupported', current, channel: channel(), message });
  return {
    status,
    check: async () => status(),
    restart: async () => status(),
    onChange: () => undefined,
  };
}
