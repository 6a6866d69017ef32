// Control API: the desktop app's updates ("Check for updates…" in the tray and Settings, docs/updates.md).
// The hub only carries them: the app's shell checks, downloads and installs (electron-updater); a
// headless hub, a checkout or a package-managed install says how it is updated instead.
import { z } from 'zod';

export const updateRequests = {
  'updates.status': z.object({}).strict(),
  /** Looks for a new version on the channel in settings; a found one downloads in the background. */
  'updates.check': z.object({}).strict(),
  /** Stops every server, installs the downloaded version and starts it. */
  'updates.restart': z.object({}).strict(),
} as const;

export type UpdatePhase =
  /** This install is not updated by the app (headless, a checkout, a .deb): see `message`. */
  | 'unsupported'
  | 'idle'
  | 'checking'
  | 'up-to-date'
  | 'downloading'
  /** Downloaded and verified: installs on quit, or now with `updates.restart`. */
  | 'ready'
  | 'error';

export interface UpdateStatus {
  readonly phase: UpdatePhase;
  /** The running version. */
  readonly current: string;
  readonly channel: 'stable' | 'beta';
  /** The version found (available, downloading, ready). */
  readonly version?: string;
  /** Download progress, 0–100. */
  readonly percent?: number;
  /** Why it is unsupported, what went wrong, or what happens next; one line. */
  readonly message?: string;
  /** When the last check finished (ISO 8601). */
  readonly checkedAt?: string;
}

export interface UpdateResults {
  'updates.status': UpdateStatus;
  'updates.check': UpdateStatus;
  'updates.restart': UpdateStatus;
}
